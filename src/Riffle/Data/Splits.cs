using Riffle.Data.Sampling;

namespace Riffle.Data;

/// <summary>Index-level splits and orderings of labelled datasets.</summary>
public static class Splits
{
    /// <summary>
    /// A stratified split: from each class, <c>round(count * fraction)</c> samples chosen at random (fixed by
    /// <paramref name="seed"/>) go to the second part. Both parts keep the dataset's own order.
    /// </summary>
    public static (int[] Keep, int[] Held) Stratified(ReadOnlySpan<int> labels, int numClasses, double fraction, long seed)
    {
        if (!(fraction >= 0 && fraction < 1))
            throw new ArgumentOutOfRangeException(nameof(fraction), $"fraction must be in [0, 1), but got fraction={fraction}");
        var byClass = new List<int>[numClasses];
        for (int c = 0; c < numClasses; c++) byClass[c] = [];
        for (int i = 0; i < labels.Length; i++) byClass[labels[i]].Add(i);
        var held = new bool[labels.Length];
        for (int c = 0; c < numClasses; c++)
        {
            int[] members = byClass[c].ToArray();
            Permutation.Shuffle<int>(members, SplitMix64.Mix(seed, 1_000_003L + c));
            int take = (int)Math.Round(members.Length * fraction, MidpointRounding.AwayFromZero);
            for (int k = 0; k < take; k++) held[members[k]] = true;
        }
        var keep = new List<int>(labels.Length);
        var hold = new List<int>();
        for (int i = 0; i < labels.Length; i++) (held[i] ? hold : keep).Add(i);
        return (keep.ToArray(), hold.ToArray());
    }

    /// <summary>The indices ordered by label, stably: the order a folder-per-class dataset is listed in.</summary>
    public static int[] OrderByLabel(ReadOnlySpan<int> labels)
    {
        // Counting sort by label keeps equal labels in their original order.
        int max = -1;
        foreach (int label in labels) max = Math.Max(max, label);
        var start = new int[max + 2];
        foreach (int label in labels) start[label + 1]++;
        for (int c = 1; c < start.Length; c++) start[c] += start[c - 1];
        var sorted = new int[labels.Length];
        for (int i = 0; i < labels.Length; i++) sorted[start[labels[i]]++] = i;
        return sorted;
    }
}
