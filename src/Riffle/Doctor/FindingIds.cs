namespace Riffle.Doctor;

/// <summary>
/// The ids of the findings the metric checks raise. Ids are API: scripts match on them, so they never change
/// meaning; a new kind of finding gets a new id.
/// </summary>
public static class FindingIds
{
    /// <summary>Val ACC flat for several epochs at the accuracy of always predicting one class.</summary>
    public const string ValAtClassPrior = "val-at-class-prior";

    /// <summary>Train ACC far above Val ACC from the first epoch on.</summary>
    public const string TrainValGap = "train-val-gap";

    /// <summary>Train ACC dropping while the learning rate stays the same.</summary>
    public const string TrainAccFalling = "train-acc-falling";

    /// <summary>Val and test metrics identical every epoch: one split evaluated twice.</summary>
    public const string ValEqualsTest = "val-equals-test";

    /// <summary>A loss is NaN or infinite.</summary>
    public const string LossNonFinite = "loss-nonfinite";

    /// <summary>Train loss grows to a large multiple of its best value.</summary>
    public const string LossDiverging = "loss-diverging";

    /// <summary>Train loss stays at chance level (ln C) or does not decrease.</summary>
    public const string NoLearning = "no-learning";

    /// <summary>Val loss rising for several epochs while train loss falls, with val ACC well above chance.</summary>
    public const string Overfitting = "overfitting";

    /// <summary>Every id above, in the order the checks run.</summary>
    public static IReadOnlyList<string> All { get; } =
        [ValAtClassPrior, TrainValGap, TrainAccFalling, ValEqualsTest, LossNonFinite, LossDiverging, NoLearning, Overfitting];
}
