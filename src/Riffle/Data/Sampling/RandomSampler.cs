namespace Riffle.Data.Sampling;

/// <summary>
/// PyTorch's <c>RandomSampler</c>: without replacement, a fresh permutation of <c>0 .. n-1</c> each epoch (cycled
/// through further fresh permutations when <c>numSamples</c> exceeds n); with replacement, <c>numSamples</c>
/// uniform draws. Everything is fixed by (seed, epoch).
/// </summary>
public sealed class RandomSampler : ISampler
{
    private readonly int _count;
    private readonly long _seed;

    public RandomSampler(int count, long seed, bool replacement = false, int? numSamples = null)
    {
        if (count < 0) throw new ArgumentOutOfRangeException(nameof(count), $"count must be non-negative, but got count={count}");
        if (numSamples is < 0) throw new ArgumentOutOfRangeException(nameof(numSamples), $"numSamples must be non-negative, but got numSamples={numSamples}");
        if (count == 0 && numSamples is > 0) throw new ArgumentException($"cannot draw numSamples={numSamples} from an empty dataset", nameof(numSamples));
        _count = count;
        _seed = seed;
        Replacement = replacement;
        Length = numSamples ?? count;
    }

    public bool Replacement { get; }
    public int Length { get; }

    public int[] GetIndices(int epoch)
    {
        var indices = new int[Length];
        var rng = new SplitMix64(SplitMix64.Mix(_seed, epoch));
        if (Replacement)
        {
            for (int i = 0; i < Length; i++) indices[i] = rng.NextBelow(_count);
            return indices;
        }
        for (int filled = 0, round = 0; filled < Length; round++)
        {
            int[] permutation = Permutation.Create(_count, SplitMix64.Mix(_seed, epoch, round));
            int take = Math.Min(_count, Length - filled);
            Array.Copy(permutation, 0, indices, filled, take);
            filled += take;
        }
        return indices;
    }
}
