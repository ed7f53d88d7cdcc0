namespace Riffle.Doctor.Checks;

/// <summary>
/// <c>val-at-class-prior</c> (error): Val ACC flat for several epochs at the accuracy of always predicting one
/// class, while Train ACC moves or sits well above it. A model that answers one class scores exactly that
/// class's share of the validation set, epoch after epoch, to the last printed digit: the story's 0.1443.
/// </summary>
public sealed class ValAtClassPriorCheck : IMetricCheck
{
    /// <summary>Epochs the Val ACC must stay flat: one or two equal epochs happen by chance, three rarely do.</summary>
    public const int MinFlatEpochs = 3;

    /// <summary>
    /// Largest spread (max - min) of Val ACC that counts as flat when the classes or their shares are known: half
    /// a point. A model that is learning moves Val ACC by more than that between epochs; one stuck on one class
    /// repeats the same number exactly.
    /// </summary>
    public const double FlatTolerance = 0.005;

    /// <summary>
    /// The spread allowed when neither the classes nor their shares are known: a tenth of a point. The level then
    /// proves little (a hard task can plateau low), so the number itself must repeat, as a one-class answer's does.
    /// </summary>
    public const double StrictFlatTolerance = 0.001;

    /// <summary>With the class shares known: how close the flat level must be to one class's share.</summary>
    public const double ShareTolerance = 0.01;

    /// <summary>
    /// With C known but not the shares: the level must be at most this many times 1/C. Predicting one class
    /// scores its share, and in a dataset that is not badly imbalanced no class holds more than about 2/C.
    /// </summary>
    public const double ChanceMultiple = 2.0;

    /// <summary>
    /// Highest level that can pass for one class's share without knowing the shares (or for C = 2, 3): above
    /// one half a single class would be the majority, and a flat Val ACC there is as likely a plateau.
    /// </summary>
    public const double MaxOneClassLevel = 0.5;

    /// <summary>Train ACC spread within the flat window that counts as "moving" while Val ACC does not.</summary>
    public const double TrainMoves = 0.05;

    /// <summary>Or Train ACC this far above the flat Val ACC on average: the model does fit its training batches.</summary>
    public const double TrainAbove = 0.1;

    /// <summary>
    /// If Val ACC climbed to the flat level from this much lower, the model learned its way there: a plateau of a
    /// hard task, not a one-class answer. (The story's Val ACC never moved from epoch 1.)
    /// </summary>
    public const double ClimbMargin = 0.1;

    public string Id => FindingIds.ValAtClassPrior;

    public CheckResult Run(EpochHistory history)
    {
        EpochValue[] val = Series.Finite(history, e => e.ValAcc);
        if (val.Length == 0) return CheckResult.CannotRun(Series.Missing("Val ACC"));
        if (val.Length < MinFlatEpochs)
            return CheckResult.CannotRun($"needs Val ACC over at least {MinFlatEpochs} epochs, but the history has {val.Length}");

        bool classesKnown = history.Classes is not null || history.ValClassShares is { Count: > 0 };
        var (start, length) = LongestFlatRun(val, classesKnown ? FlatTolerance : StrictFlatTolerance);
        if (length < MinFlatEpochs) return CheckResult.Clean;
        EpochValue[] window = val[start..(start + length)];
        double level = window.Average(v => v.Value);
        if (val[..start].Any(v => v.Value < level - ClimbMargin)) return CheckResult.Clean;

        string? why = OneClassLevel(level, history);
        if (why is null) return CheckResult.Clean;

        int first = window[0].Epoch, last = window[^1].Epoch;
        EpochValue[] train = Series.Finite(history, e => e.TrainAcc).Where(t => t.Epoch >= first && t.Epoch <= last).ToArray();
        string trainText;
        if (train.Length >= 2)
        {
            double min = train.Min(t => t.Value), max = train.Max(t => t.Value), mean = train.Average(t => t.Value);
            if (max - min < TrainMoves && mean - level < TrainAbove) return CheckResult.Clean; // train is stuck too: no-learning's business
            trainText = $" while Train ACC ranged {Series.F(min)}-{Series.F(max)}";
        }
        else if (!classesKnown)
        {
            return CheckResult.Clean; // without Train ACC or the classes, a low flat Val ACC could be a plateau
        }
        else trainText = "";

        double spread = window.Max(v => v.Value) - window.Min(v => v.Value);
        var numbers = new Dictionary<string, double>
        {
            ["valAcc"] = Series.N(level),
            ["valAccSpread"] = Series.N(spread),
            ["firstEpoch"] = first,
            ["lastEpoch"] = last,
        };
        if (history.Classes is { } c) numbers["classes"] = c;
        if (train.Length >= 2)
        {
            numbers["trainAccMin"] = Series.N(train.Min(t => t.Value));
            numbers["trainAccMax"] = Series.N(train.Max(t => t.Value));
        }
        return CheckResult.Found(new Finding(
            Id, Severity.Error,
            $"Val ACC is stuck at {Series.F(level)}, the accuracy of predicting a single class",
            $"Val ACC stayed at {Series.F(level)} (spread {Series.F(spread)}) over {Series.Epochs(first, last)}{trainText}; {why}",
            "Check that the training loader shuffles every epoch (DataLoader(shuffle=True), or DistributedSampler(shuffle=True) " +
            "with set_epoch; riffle train --shuffle true) and that validation data is transformed and labelled like training data; " +
            "then look at the histogram of validation predictions")
        {
            Epoch = first,
            Numbers = numbers,
        });
    }

    /// <summary>Why <paramref name="level"/> is consistent with predicting one class, or null when it is not.</summary>
    private static string? OneClassLevel(double level, EpochHistory history)
    {
        if (history.ValClassShares is { Count: > 0 } shares)
        {
            int k = Enumerable.Range(0, shares.Count).MinBy(i => Math.Abs(shares[i] - level));
            return Math.Abs(shares[k] - level) <= ShareTolerance
                ? $"class {k} is {Series.F(shares[k])} of the validation set"
                : null;
        }
        if (history.Classes is { } c)
        {
            double ceiling = Math.Min(ChanceMultiple / c, MaxOneClassLevel);
            return level <= ceiling
                ? $"with {c} classes, one class's share is about {Series.F(1.0 / c)} and rarely above {Series.F(ceiling)}"
                : null;
        }
        return level <= MaxOneClassLevel
            ? $"a level this low and this flat is what predicting one class gives (pass the number of classes to compare with 1/C)"
            : null;
    }

    /// <summary>The longest run of consecutive values whose spread (max - min) is within <paramref name="tolerance"/>.</summary>
    private static (int Start, int Length) LongestFlatRun(EpochValue[] values, double tolerance)
    {
        int bestStart = 0, bestLength = 0;
        for (int start = 0; start < values.Length; start++)
        {
            double min = values[start].Value, max = min;
            int end = start + 1;
            while (end < values.Length)
            {
                double v = values[end].Value;
                if (Math.Max(max, v) - Math.Min(min, v) > tolerance) break;
                min = Math.Min(min, v);
                max = Math.Max(max, v);
                end++;
            }
            if (end - start > bestLength) (bestStart, bestLength) = (start, end - start);
        }
        return (bestStart, bestLength);
    }
}
