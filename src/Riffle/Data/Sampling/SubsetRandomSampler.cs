namespace Riffle.Data.Sampling;

/// <summary>The given indices in a fresh random order each epoch (PyTorch's <c>SubsetRandomSampler</c>).</summary>
public sealed class SubsetRandomSampler : ISampler
{
    private readonly int[] _indices;
    private readonly long _seed;

    public SubsetRandomSampler(IEnumerable<int> indices, long seed)
    {
        _indices = indices.ToArray();
        _seed = seed;
    }

    public int Length => _indices.Length;

    public int[] GetIndices(int epoch)
    {
        int[] order = (int[])_indices.Clone();
        Permutation.Shuffle<int>(order, SplitMix64.Mix(_seed, epoch));
        return order;
    }
}
