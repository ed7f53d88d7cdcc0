namespace Riffle.Data;

/// <summary>One loader throughput measurement: whose loader, how many workers, which batch size, augmented or not.</summary>
public sealed record LoaderBenchmarkOptions
{
    /// <summary><c>riffle</c> (Riffle's <see cref="DataLoader"/>) or <c>torchsharp</c> (TorchSharp's own DataLoader on the same data and transforms).</summary>
    public string Implementation { get; init; } = "riffle";
    public int BatchSize { get; init; } = 128;
    public int Workers { get; init; }
    public bool Augment { get; init; }
    public long Seed { get; init; }

    public static readonly IReadOnlyList<string> Implementations = ["riffle", "torchsharp"];

    public void Validate()
    {
        if (!Implementations.Contains(Implementation)) throw new ArgumentException($"implementation must be one of {string.Join(", ", Implementations)}, but got {Implementation}", nameof(Implementation));
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"batch-size must be at least 1, but got batch-size={BatchSize}");
        if (Workers < 0) throw new ArgumentOutOfRangeException(nameof(Workers), $"workers must be non-negative, but got workers={Workers}");
    }
}
