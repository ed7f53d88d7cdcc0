using System.Globalization;

namespace Riffle.Doctor.Monitor;

/// <summary>
/// <c>val-above-train</c>: Val ACC stays well above Train ACC over the last epochs. Accuracy measured against noisy
/// training labels is capped by the noise, while the clean validation labels are not: with 30% wrong labels a model
/// can score 0.8 on validation and 0.6 on its own training set. Early epochs are skipped, since a running average
/// over the first epoch trails the model evaluated at its end.
/// </summary>
public static class ValAboveTrainCheck
{
    public const string Id = "val-above-train";

    /// <summary>A margin no clean run keeps for long: clean runs close it within two epochs (augmented ones stay within about 0.05).</summary>
    public const double Margin = 0.1;

    /// <summary>Epochs in a row that must show the margin, counted from the end.</summary>
    public const int Epochs = 3;

    public static Finding? Run(IReadOnlyList<Training.EpochMetrics> rows)
    {
        if (rows.Count < Epochs + 1) return null;
        var last = rows.Skip(rows.Count - Epochs).ToList();
        if (!last.All(r => double.IsFinite(r.TrainAcc) && double.IsFinite(r.ValAcc) && r.ValAcc - r.TrainAcc >= Margin)) return null;
        double gap = last.Average(r => r.ValAcc - r.TrainAcc);
        return new Finding(Id, Severity.Warning, "Val ACC stays well above Train ACC",
            string.Create(CultureInfo.InvariantCulture, $"over epochs {last[0].Epoch}-{last[^1].Epoch}, Val ACC exceeds Train ACC by {gap:F4} on average (epoch {last[^1].Epoch}: {last[^1].ValAcc:F4} vs {last[^1].TrainAcc:F4})"),
            "A model that scores better on held-out data than on its own training data is being trained on wrong labels (or on much harder inputs): check the training labels, e.g. by looking at the samples the model gets wrong")
        {
            Epoch = last[0].Epoch,
            Numbers = new Dictionary<string, double> { ["meanGap"] = Math.Round(gap, 6), ["epochs"] = Epochs },
        };
    }
}
