namespace Riffle.Doctor.Checks;

/// <summary>
/// <c>overfitting</c> (warning): Val Loss rising for several epochs after its best while Train Loss keeps
/// falling, Train ACC above Val ACC, and Val ACC well above chance (a model stuck at chance is not overfitting:
/// that is <c>val-at-class-prior</c> or <c>no-learning</c>).
/// </summary>
public sealed class OverfittingCheck : IMetricCheck
{
    /// <summary>Epochs after the best Val Loss: one or two worse epochs are noise, three are a trend.</summary>
    public const int MinEpochsAfterBest = 3;

    /// <summary>Rise of the last Val Loss over the best one, relative: ten percent.</summary>
    public const double MinRise = 0.1;

    /// <summary>Train ACC above Val ACC at the last epoch: five points, more than the usual batch-average lag.</summary>
    public const double MinAccGap = 0.05;

    /// <summary>Val ACC above chance (1/C, or one half when C is unknown) that counts as "well above": twenty points.</summary>
    public const double AboveChance = 0.2;

    /// <summary>Chance level assumed when the number of classes is unknown: a balanced binary task, the most demanding case.</summary>
    public const double UnknownChance = 0.5;

    public string Id => FindingIds.Overfitting;

    public CheckResult Run(EpochHistory history)
    {
        EpochValue[] val = Series.Finite(history, e => e.ValLoss);
        if (val.Length == 0) return CheckResult.CannotRun(Series.Missing("Val Loss"));
        if (!Series.Has(history, e => e.TrainLoss)) return CheckResult.CannotRun(Series.Missing("Train Loss"));
        if (val.Length < MinEpochsAfterBest + 1)
            return CheckResult.CannotRun($"needs Val Loss over at least {MinEpochsAfterBest + 1} epochs, but the history has {val.Length}");

        int bestIndex = Array.FindIndex(val, v => v.Value == val.Min(x => x.Value));
        EpochValue best = val[bestIndex], last = val[^1];
        if (val.Length - 1 - bestIndex < MinEpochsAfterBest || best.Value <= 0 || last.Value < best.Value * (1 + MinRise)) return CheckResult.Clean;

        EpochRecord bestEpoch = history.Epochs.First(e => e.Epoch == best.Epoch);
        EpochRecord lastEpoch = history.Epochs.First(e => e.Epoch == last.Epoch);
        if (bestEpoch.TrainLoss is not { } trainThen || lastEpoch.TrainLoss is not { } trainNow || !(trainNow < trainThen)) return CheckResult.Clean;

        string accText = "";
        if (lastEpoch.TrainAcc is { } trainAcc && lastEpoch.ValAcc is { } valAcc)
        {
            double chance = history.Classes is { } c ? 1.0 / c : UnknownChance;
            if (trainAcc - valAcc < MinAccGap || valAcc < chance + AboveChance) return CheckResult.Clean;
            accText = $"; Train ACC {Series.F(trainAcc)} vs Val ACC {Series.F(valAcc)}";
        }

        return CheckResult.Found(new Finding(
            Id, Severity.Warning,
            $"Val Loss has risen since epoch {best.Epoch} while Train Loss keeps falling",
            $"Val Loss went from {Series.F(best.Value)} (epoch {best.Epoch}) to {Series.F(last.Value)} (epoch {last.Epoch}), " +
            $"Train Loss from {Series.F(trainThen)} to {Series.F(trainNow)}{accText}",
            $"Keep the weights of epoch {best.Epoch} (early stopping on Val Loss), or add regularisation (weight decay, dropout, augmentation) or data")
        {
            Epoch = best.Epoch,
            Numbers = new Dictionary<string, double>
            {
                ["bestValLoss"] = Series.N(best.Value),
                ["bestEpoch"] = best.Epoch,
                ["lastValLoss"] = Series.N(last.Value),
                ["rise"] = Series.N(last.Value / best.Value - 1),
            },
        });
    }
}
