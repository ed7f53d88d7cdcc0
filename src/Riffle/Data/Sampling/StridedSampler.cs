namespace Riffle.Data.Sampling;

/// <summary>
/// Rank r's share of <c>0 .. n-1</c> for evaluation: <c>r, r + W, r + 2W, ...</c>, without padding, so over all ranks
/// every index is visited exactly once and no sample is counted twice.
/// </summary>
public sealed class StridedSampler : ISampler
{
    public StridedSampler(int count, int numReplicas, int rank)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"count must be non-negative, but got count={count}");
        if (numReplicas < 1) throw new ArgumentOutOfRangeException(nameof(numReplicas), $"numReplicas must be at least 1, but got numReplicas={numReplicas}");
        if (rank < 0 || rank >= numReplicas)
            throw new ArgumentOutOfRangeException(nameof(rank), $"rank must be in [0, {numReplicas - 1}], but got rank={rank}");
        Count = count;
        NumReplicas = numReplicas;
        Rank = rank;
    }

    public int Count { get; }
    public int NumReplicas { get; }
    public int Rank { get; }
    public int Length => Count > Rank ? (Count - Rank + NumReplicas - 1) / NumReplicas : 0;

    public int[] GetIndices(int epoch)
    {
        var indices = new int[Length];
        for (int k = 0; k < indices.Length; k++) indices[k] = Rank + k * NumReplicas;
        return indices;
    }
}
