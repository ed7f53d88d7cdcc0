namespace Riffle.Doctor.Audit;

/// <summary>
/// <c>class-imbalance</c> (info when mild, warning when large): the ratio of the largest to the smallest training
/// class, or classes with no training samples at all. Not a wiring bug but a property of the data that shapes what
/// accuracy means: a model can score the majority's share by predicting it.
/// </summary>
public static class ClassImbalanceCheck
{
    /// <summary>
    /// Ratio from which it is worth knowing (info): one class half again as large as another shifts the accuracy of
    /// a one-class answer and the weight of each class in the loss visibly.
    /// </summary>
    public const double InfoRatio = 1.5;

    /// <summary>
    /// Ratio from which it is a warning: at ten to one the small classes get a tenth of the gradient, and plain
    /// accuracy can look good while they are never predicted.
    /// </summary>
    public const double WarningRatio = 10;

    internal static (Finding? Finding, double Ratio) Run(ReadOnlySpan<int> counts, IReadOnlyList<string> classNames)
    {
        int largest = -1, smallest = -1;
        var empty = new List<int>();
        long total = 0;
        for (int c = 0; c < counts.Length; c++)
        {
            total += counts[c];
            if (counts[c] == 0) { empty.Add(c); continue; }
            if (largest < 0 || counts[c] > counts[largest]) largest = c;
            if (smallest < 0 || counts[c] < counts[smallest]) smallest = c;
        }
        if (largest < 0) return (null, double.NaN);
        double ratio = (double)counts[largest] / counts[smallest];
        if (empty.Count == 0 && ratio < InfoRatio) return (null, ratio);
        return (Describe(counts.ToArray(), largest, smallest, ratio, empty, total, classNames), ratio);
    }

    // The finding's text, apart from the decision: compiled only when there is something to say.
    private static Finding Describe(int[] counts, int largest, int smallest, double ratio, List<int> empty, long total, IReadOnlyList<string> classNames)
    {
        Severity severity = empty.Count > 0 || ratio >= WarningRatio ? Severity.Warning : Severity.Info;
        string big = Name(largest, classNames), small = Name(smallest, classNames);
        string title = empty.Count > 0
            ? $"{AuditText.Plural(empty.Count, "class has", "classes have")} no training samples ({AuditText.Classes(empty, classNames, 3)})"
            : $"The largest training class has {AuditText.F(ratio, 1)} times as many samples as the smallest";
        string emptyText = empty.Count > 0 ? $"; no samples in {AuditText.Classes(empty, classNames)}" : "";
        return new Finding(
            AuditFindingIds.ClassImbalance, severity, title,
            $"largest class {big} {AuditText.N(counts[largest])} samples ({AuditText.Percent((double)counts[largest] / total)}), " +
            $"smallest {small} {AuditText.N(counts[smallest])} ({AuditText.Percent((double)counts[smallest] / total)}): ratio {AuditText.F(ratio, 1)}{emptyText}; " +
            $"predicting {big} alone scores {AuditText.F((double)counts[largest] / total)} accuracy",
            "Report per-class accuracy (overall accuracy hides the small classes); weight the loss by inverse class frequency or " +
            "sample with a WeightedRandomSampler; check that every class folder was read (riffle --skip-bad lists empty classes)")
        {
            Numbers = new Dictionary<string, double>
            {
                ["ratio"] = Math.Round(ratio, 4),
                ["largest"] = counts[largest],
                ["smallest"] = counts[smallest],
                ["emptyClasses"] = empty.Count,
                ["majorityShare"] = Math.Round((double)counts[largest] / total, 4),
            },
        };
    }

    private static string Name(int c, IReadOnlyList<string> names) => c < names.Count ? $"'{names[c]}'" : c.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
