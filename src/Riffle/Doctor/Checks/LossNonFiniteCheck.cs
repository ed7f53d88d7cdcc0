namespace Riffle.Doctor.Checks;

/// <summary><c>loss-nonfinite</c> (error): a train, val or test loss is NaN or infinite. Nothing after it means anything.</summary>
public sealed class LossNonFiniteCheck : IMetricCheck
{
    private static readonly (string Name, Func<EpochRecord, double?> Column)[] Losses =
    [
        ("Train Loss", e => e.TrainLoss),
        ("Val Loss", e => e.ValLoss),
        ("Test Loss", e => e.TestLoss),
    ];

    public string Id => FindingIds.LossNonFinite;

    public CheckResult Run(EpochHistory history)
    {
        if (!Losses.Any(l => Series.Has(history, l.Column))) return CheckResult.CannotRun(Series.Missing("a loss column"));

        var bad = Losses
            .Select(l => (l.Name, Epochs: history.Epochs.Where(e => l.Column(e) is { } v && !double.IsFinite(v)).ToArray(), l.Column))
            .Where(l => l.Epochs.Length > 0)
            .ToArray();
        if (bad.Length == 0) return CheckResult.Clean;

        int first = bad.Min(b => b.Epochs[0].Epoch);
        string parts = string.Join("; ", bad.Select(b =>
            $"{b.Name} is {Text(b.Column(b.Epochs[0])!.Value)} from epoch {b.Epochs[0].Epoch} ({b.Epochs.Length} of {history.Epochs.Count} epochs)"));
        return CheckResult.Found(new Finding(
            Id, Severity.Error,
            "A loss is NaN or infinite",
            parts,
            "Lower the learning rate or clip gradients, and check the inputs and labels for NaN, inf or out-of-range values " +
            "(for instance a log of zero, or a label outside [0, C-1])")
        {
            Epoch = first,
            Numbers = new Dictionary<string, double> { ["firstEpoch"] = first, ["epochsAffected"] = bad.Max(b => b.Epochs.Length) },
        });
    }

    private static string Text(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+inf" : "-inf";
}
