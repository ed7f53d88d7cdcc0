namespace Riffle.Data;

/// <summary>Options of a <see cref="DataLoader"/> (PyTorch's DataLoader arguments, in .NET casing).</summary>
public sealed record DataLoaderOptions
{
    public int BatchSize { get; init; } = 128;

    /// <summary>Drop the last batch when it is smaller than <see cref="BatchSize"/>.</summary>
    public bool DropLast { get; init; }

    /// <summary>Threads that collate batches ahead of the consumer; 0 collates on the consumer's thread.</summary>
    public int NumWorkers { get; init; }

    /// <summary>Batches each worker may have ready ahead of the consumer (PyTorch's <c>prefetch_factor</c>).</summary>
    public int PrefetchFactor { get; init; } = 2;

    /// <summary>Keep the worker threads alive between epochs instead of starting them each epoch.</summary>
    public bool PersistentWorkers { get; init; }

    public void Validate()
    {
        if (BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(BatchSize), $"BatchSize must be at least 1, but got BatchSize={BatchSize}");
        if (NumWorkers < 0) throw new ArgumentOutOfRangeException(nameof(NumWorkers), $"NumWorkers must be non-negative, but got NumWorkers={NumWorkers}");
        if (PrefetchFactor < 1) throw new ArgumentOutOfRangeException(nameof(PrefetchFactor), $"PrefetchFactor must be at least 1, but got PrefetchFactor={PrefetchFactor}");
        if (PersistentWorkers && NumWorkers == 0)
            throw new ArgumentException("PersistentWorkers needs NumWorkers > 0, but got NumWorkers=0", nameof(PersistentWorkers));
    }
}
