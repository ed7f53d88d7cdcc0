namespace Riffle.Doctor.Audit;

/// <summary>
/// <c>label-sorted-batches</c> (warning; error when strong): the batches the loader emits are far less mixed than a
/// random order of the same labels. The decision rests on the share of pairs of samples in one batch that hold
/// different classes (Gini-Simpson diversity), as a fraction of a random order's: the <em>mixing</em>, 1 for a random
/// order, 0 when every batch is one class. It does not saturate (a batch of 128 holding ten classes, 90% of them one,
/// still scores low), and it ignores the order inside a batch, which SGD never sees. Classes per batch, entropy,
/// single-class batches and run lengths are reported beside it. With batches of one sample (or too few pairs to
/// tell) the label changes between consecutive samples take its place.
/// <para>
/// A deficit counts only when a random order could not produce it: by McDiarmid's inequality for random permutations
/// (swapping two samples moves the same-class pair count by at most 2(B - 1), the label-change count by at most 4),
/// the probability of the observed deficit is below 1e-9 (<see cref="PreflightAudit.SignificanceExponent"/>). A
/// shuffled loader therefore never raises this finding, whatever the class counts, batch size or number of ranks.
/// </para>
/// </summary>
public static class LabelSortedBatchesCheck
{
    /// <summary>
    /// Mixing at or below which a significant deficit is a warning: a fifth of a random order's class mixing lost is
    /// far beyond sampling noise and means the order is visibly grouped by class.
    /// </summary>
    public const double WarningMixing = 0.8;

    /// <summary>
    /// Mixing at or below which it is an error: half or more of the mixing gone means most batches are dominated by
    /// one or two classes, the story's condition (its batches score about 0.01).
    /// </summary>
    public const double ErrorMixing = 0.5;

    /// <summary>The pooled mixing statistics over every rank and epoch.</summary>
    internal sealed record Mixing(double Composition, double Order, bool CompositionDecides, double Exponent);

    internal static (Finding? Finding, Mixing Mixing) Run(IReadOnlyList<RankEpochOrder> orders, int worldSize, int epochs)
    {
        // Same-class pairs within batches: observed, random expectation, and McDiarmid's variance proxy n c^2 / 4 with
        // c = 2(B - 1), summed over independent blocks (epochs are independent permutations).
        double pairs = 0, same = 0, expectedSame = 0, pairProxy = 0;
        double changes = 0, expectedChanges = 0, changeProxy = 0;
        foreach (RankEpochOrder o in orders)
        {
            pairs += o.BatchPairs;
            same += o.SameClassPairs;
            expectedSame += o.ExpectedSameClassPairs;
            pairProxy += o.Samples * Math.Pow(o.BatchSize - 1, 2);
            changes += o.LabelChanges;
            expectedChanges += o.ExpectedLabelChanges;
            changeProxy += 4.0 * o.Samples;
        }

        double randomDifferent = pairs - expectedSame;
        double composition = randomDifferent > 0 ? (pairs - same) / randomDifferent : double.NaN;
        double order = expectedChanges > 0 ? changes / expectedChanges : double.NaN;
        // Could the pair statistic see even the worst case (every batch one class)? If not, the label changes decide.
        bool compositionDecides = randomDifferent > 0 && Exponent(randomDifferent, pairProxy) >= PreflightAudit.SignificanceExponent;
        double exponent = compositionDecides
            ? Exponent(Math.Max(0, same - expectedSame), pairProxy)
            : Exponent(Math.Max(0, expectedChanges - changes), changeProxy);
        var mixing = new Mixing(composition, order, compositionDecides, exponent);

        double decisive = compositionDecides ? composition : order;
        if (double.IsNaN(decisive) || exponent < PreflightAudit.SignificanceExponent || decisive > WarningMixing) return (null, mixing);
        return (Describe(orders, worldSize, epochs, compositionDecides, decisive, (pairs, same, expectedSame), (changes, expectedChanges)), mixing);
    }

    // The finding's text, apart from the decision: compiled only when there is something to say.
    private static Finding Describe(
        IReadOnlyList<RankEpochOrder> orders, int worldSize, int epochs, bool compositionDecides, double decisive,
        (double Pairs, double Same, double ExpectedSame) pairStats, (double Changes, double Expected) changeStats)
    {
        var (pairs, same, expectedSame) = pairStats;
        var (changes, expectedChanges) = changeStats;
        double composition = (pairs - same) / (pairs - expectedSame), order = changes / expectedChanges;
        int batches = orders.Sum(o => o.Batches);
        int samples = orders.Sum(o => o.Samples);
        int batchSize = orders.Max(o => o.BatchSize);
        double meanClasses = orders.Sum(o => o.MeanClasses * o.Batches) / batches;
        double expectedClasses = orders.Sum(o => o.ExpectedClasses * o.Batches) / batches;
        double entropy = orders.Sum(o => o.MeanEntropyBits * o.Batches) / batches;
        double expectedEntropy = orders.Sum(o => o.ExpectedEntropyBits * o.Batches) / batches;
        int single = orders.Sum(o => o.SingleClassBatches);
        double expectedSingle = orders.Sum(o => o.ExpectedSingleClassBatches);
        int runs = (int)Math.Min(int.MaxValue, changes + orders.Count);
        double meanRun = (double)samples / runs;
        double expectedRun = samples / (expectedChanges + orders.Count);
        int longest = orders.Max(o => o.LongestRun);

        Severity severity = decisive <= ErrorMixing ? Severity.Error : Severity.Warning;
        string scope = $"{AuditText.Plural(epochs, "epoch", "epochs")} x {AuditText.Plural(worldSize, "rank", "ranks")}, " +
                       $"{AuditText.N(batches)} batches of up to {AuditText.N(batchSize)}, {AuditText.N(samples)} labels";
        string title = compositionDecides
            ? $"Training batches are sorted by class: {AuditText.F(meanClasses)} classes per batch of {AuditText.N(batchSize)} where a random order gives {AuditText.F(expectedClasses)}"
            : $"Training samples come in runs of one class: {AuditText.F(meanRun, 1)} in a row on average where a random order gives {AuditText.F(expectedRun)}";
        string mixingText = compositionDecides
            ? $"pairs in a batch share a class {AuditText.Percent(same / pairs)} of the time (random: {AuditText.Percent(expectedSame / pairs)}), " +
              $"so the batches keep {AuditText.Percent(composition)} of a random order's class mixing"
            : $"the label changes {AuditText.N((long)changes)} times (random: {AuditText.F(expectedChanges, 0)}), {AuditText.Percent(order)} of a random order's changes";
        string evidence =
            $"over {scope}: {AuditText.F(meanClasses)} distinct classes per batch (random order: {AuditText.F(expectedClasses)}), " +
            $"label entropy {AuditText.F(entropy)} bits per batch (random: {AuditText.F(expectedEntropy)}), " +
            $"{AuditText.N(single)} of {AuditText.N(batches)} batches hold a single class (random: {AuditText.F(expectedSingle, 1)}), " +
            $"labels repeat in runs of {AuditText.F(meanRun, 1)} on average, longest {AuditText.N(longest)} (random: {AuditText.F(expectedRun)}); " +
            mixingText;
        return new Finding(
            AuditFindingIds.LabelSortedBatches, severity, title, evidence,
            "Shuffle the training order every epoch: riffle train --shuffle true; in PyTorch DataLoader(shuffle=True), or " +
            "DistributedSampler(shuffle=True) with sampler.set_epoch(epoch) before each epoch; a streaming shuffle buffer must hold several class blocks")
        {
            Numbers = new Dictionary<string, double>
            {
                ["ranks"] = worldSize,
                ["epochs"] = epochs,
                ["batches"] = batches,
                ["batchSize"] = batchSize,
                ["meanClasses"] = Round(meanClasses),
                ["expectedClasses"] = Round(expectedClasses),
                ["meanEntropyBits"] = Round(entropy),
                ["expectedEntropyBits"] = Round(expectedEntropy),
                ["singleClassBatches"] = single,
                ["expectedSingleClassBatches"] = Round(expectedSingle),
                ["meanRunLength"] = Round(meanRun),
                ["expectedRunLength"] = Round(expectedRun),
                ["longestRun"] = longest,
                ["sameClassPairShare"] = pairs > 0 ? Round(same / pairs) : 0,
                ["expectedSameClassPairShare"] = pairs > 0 ? Round(expectedSame / pairs) : 0,
                ["mixing"] = Round(decisive),
            },
        };
    }

    /// <summary>The sub-Gaussian tail exponent t^2 / (2v): the deficit is at most exp(-exponent) likely in a random order.</summary>
    private static double Exponent(double deficit, double proxy) => proxy > 0 ? deficit * deficit / (2 * proxy) : 0;

    // Six decimals, as the metric checks' numbers: exact enough for any count, without float noise.
    private static double Round(double value) => Math.Round(value, 6);
}
