namespace Riffle.Data;

/// <summary>Options of a <see cref="DataLoader"/> (PyTorch's DataLoader arguments, in .NET casing).</summary>
public sealed record DataLoaderOptions
{
    public int BatchSize { get; init; } = 128;

    /// <summary>Drop the last batch when it is smaller than <see cref="BatchSize"/>.</summary>
    public bool DropLast { get; init; }

    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"BatchSize must be at least 1, but got BatchSize={BatchSize}");
    }
}
