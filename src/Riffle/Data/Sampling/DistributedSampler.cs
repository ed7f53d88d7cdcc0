namespace Riffle.Data.Sampling;

/// <summary>
/// One rank's share of a dataset, with PyTorch's <c>DistributedSampler</c> rules:
/// the global order is a permutation from (seed, epoch) when shuffling, else <c>0 .. n-1</c>;
/// <c>NumSamples = ceil(n / W)</c>, or <c>floor(n / W)</c> with drop-last; without drop-last the order is padded
/// to <c>NumSamples * W</c> by repeating its head (wrapping as often as needed), with drop-last its tail is cut;
/// rank r takes positions <c>r, r + W, r + 2W, ...</c>.
/// </summary>
public sealed class DistributedSampler : ISampler
{
    private readonly int _count;

    public DistributedSampler(int count, int numReplicas = 1, int rank = 0, bool shuffle = true, long seed = 0, bool dropLast = false)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"count must be non-negative, but got count={count}");
        if (numReplicas < 1) throw new ArgumentOutOfRangeException(nameof(numReplicas), $"numReplicas must be at least 1, but got numReplicas={numReplicas}");
        if (rank < 0 || rank >= numReplicas)
            throw new ArgumentOutOfRangeException(nameof(rank), $"rank must be in [0, {numReplicas - 1}], but got rank={rank}");
        _count = count;
        NumReplicas = numReplicas;
        Rank = rank;
        Shuffle = shuffle;
        Seed = seed;
        DropLast = dropLast;
        NumSamples = dropLast ? count / numReplicas : (count + numReplicas - 1) / numReplicas;
    }

    public int NumReplicas { get; }
    public int Rank { get; }
    public bool Shuffle { get; }
    public long Seed { get; }
    public bool DropLast { get; }

    /// <summary>Indices per rank per epoch.</summary>
    public int NumSamples { get; }

    /// <summary>Indices per epoch over all ranks, padding included.</summary>
    public int TotalSize => NumSamples * NumReplicas;

    public int Length => NumSamples;

    /// <summary>The padded (or cut) global order of an epoch, before the split across ranks.</summary>
    public int[] GlobalOrder(int epoch)
    {
        int[] order = Shuffle ? Permutation.Create(_count, SplitMix64.Mix(Seed, epoch)) : new SequentialSampler(_count).GetIndices(epoch);
        if (order.Length == TotalSize) return order;
        var sized = new int[TotalSize];
        for (int i = 0; i < TotalSize; i++) sized[i] = order[i % order.Length]; // pads by wrapping, or cuts the tail
        return sized;
    }

    public int[] GetIndices(int epoch)
    {
        int[] global = GlobalOrder(epoch);
        var mine = new int[NumSamples];
        for (int k = 0; k < NumSamples; k++) mine[k] = global[Rank + k * NumReplicas];
        return mine;
    }
}
