using System.Diagnostics;
using Riffle.Data;

namespace Riffle.Doctor.Audit;

/// <summary>
/// The checks of the splits themselves (no sampler involved): copies across train, val and test, class imbalance, a
/// validation split unlike the training set. <see cref="PreflightAudit"/> runs <see cref="Leakage"/> on a pool thread
/// beside the label checks (hashing the pixels is most of the audit's work) and <see cref="Labels"/> with them.
/// </summary>
internal sealed class SplitAudit
{
    public List<Finding> Findings { get; } = [];
    public List<CheckNotRun> NotRun { get; } = [];
    public IReadOnlyList<SplitOverlap> Overlaps { get; private set; } = [];
    public double HashMilliseconds { get; private set; }
    public double ImbalanceRatio { get; private set; }
    public double? ValDistance { get; private set; }

    /// <summary>Hashes the splits that have pixels and looks for copies across them.</summary>
    public static SplitAudit Leakage(ILabeledDataset train, ILabeledDataset? val, ILabeledDataset? test)
    {
        var audit = new SplitAudit();
        var clock = Stopwatch.StartNew();
        string? notRun = audit.CompareSplits(train, val, test);
        audit.HashMilliseconds = clock.Elapsed.TotalMilliseconds;
        if (notRun is not null) audit.NotRun.Add(new CheckNotRun(AuditFindingIds.SplitLeakage, notRun));
        audit.Add(SplitLeakageCheck.Run(audit.Overlaps));
        return audit;
    }

    /// <summary>The checks on the splits' labels: class imbalance, and a validation split unlike the training set.</summary>
    public static SplitAudit Labels(ILabeledDataset train, ILabeledDataset? val, int[] trainCounts, Hypergeometric math)
    {
        var audit = new SplitAudit();
        var (imbalance, ratio) = ClassImbalanceCheck.Run(trainCounts, train.Classes);
        audit.Add(imbalance);
        audit.ImbalanceRatio = ratio;

        if (val is not null)
        {
            int[] valCounts = new int[trainCounts.Length];
            foreach (int label in val.Labels) valCounts[label]++;
            var (tail, distance) = ValSplitFromSortedTailCheck.Run(trainCounts, valCounts, train.Classes, math);
            audit.Add(tail);
            audit.ValDistance = distance;
        }
        else audit.NotRun.Add(new CheckNotRun(AuditFindingIds.ValSplitFromSortedTail, "needs the validation split's labels; none was given"));
        return audit;
    }

    private void Add(Finding? finding)
    {
        if (finding is not null) Findings.Add(finding);
    }

    /// <summary>Hashes every split that has pixels and compares each pair (train/val, train/test, val/test); returns why it could not, or could only in part.</summary>
    private string? CompareSplits(ILabeledDataset train, ILabeledDataset? val, ILabeledDataset? test)
    {
        if (val is null && test is null) return "needs a validation or test split to compare with the training set; none was given";
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
        if (splits.Count < 2) return $"needs the pixels of at least two splits to hash; {string.Join(" and ", labelsOnly)} {have} labels only";
        var overlaps = new List<SplitOverlap>();
        for (int i = 0; i < splits.Count; i++)
        {
            var index = new ContentIndex(splits[i].Hashes); // once per split, for every later split
            for (int j = i + 1; j < splits.Count; j++)
                overlaps.Add(SplitLeakageCheck.Compare(splits[i], index, splits[j]));
        }
        Overlaps = overlaps;
        // A split given with labels only is left out of the comparison, and said so.
        return labelsOnly.Count == 0
            ? null
            : $"compared {string.Join(", ", splits.Select(s => s.Name))} only: {string.Join(" and ", labelsOnly)} {have} labels only, no pixels to hash";
    }
}
