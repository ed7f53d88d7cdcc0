using System.Globalization;

namespace Riffle.Doctor.Checks;

/// <summary>
/// <c>loss-diverging</c> (error): Train Loss grows to a large multiple of its best earlier value. Only the train
/// loss: a growing val loss with a falling train loss is overfitting, not divergence.
/// </summary>
public sealed class LossDivergingCheck : IMetricCheck
{
    /// <summary>
    /// Factor over the best earlier epoch that counts as diverging: four. Epoch averages of a healthy run move by
    /// percent, and even the story's unshuffled run stays under twice its best; a multiple of four is the
    /// optimiser overshooting.
    /// </summary>
    public const double Factor = 4.0;

    public string Id => FindingIds.LossDiverging;

    public CheckResult Run(EpochHistory history)
    {
        EpochValue[] loss = Series.Finite(history, e => e.TrainLoss);
        if (loss.Length == 0) return CheckResult.CannotRun(Series.Missing("Train Loss"));

        (EpochValue Best, EpochValue At, double Ratio)? worst = null;
        EpochValue? best = null;
        foreach (var v in loss)
        {
            if (best is { } b && b.Value > 0)
            {
                double ratio = v.Value / b.Value;
                if (ratio >= Factor && (worst is null || ratio > worst.Value.Ratio)) worst = (b, v, ratio);
            }
            if (best is null || v.Value < best.Value.Value) best = v;
        }
        if (worst is not { } w) return CheckResult.Clean;

        return CheckResult.Found(new Finding(
            Id, Severity.Error,
            "Train Loss is diverging",
            $"Train Loss reached {Series.F(w.At.Value)} at epoch {w.At.Epoch}, {w.Ratio.ToString("F1", CultureInfo.InvariantCulture)} times its best {Series.F(w.Best.Value)} (epoch {w.Best.Epoch})",
            "Lower the learning rate (a factor of 3-10), add warm-up or gradient clipping, and check that the loss gets logits, not probabilities")
        {
            Epoch = w.At.Epoch,
            Numbers = new Dictionary<string, double>
            {
                ["bestLoss"] = Series.N(w.Best.Value),
                ["bestEpoch"] = w.Best.Epoch,
                ["loss"] = Series.N(w.At.Value),
                ["ratio"] = Series.N(w.Ratio),
            },
        });
    }
}
