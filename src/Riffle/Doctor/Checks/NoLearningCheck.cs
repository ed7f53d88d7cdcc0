namespace Riffle.Doctor.Checks;

/// <summary>
/// <c>no-learning</c> (warning): Train Loss does not go down. With C classes known, a cross-entropy that never
/// gets clearly below ln C is no better than a uniform guess (above it is worse); without C, a Train Loss that
/// never falls below its first epoch's says the same in relative terms.
/// </summary>
public sealed class NoLearningCheck : IMetricCheck
{
    /// <summary>Relative margin below ln C that still counts as "at chance": ten percent (at or above 2.07 for C = 10).</summary>
    public const double ChanceTolerance = 0.1;

    /// <summary>Epochs needed for "stays at chance": one epoch at ln C is a slow start.</summary>
    public const int MinEpochsAtChance = 2;

    /// <summary>
    /// Relative decrease from the first epoch that counts as learning: two percent. A learning model's second
    /// epoch alone is usually lower by far more.
    /// </summary>
    public const double MinDecrease = 0.02;

    /// <summary>Epochs needed for "does not decrease": two epochs can tie by chance.</summary>
    public const int MinEpochsFlat = 3;

    public string Id => FindingIds.NoLearning;

    public CheckResult Run(EpochHistory history)
    {
        EpochValue[] loss = Series.Finite(history, e => e.TrainLoss);
        if (loss.Length == 0) return CheckResult.CannotRun(Series.Missing("Train Loss"));

        if (history.Classes is { } c && loss.Length >= MinEpochsAtChance)
        {
            double chance = Math.Log(c);
            if (loss.All(v => v.Value >= (1 - ChanceTolerance) * chance))
                return Found(
                    $"Train Loss never gets below chance level (ln {c} = {Series.F(chance)})",
                    $"Train Loss was {Series.F(loss.Min(v => v.Value))}-{Series.F(loss.Max(v => v.Value))} over {Series.Epochs(loss[0].Epoch, loss[^1].Epoch)}, " +
                    $"never {(int)Math.Round(ChanceTolerance * 100)}% below ln {c} = {Series.F(chance)}, the loss of a uniform guess",
                    loss, chance);
        }

        if (loss.Length < MinEpochsFlat)
            return CheckResult.CannotRun($"needs Train Loss over at least {MinEpochsFlat} epochs, but the history has {loss.Length}");
        EpochValue first = loss[0];
        EpochValue lowest = loss[1..].MinBy(v => v.Value);
        if (lowest.Value < first.Value * (1 - MinDecrease)) return CheckResult.Clean;
        return Found(
            "Train Loss does not decrease",
            $"Train Loss was {Series.F(first.Value)} at epoch {first.Epoch} and never went lower than {Series.F(lowest.Value)} " +
            $"in the {loss.Length - 1} epochs after it (last {Series.F(loss[^1].Value)} at epoch {loss[^1].Epoch})",
            loss, null);
    }

    private CheckResult Found(string title, string evidence, EpochValue[] loss, double? chance)
    {
        var numbers = new Dictionary<string, double>
        {
            ["firstLoss"] = Series.N(loss[0].Value),
            ["lowestLoss"] = Series.N(loss.Min(v => v.Value)),
            ["lastLoss"] = Series.N(loss[^1].Value),
        };
        if (chance is { } lnC) numbers["chanceLoss"] = Series.N(lnC);
        return CheckResult.Found(new Finding(
            Id, Severity.Warning, title, evidence,
            "Check that labels match their inputs (a shuffled label array breaks the pairing), try a lower learning rate, " +
            "and overfit a single small batch first: a working model drives its loss near zero there")
        {
            Numbers = numbers,
        });
    }
}
