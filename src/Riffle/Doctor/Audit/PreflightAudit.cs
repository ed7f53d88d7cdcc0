using System.Diagnostics;
using Riffle.Data;
using Riffle.Data.Sampling;
using Riffle.Training;

namespace Riffle.Doctor.Audit;

/// <summary>
/// The doctor's pre-flight audit: before the first training step, enumerates the label order every rank's loader will
/// emit over the first epochs (labels only; no sample is decoded) and compares it with a random order of the same
/// labels, by exact expectations. It also compares the splits: byte-identical samples across train, val and test,
/// class imbalance, and a validation split unlike the training set. Pure: no TorchSharp, no files.
/// <code>
/// AuditReport report = PreflightAudit.ForTraining(options, data, worldSize: 1);
/// Console.Write(DiagnosisText.Format(report.Diagnose()));
/// </code>
/// Every check that compares with randomness reports only what a random order or split would produce with probability
/// below <see cref="FalseAlarmProbability"/>, so a correctly shuffled loader never raises a warning.
/// </summary>
public static class PreflightAudit
{
    /// <summary>
    /// The most a random order or split may be to blame for a finding: one in a billion. Small enough that a run of
    /// audits on healthy loaders never cries wolf; the story's order is hundreds of orders of magnitude past it.
    /// </summary>
    public const double FalseAlarmProbability = 1e-9;

    /// <summary><c>-ln(FalseAlarmProbability)</c>: a tail bound <c>exp(-x)</c> is significant when <c>x</c> reaches it.</summary>
    public const double SignificanceExponent = 20.723265836946411;

    /// <summary>The audit of a training run as <see cref="Trainer"/> will run it: the same per-rank samplers and batches.</summary>
    /// <param name="worldSize">The number of data-parallel ranks (1 for one process).</param>
    /// <param name="hooks">The run's replaced parts: a replaced training sampler is what gets audited.</param>
    public static AuditReport ForTraining(TrainOptions options, TrainingData data, int worldSize = 1, TrainingHooks? hooks = null)
    {
        options.Validate();
        if (worldSize < 1) throw new ArgumentOutOfRangeException(nameof(worldSize), $"worldSize must be at least 1, but got worldSize={worldSize}");
        return Run(new AuditInput(data.Train, TrainingSamplers(options, data.Train.Count, worldSize, hooks)) { Val = data.Val, Test = data.Test });
    }

    /// <summary>
    /// The batch samplers the trainer builds, one per rank: <c>DistributedSampler(n, W, rank, shuffle, seed, dropLast)</c>
    /// cut into batches of <see cref="TrainOptions.BatchSize"/>, dropping the short last batch with drop-last.
    /// </summary>
    public static IReadOnlyList<BatchSampler> TrainingSamplers(TrainOptions options, int count, int worldSize, TrainingHooks? hooks = null) =>
        Enumerable.Range(0, worldSize)
            .Select(rank => new BatchSampler((hooks ?? TrainingHooks.None).Sampler(options, count, worldSize, rank), options.BatchSize, options.DropLast))
            .ToArray();

    /// <summary>
    /// Audits <paramref name="input"/>: enumerates <see cref="AuditInput.Epochs"/> epochs of every rank's batches, measures
    /// them against a random order of the same labels, and checks the splits. Throws <see cref="ArgumentException"/>
    /// for a batch index outside the training set (naming the rank, epoch and batch) or a negative label.
    /// </summary>
    public static AuditReport Run(AuditInput input)
    {
        var clock = Stopwatch.StartNew();
        ILabeledDataset train = input.Train;
        int classes = ClassCount(train, input.Val, input.Test);
        int[] trainCounts = Count(train.Labels, classes);
        IReadOnlyList<string> names = train.Classes;

        // Looking for copies across the splits (hashing the pixels is most of the work) and the label checks need
        // nothing from each other, so the hashing runs on a pool thread meanwhile. Loaders already read pixels from
        // worker threads, so datasets allow it.
        Task<SplitAudit> leakage = Task.Run(() => SplitAudit.Leakage(train, input.Val, input.Test));

        // The batches, rank by rank, epoch by epoch.
        int ranks = input.WorldSize, epochs = input.Epochs;
        var batches = new IReadOnlyList<ArraySegment<int>>[ranks][];
        int largest = 0;
        for (int r = 0; r < ranks; r++)
        {
            batches[r] = new IReadOnlyList<ArraySegment<int>>[epochs];
            for (int e = 0; e < epochs; e++)
            {
                batches[r][e] = input.Batches(e, r) ?? throw new ArgumentException($"the batches of rank {r}, epoch {e} are null", nameof(input));
                int samples = 0;
                foreach (ArraySegment<int> batch in batches[r][e]) samples += batch.Count;
                largest = Math.Max(largest, samples);
            }
        }
        var math = new Hypergeometric(Math.Max(largest, train.Count + (input.Val?.Count ?? 0)));

        var orders = new List<RankEpochOrder>(ranks * epochs);
        var sequences = new int[ranks][][];
        for (int r = 0; r < ranks; r++)
        {
            sequences[r] = new int[epochs][];
            for (int e = 0; e < epochs; e++)
                orders.Add(OrderMeasure.Measure(r, e, batches[r][e], train.Labels, classes, trainCounts, math, out sequences[r][e]));
        }

        var findings = new List<Finding>();
        var notRun = new List<CheckNotRun>();

        var (sorted, mixing) = LabelSortedBatchesCheck.Run(orders, ranks, epochs);
        Add(findings, sorted);

        var (repeats, repeatShares) = EpochOrderRepeatsCheck.Run(sequences);
        Add(findings, repeats);
        if (epochs < 2)
            notRun.Add(new CheckNotRun(AuditFindingIds.EpochOrderRepeats, "needs at least two epochs to compare; the audit enumerated one"));

        Add(findings, RankClassSkewCheck.Run(orders, trainCounts, names, math, ranks));

        SplitAudit labels = SplitAudit.Labels(train, input.Val, trainCounts, math);
        SplitAudit copies = leakage.GetAwaiter().GetResult(); // rethrows a failure as it was thrown
        findings.AddRange(copies.Findings);
        findings.AddRange(labels.Findings);
        notRun.AddRange(copies.NotRun);
        notRun.AddRange(labels.NotRun);

        var measurements = new AuditMeasurements
        {
            WorldSize = ranks,
            Epochs = epochs,
            TrainClassCounts = trainCounts,
            Order = orders,
            BatchMixing = mixing.Composition,
            OrderMixing = mixing.Order,
            EpochRepeatShare = repeatShares,
            ImbalanceRatio = labels.ImbalanceRatio,
            ValClassDistance = labels.ValDistance,
            Overlaps = copies.Overlaps,
            HashMilliseconds = copies.HashMilliseconds,
        };
        return new AuditReport(findings.OrderByDescending(f => f.Severity).ToArray(), notRun, measurements, clock.Elapsed);
    }

    /// <summary>The number of classes: the training set's class list, widened if some split holds a larger label.</summary>
    private static int ClassCount(params ILabeledDataset?[] sets)
    {
        int classes = sets[0]!.Classes.Count;
        foreach (ILabeledDataset? set in sets)
        {
            if (set is null) continue;
            foreach (int label in set.Labels)
            {
                if (label < 0) throw new ArgumentException($"label {label} is negative; labels are class indices", nameof(sets));
                if (label >= classes) classes = label + 1;
            }
        }
        return classes;
    }

    private static int[] Count(ReadOnlySpan<int> labels, int classes)
    {
        var counts = new int[classes];
        foreach (int label in labels) counts[label]++;
        return counts;
    }

    private static void Add(List<Finding> findings, Finding? finding)
    {
        if (finding is not null) findings.Add(finding);
    }
}
