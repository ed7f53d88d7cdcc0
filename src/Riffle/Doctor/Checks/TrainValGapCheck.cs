namespace Riffle.Doctor.Checks;

/// <summary>
/// <c>train-val-gap</c> (warning, error when wide): Train ACC far above Val ACC from the first epoch on. In a
/// healthy run the first epoch's Train ACC (averaged over batches while the model is still learning) is at or
/// below Val ACC; overfitting opens a gap later. A gap from the start means the training batches are easier
/// than new data in a way that does not generalise, as one-class blocks are.
/// </summary>
public sealed class TrainValGapCheck : IMetricCheck
{
    /// <summary>Gap (Train ACC - Val ACC) that makes a warning: twenty points in the first epoch is never noise.</summary>
    public const double WarningGap = 0.2;

    /// <summary>First-epoch gap that makes an error: forty points means validation behaves like a different task.</summary>
    public const double ErrorGap = 0.4;

    /// <summary>
    /// The gap must also hold on average over the first this many epochs (fewer if the history is shorter): "from
    /// the first epoch", not a blip. An average, not each epoch: when the batches are one class at a time, Train ACC
    /// itself falls over the first epochs (a real class-sorted run went 0.58, 0.33, 0.25 against Val ACC 0.11-0.17).
    /// </summary>
    public const int LeadingEpochs = 3;

    public string Id => FindingIds.TrainValGap;

    public CheckResult Run(EpochHistory history)
    {
        if (!Series.Has(history, e => e.TrainAcc)) return CheckResult.CannotRun(Series.Missing("Train ACC"));
        if (!Series.Has(history, e => e.ValAcc)) return CheckResult.CannotRun(Series.Missing("Val ACC"));
        var pairs = history.Epochs
            .Where(e => e.TrainAcc is { } t && double.IsFinite(t) && e.ValAcc is { } v && double.IsFinite(v))
            .Select(e => (e.Epoch, Train: e.TrainAcc!.Value, Val: e.ValAcc!.Value))
            .ToArray();
        if (pairs.Length == 0) return CheckResult.CannotRun("needs an epoch with both Train ACC and Val ACC");

        var leading = pairs.Take(LeadingEpochs).ToArray();
        // The first epoch must be the run's first: a log that starts later cannot show "from the first epoch".
        if (leading[0].Epoch != history.Epochs[0].Epoch) return CheckResult.Clean;
        var first = leading[0];
        double firstGap = first.Train - first.Val;
        double leadingGap = leading.Average(p => p.Train - p.Val);
        if (firstGap < WarningGap || leadingGap < WarningGap) return CheckResult.Clean;

        double meanGap = pairs.Average(p => p.Train - p.Val);
        Severity severity = firstGap >= ErrorGap ? Severity.Error : Severity.Warning;
        return CheckResult.Found(new Finding(
            Id, severity,
            "Train ACC is far above Val ACC from the first epoch",
            $"epoch {first.Epoch}: Train ACC {Series.F(first.Train)} vs Val ACC {Series.F(first.Val)} (gap {Series.F(firstGap)}); " +
            $"the gap averages {Series.F(leadingGap)} over {Series.Epochs(leading[0].Epoch, leading[^1].Epoch)} and {Series.F(meanGap)} over all {pairs.Length} epochs",
            "A gap from the very first epoch is not overfitting: check that training batches are shuffled (not one class at a time) " +
            "and that validation data goes through the same transforms, normalisation and label mapping as training data")
        {
            Epoch = first.Epoch,
            Numbers = new Dictionary<string, double>
            {
                ["firstTrainAcc"] = Series.N(first.Train),
                ["firstValAcc"] = Series.N(first.Val),
                ["firstGap"] = Series.N(firstGap),
                ["leadingGap"] = Series.N(leadingGap),
                ["meanGap"] = Series.N(meanGap),
            },
        });
    }
}
