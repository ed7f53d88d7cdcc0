namespace Riffle.Data.Sampling;

/// <summary>A fresh random permutation of <c>0 .. n-1</c> each epoch, from (seed, epoch) (PyTorch's <c>RandomSampler</c>).</summary>
public sealed class RandomSampler : ISampler
{
    private readonly long _seed;

    public RandomSampler(int count, long seed)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"count must be non-negative, but got count={count}");
        Length = count;
        _seed = seed;
    }

    public int Length { get; }

    public int[] GetIndices(int epoch) => Permutation.Create(Length, SplitMix64.Mix(_seed, epoch));
}
