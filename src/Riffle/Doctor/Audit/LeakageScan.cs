using System.Diagnostics;
using Riffle.Data;

namespace Riffle.Doctor.Audit;

/// <summary>The pairwise comparison of the splits that have pixels, or why there is none, and how long hashing took.</summary>
internal sealed class LeakageScan
{
    private LeakageScan(IReadOnlyList<SplitOverlap> overlaps, string? notRun, double milliseconds)
    {
        Overlaps = overlaps;
        NotRun = notRun;
        Milliseconds = milliseconds;
    }

    public IReadOnlyList<SplitOverlap> Overlaps { get; }

    /// <summary>Why the comparison did not run, or ran on some splits only; null when every given split was compared.</summary>
    public string? NotRun { get; }

    public double Milliseconds { get; }

    /// <summary>Hashes every split that has pixels and compares each pair (train/val, train/test, val/test).</summary>
    public static LeakageScan Of(ILabeledDataset train, ILabeledDataset? val, ILabeledDataset? test)
    {
        var clock = Stopwatch.StartNew();
        if (val is null && test is null)
            return new LeakageScan([], "needs a validation or test split to compare with the training set; none was given", 0);
        // Loops rather than LINQ over tuples: this runs once per process, where compiling generic code over value types
        // costs more than the work.
        string[] names = ["train", "val", "test"];
        ILabeledDataset?[] sets = [train, val, test];
        var splits = new List<SplitLeakageCheck.Split>(3);
        var labelsOnly = new List<string>();
        for (int s = 0; s < sets.Length; s++)
        {
            if (sets[s] is IImageDataset images) splits.Add(new SplitLeakageCheck.Split(names[s], images, SplitLeakageCheck.Hash(images)));
            else if (sets[s] is not null) labelsOnly.Add(names[s]);
        }
        string have = labelsOnly.Count == 1 ? "has" : "have";
        if (splits.Count < 2)
            return new LeakageScan([], $"needs the pixels of at least two splits to hash; {string.Join(" and ", labelsOnly)} {have} labels only", clock.Elapsed.TotalMilliseconds);
        var overlaps = new List<SplitOverlap>();
        for (int i = 0; i < splits.Count; i++)
            for (int j = i + 1; j < splits.Count; j++)
                overlaps.Add(SplitLeakageCheck.Compare(splits[i], splits[j]));
        // A split given with labels only is left out of the comparison, and said so.
        string? partial = labelsOnly.Count == 0
            ? null
            : $"compared {string.Join(", ", splits.Select(s => s.Name))} only: {string.Join(" and ", labelsOnly)} {have} labels only, no pixels to hash";
        return new LeakageScan(overlaps, partial, clock.Elapsed.TotalMilliseconds);
    }
}
