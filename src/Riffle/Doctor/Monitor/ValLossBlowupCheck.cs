using System.Globalization;

namespace Riffle.Doctor.Monitor;

/// <summary>
/// <c>val-loss-blowup</c>: Val Loss is many times Train Loss from the first epoch on. A model that generalises
/// starts with similar losses on both; overfitting opens the gap slowly. A multiple from epoch 1 means the
/// validation inputs are on another scale or layout than the training inputs (left unnormalised, other
/// preprocessing), which pushes the logits far out even when the argmax is still often right.
/// </summary>
public static class ValLossBlowupCheck
{
    public const string Id = "val-loss-blowup";

    /// <summary>Val Loss at least this multiple of Train Loss in each of the first epochs.</summary>
    public const double Ratio = 5;

    /// <summary>The first epochs that must all show it.</summary>
    public const int Epochs = 2;

    public static Finding? Run(IReadOnlyList<Training.EpochMetrics> rows)
    {
        if (rows.Count < Epochs) return null;
        var first = rows.Take(Epochs).ToList();
        if (!first.All(r => double.IsFinite(r.TrainLoss) && double.IsFinite(r.ValLoss) && r.TrainLoss > 0 && r.ValLoss >= Ratio * r.TrainLoss)) return null;
        double ratio = first.Min(r => r.ValLoss / r.TrainLoss);
        return new Finding(Id, Severity.Error, "Val Loss is many times Train Loss from the first epoch",
            string.Create(CultureInfo.InvariantCulture, $"epoch 1: Val Loss {first[0].ValLoss:F4} vs Train Loss {first[0].TrainLoss:F4}; at least {ratio:F1}x in each of the first {Epochs} epochs, while Val ACC is {first[^1].ValAcc:F4}"),
            "Validation inputs look nothing like training inputs to the model: check that validation and test data go through the same normalisation and preprocessing as training data")
        {
            Epoch = 1,
            Numbers = new Dictionary<string, double> { ["minRatio"] = Math.Round(ratio, 4), ["epochs"] = Epochs },
        };
    }
}
