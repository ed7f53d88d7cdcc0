namespace Riffle.Distributed;

/// <summary>The ranks of a job were given different configurations (flags or data) and refuse to train.</summary>
public sealed class DistributedConfigException : Exception
{
    public DistributedConfigException(IReadOnlyList<string> differing)
        : base($"the ranks disagree on {string.Join(", ", differing)}; every rank must get the same flags and the same data")
    {
        Differing = differing;
    }

    /// <summary>The names of the settings whose values differ between ranks.</summary>
    public IReadOnlyList<string> Differing { get; }
}
