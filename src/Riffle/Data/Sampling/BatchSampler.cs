namespace Riffle.Data.Sampling;

/// <summary>Cuts any sampler's order into batches of indices (PyTorch's <c>BatchSampler</c>).</summary>
public sealed class BatchSampler
{
    public BatchSampler(ISampler sampler, int batchSize, bool dropLast)
    {
        if (batchSize < 1) throw new ArgumentOutOfRangeException(nameof(batchSize), $"batchSize must be at least 1, but got batchSize={batchSize}");
        Sampler = sampler;
        BatchSize = batchSize;
        DropLast = dropLast;
    }

    public ISampler Sampler { get; }
    public int BatchSize { get; }
    public bool DropLast { get; }

    /// <summary>Batches per epoch.</summary>
    public int Length => DropLast ? Sampler.Length / BatchSize : (Sampler.Length + BatchSize - 1) / BatchSize;

    /// <summary>The batches of one epoch, each a slice of the sampler's order.</summary>
    public IReadOnlyList<ArraySegment<int>> GetBatches(int epoch)
    {
        int[] order = Sampler.GetIndices(epoch);
        var batches = new ArraySegment<int>[Length];
        for (int b = 0; b < batches.Length; b++)
            batches[b] = new ArraySegment<int>(order, b * BatchSize, Math.Min(BatchSize, order.Length - b * BatchSize));
        return batches;
    }
}
