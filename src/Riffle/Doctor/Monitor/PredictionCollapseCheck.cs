using System.Globalization;

namespace Riffle.Doctor.Monitor;

/// <summary>
/// <c>prediction-collapse</c>: the histogram of validation predictions puts at least <see cref="Share"/> of them in
/// one class. A trained classifier on a roughly balanced validation set spreads its answers; a network that learned
/// "the class of the current block" answers the last block's class for everything.
/// </summary>
public static class PredictionCollapseCheck
{
    /// <summary>The definition: 90% of predictions in one class.</summary>
    public const double Share = 0.9;

    public static Finding? Run(IReadOnlyList<long> predictions, IReadOnlyList<string> classes, int epoch)
    {
        long total = predictions.Sum();
        if (total == 0) return null;
        int top = 0;
        for (int c = 1; c < predictions.Count; c++) if (predictions[c] > predictions[top]) top = c;
        double share = (double)predictions[top] / total;
        if (share < Share) return null;
        string name = top < classes.Count ? classes[top] : top.ToString(CultureInfo.InvariantCulture);
        return new Finding(MonitorFindingIds.PredictionCollapse, Severity.Error,
            $"The model predicts class {top} ({name}) for {share:P0} of the validation set",
            string.Create(CultureInfo.InvariantCulture, $"epoch {epoch}: {predictions[top]} of {total} validation predictions are class {top}; the other {predictions.Count - 1} classes share {total - predictions[top]}"),
            "A network that answers one class for everything learned the order of its batches, not the images: shuffle the training loader every epoch (riffle train --shuffle true), and check that validation inputs are prepared like training inputs")
        {
            Epoch = epoch,
            Numbers = new Dictionary<string, double> { ["topClass"] = top, ["topShare"] = Math.Round(share, 6), ["predictions"] = total },
        };
    }
}
