namespace Riffle.Data.Sampling;

/// <summary>Random permutations (Fisher-Yates) driven by <see cref="SplitMix64"/>.</summary>
public static class Permutation
{
    /// <summary>A uniformly random permutation of <c>0 .. n-1</c>, fixed by <paramref name="seed"/>.</summary>
    public static int[] Create(int n, ulong seed)
    {
        if (n < 0) throw new ArgumentOutOfRangeException(nameof(n), $"n must be non-negative, but got n={n}");
        var order = new int[n];
        for (int i = 0; i < n; i++) order[i] = i;
        Shuffle(order, seed);
        return order;
    }

    /// <summary>Shuffles <paramref name="items"/> in place.</summary>
    public static void Shuffle<T>(Span<T> items, ulong seed)
    {
        var rng = new SplitMix64(seed);
        for (int i = items.Length - 1; i > 0; i--)
        {
            int j = rng.NextBelow(i + 1);
            (items[i], items[j]) = (items[j], items[i]);
        }
    }
}
