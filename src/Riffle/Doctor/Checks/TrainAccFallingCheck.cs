namespace Riffle.Doctor.Checks;

/// <summary>
/// <c>train-acc-falling</c> (warning): Train ACC drops over epochs while the learning rate stays the same. With
/// a fixed rate, a model that is learning does not get worse on the data it trains on; a lower Train ACC later
/// means each epoch undoes the last (class blocks overwriting each other) or the steps are too large.
/// </summary>
public sealed class TrainAccFallingCheck : IMetricCheck
{
    /// <summary>
    /// Drop from the best earlier epoch (at the same rate) that counts: five points. Epoch-averaged Train ACC of a
    /// healthy run wobbles by a point or so, not five.
    /// </summary>
    public const double MinDrop = 0.05;

    /// <summary>Relative difference below which two logged rates are the same rate (logs round them).</summary>
    public const double SameRateTolerance = 1e-6;

    public string Id => FindingIds.TrainAccFalling;

    public CheckResult Run(EpochHistory history)
    {
        if (!Series.Has(history, e => e.TrainAcc)) return CheckResult.CannotRun(Series.Missing("Train ACC"));
        bool rateKnown = Series.Has(history, e => e.LearningRate);

        var drops = new List<(int Peak, double PeakAcc, int Trough, double TroughAcc, double? Rate)>();
        foreach (var segment in SameRateSegments(history, rateKnown))
        {
            // Largest fall from an earlier peak within the segment.
            (int Peak, double PeakAcc, int Trough, double TroughAcc)? best = null;
            EpochValue? peak = null;
            foreach (var e in segment)
            {
                if (e.TrainAcc is not { } acc || !double.IsFinite(acc)) continue;
                if (peak is null || acc > peak.Value.Value) peak = new EpochValue(e.Epoch, acc);
                double drop = peak.Value.Value - acc;
                if (drop >= MinDrop && (best is null || drop > best.Value.PeakAcc - best.Value.TroughAcc))
                    best = (peak.Value.Epoch, peak.Value.Value, e.Epoch, acc);
            }
            if (best is { } b) drops.Add((b.Peak, b.PeakAcc, b.Trough, b.TroughAcc, segment[0].LearningRate));
        }
        if (drops.Count == 0) return CheckResult.Clean;

        string parts = string.Join("; ", drops.Select(d =>
            $"from {Series.F(d.PeakAcc)} (epoch {d.Peak}) to {Series.F(d.TroughAcc)} (epoch {d.Trough})" +
            (d.Rate is { } r ? $" at LR {Series.F(r)}" : "")));
        var largest = drops.MaxBy(d => d.PeakAcc - d.TroughAcc);
        return CheckResult.Found(new Finding(
            Id, Severity.Warning,
            "Train ACC falls while the learning rate stays the same",
            $"Train ACC fell {parts}" + (rateKnown ? "" : " (the learning rate is not logged: assumed constant)"),
            "A model that learns does not get worse on its own training data at a fixed rate: make sure each epoch sees " +
            "the training set in a fresh random order (shuffling, set_epoch), and if it is shuffled, try a lower learning rate")
        {
            Epoch = drops[0].Trough,
            Numbers = new Dictionary<string, double>
            {
                ["largestDrop"] = Series.N(largest.PeakAcc - largest.TroughAcc),
                ["peakEpoch"] = largest.Peak,
                ["troughEpoch"] = largest.Trough,
                ["segmentsFalling"] = drops.Count,
            },
        });
    }

    /// <summary>Runs of consecutive epochs at the same rate; an epoch without a logged rate starts a new run.</summary>
    private static List<List<EpochRecord>> SameRateSegments(EpochHistory history, bool rateKnown)
    {
        if (!rateKnown) return [history.Epochs.ToList()];
        var segments = new List<List<EpochRecord>>();
        List<EpochRecord>? current = null;
        foreach (var e in history.Epochs)
        {
            if (current is null || !SameRate(current[^1].LearningRate, e.LearningRate))
                segments.Add(current = []);
            current.Add(e);
        }
        return segments;
    }

    private static bool SameRate(double? a, double? b) =>
        a is { } x && b is { } y && Math.Abs(x - y) <= SameRateTolerance * Math.Max(Math.Abs(x), Math.Abs(y));
}
