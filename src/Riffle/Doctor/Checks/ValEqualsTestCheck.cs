namespace Riffle.Doctor.Checks;

/// <summary>
/// <c>val-equals-test</c> (warning): val and test metrics identical in every epoch, as in the story's table. Two
/// different splits never give the same loss to four decimals epoch after epoch; one split evaluated twice does.
/// </summary>
public sealed class ValEqualsTestCheck : IMetricCheck
{
    /// <summary>Values this close are "identical": they were printed from the same number.</summary>
    public const double Identical = 1e-9;

    /// <summary>Epochs to compare at least: a single equal epoch can be a coincidence of rounding.</summary>
    public const int MinEpochs = 2;

    public string Id => FindingIds.ValEqualsTest;

    public CheckResult Run(EpochHistory history)
    {
        bool hasVal = Series.Has(history, e => e.ValLoss) || Series.Has(history, e => e.ValAcc);
        bool hasTest = Series.Has(history, e => e.TestLoss) || Series.Has(history, e => e.TestAcc);
        if (!hasVal) return CheckResult.CannotRun(Series.Missing("Val Loss or Val ACC"));
        if (!hasTest) return CheckResult.CannotRun(Series.Missing("Test Loss or Test ACC"));

        // Every (val, test) pair present in an epoch, by metric.
        var compared = new List<(int Epoch, double Val, double Test)>();
        int epochs = 0;
        foreach (var e in history.Epochs)
        {
            var pairs = new[] { (e.ValLoss, e.TestLoss), (e.ValAcc, e.TestAcc) }
                .Where(p => p.Item1 is { } v && double.IsFinite(v) && p.Item2 is { } t && double.IsFinite(t))
                .Select(p => (e.Epoch, p.Item1!.Value, p.Item2!.Value))
                .ToArray();
            if (pairs.Length == 0) continue;
            epochs++;
            compared.AddRange(pairs);
        }
        if (epochs < MinEpochs)
            return CheckResult.CannotRun($"needs val and test metrics in the same epoch at least {MinEpochs} times, but the history has {epochs}");
        if (compared.Any(p => Math.Abs(p.Val - p.Test) > Identical)) return CheckResult.Clean;
        // Two one-class models on two balanced splits give the same constant accuracy: equal constants are no evidence.
        if (compared.All(p => Math.Abs(p.Val - compared[0].Val) <= Identical)) return CheckResult.Clean;

        var shown = history.Epochs.First(e => e.Epoch == compared[0].Epoch);
        string example = string.Join(", ", new[]
        {
            shown.ValLoss is { } l && shown.TestLoss is not null ? $"loss {Series.F(l)}" : null,
            shown.ValAcc is { } a && shown.TestAcc is not null ? $"ACC {Series.F(a)}" : null,
        }.Where(s => s is not null));
        return CheckResult.Found(new Finding(
            Id, Severity.Warning,
            "Val and test metrics are identical in every epoch",
            $"all {compared.Count} val/test pairs over {epochs} epochs are equal (epoch {shown.Epoch}: {example} for both)",
            "The test numbers are the validation numbers: check that the test loader reads the test split, " +
            "and keep the test set out of model selection")
        {
            Numbers = new Dictionary<string, double>
            {
                ["epochsCompared"] = epochs,
                ["pairsCompared"] = compared.Count,
            },
        });
    }
}
