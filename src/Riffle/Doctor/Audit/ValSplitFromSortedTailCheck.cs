namespace Riffle.Doctor.Audit;

/// <summary>
/// <c>val-split-from-sorted-tail</c> (warning; error when strong): the validation split's classes are very unlike the
/// training set's: classes missing from one side, a large total-variation distance. That is what slicing the last
/// <c>k</c> samples of a class-sorted dataset (an ImageFolder, a sorted CSV) gives: validation holds the last class or
/// two, training lacks them, and Val ACC measures something other than the model.
/// <para>
/// Only differences a random split could not produce count: Hoeffding's bound at 1e-9 on the distance (with the
/// validation set as a sample of train + val), or a missing class whose absence a random split has probability below
/// 1e-9 (exact hypergeometric).
/// </para>
/// </summary>
public static class ValSplitFromSortedTailCheck
{
    /// <summary>
    /// Distance from which a significant difference is a warning: a fifth of the validation samples would have to
    /// change class to match the training mix, and per-class accuracies then weigh very differently in Val ACC.
    /// </summary>
    public const double WarningDistance = 0.2;

    /// <summary>
    /// Distance from which it is an error: half the validation set is in classes the training set barely has (a
    /// 10% tail of ten sorted classes scores 0.9 or more), so Val ACC says little about the model.
    /// </summary>
    public const double ErrorDistance = 0.5;

    internal static (Finding? Finding, double Distance) Run(int[] trainCounts, int[] valCounts, IReadOnlyList<string> classNames, Hypergeometric math)
    {
        int classes = trainCounts.Length;
        long trainTotal = 0, valTotal = 0;
        int present = 0;
        var poolCounts = new int[classes];
        for (int c = 0; c < classes; c++)
        {
            trainTotal += trainCounts[c];
            valTotal += valCounts[c];
            poolCounts[c] = trainCounts[c] + valCounts[c];
            if (poolCounts[c] > 0) present++;
        }
        if (trainTotal == 0 || valTotal == 0) return (null, 0);
        double distance = OrderMeasure.Distance(valCounts, (int)valTotal, trainCounts);

        // Under a random split the validation set is a sample of the pool (train + val); its distance to the pool is
        // the train-val distance times train / pool.
        int pool = (int)(trainTotal + valTotal);
        var missingFromVal = new List<int>();
        var missingFromTrain = new List<int>();
        double missValProbability = 0, missTrainProbability = 0;
        for (int c = 0; c < classes; c++)
        {
            int inPool = poolCounts[c];
            if (inPool == 0) continue;
            if (valCounts[c] == 0)
            {
                missingFromVal.Add(c);
                missValProbability += math.MissProbability(inPool, pool, (int)valTotal);
            }
            if (trainCounts[c] == 0)
            {
                missingFromTrain.Add(c);
                missTrainProbability += math.MissProbability(inPool, pool, (int)trainTotal);
            }
        }
        bool valMisses = missingFromVal.Count > 0 && missValProbability <= PreflightAudit.FalseAlarmProbability;
        bool trainMisses = missingFromTrain.Count > 0 && missTrainProbability <= PreflightAudit.FalseAlarmProbability;
        bool far = distance >= WarningDistance && OrderMeasure.DistanceIsSignificant(distance * trainTotal / pool, (int)valTotal, present);
        if (!valMisses && !trainMisses && !far) return (null, distance);
        return (Describe(trainCounts, valCounts, poolCounts, distance, trainMisses || (far && distance >= ErrorDistance), missingFromVal, missingFromTrain, classNames), distance);
    }

    // The finding's text, apart from the decision: compiled only when there is something to say.
    private static Finding Describe(
        int[] trainCounts, int[] valCounts, int[] poolCounts, double distance, bool error, List<int> missingFromVal, List<int> missingFromTrain, IReadOnlyList<string> classNames)
    {
        int classes = trainCounts.Length;
        long trainTotal = trainCounts.Sum(), valTotal = valCounts.Sum();
        int pool = (int)(trainTotal + valTotal);
        int present = poolCounts.Count(n => n > 0);
        int[] valClasses = Enumerable.Range(0, classes).Where(c => valCounts[c] > 0).ToArray();
        double random = OrderMeasure.RandomDistance(poolCounts, (int)valTotal) * pool / trainTotal; // val-pool distance, as val-train
        var parts = new List<string>
        {
            $"validation holds {AuditText.N(valTotal)} samples in {valClasses.Length} of {present} classes " +
            $"({string.Join(", ", valClasses.OrderByDescending(c => valCounts[c]).Take(3).Select(c => $"{Name(c, classNames)} {AuditText.Percent((double)valCounts[c] / valTotal)}"))}" +
            $"{(valClasses.Length > 3 ? ", ..." : "")})",
            $"total-variation distance {AuditText.F(distance)} from the training set's class shares (a random split of this size: about {AuditText.F(random, 3)})",
        };
        if (missingFromVal.Count > 0) parts.Add($"{AuditText.Plural(missingFromVal.Count, "training class", "training classes")} missing from validation ({AuditText.Classes(missingFromVal, classNames)})");
        if (missingFromTrain.Count > 0) parts.Add($"{AuditText.Plural(missingFromTrain.Count, "validation class", "validation classes")} missing from training ({AuditText.Classes(missingFromTrain, classNames)}): the model can never predict {(missingFromTrain.Count == 1 ? "it" : "them")}");

        string title = missingFromTrain.Count > 0
            ? $"The validation split holds classes the training set lacks ({AuditText.Classes(missingFromTrain, classNames, 2)}): it looks like the tail of a class-sorted dataset"
            : $"The validation split's classes are very unlike the training set's (distance {AuditText.F(distance)}): it looks like the tail of a class-sorted dataset";
        return new Finding(
            AuditFindingIds.ValSplitFromSortedTail, error ? Severity.Error : Severity.Warning, title,
            string.Join("; ", parts),
            "Split at random and stratified by class, before any sorting (riffle's --val-fraction does); in PyTorch use " +
            "random_split or sklearn's train_test_split(stratify=labels) instead of slicing the last samples of a class-sorted dataset")
        {
            Numbers = new Dictionary<string, double>
            {
                ["classDistance"] = Math.Round(distance, 4),
                ["randomDistance"] = Math.Round(random, 4),
                ["valClasses"] = valClasses.Length,
                ["classes"] = present,
                ["missingFromVal"] = missingFromVal.Count,
                ["missingFromTrain"] = missingFromTrain.Count,
            },
        };
    }

    private static string Name(int c, IReadOnlyList<string> names) => c < names.Count ? names[c] : c.ToString(System.Globalization.CultureInfo.InvariantCulture);
}
