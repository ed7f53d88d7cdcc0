namespace Riffle.Doctor;

/// <summary>The ids of the root causes <see cref="CauseRanker"/> can name, with one line each. Ids are API.</summary>
public static class CauseIds
{
    public const string UnshuffledTrainingOrder = "unshuffled-training-order";
    public const string EvalPipelineMismatch = "eval-pipeline-mismatch";
    public const string LearningRateTooHigh = "learning-rate-too-high";
    public const string Overfitting = "overfitting";
    public const string DataLeakage = "data-leakage";
    public const string LabelNoise = "label-noise";

    /// <summary>A few classes dominate the training set (raised by the pre-flight audit's <c>class-imbalance</c>).</summary>
    public const string ClassImbalance = "class-imbalance";

    /// <summary>Nothing of warning or error severity was found.</summary>
    public const string Healthy = "healthy";

    /// <summary>Every id, in the order ties are broken.</summary>
    public static IReadOnlyList<string> All { get; } =
        [UnshuffledTrainingOrder, EvalPipelineMismatch, LearningRateTooHigh, Overfitting, DataLeakage, LabelNoise, ClassImbalance, Healthy];

    /// <summary>One line saying what the cause means.</summary>
    public static string Describe(string id) => id switch
    {
        UnshuffledTrainingOrder => "training batches come in a fixed, class-sorted order (no shuffling), so the network learns the class of the current block",
        EvalPipelineMismatch => "validation or test data is not prepared or labelled like the training data (transforms, normalisation, label mapping, wrong split)",
        LearningRateTooHigh => "the learning rate is too high for the model and batch size, so the optimisation does not settle",
        Overfitting => "the model memorises the training set: it keeps improving there while getting worse on new data",
        DataLeakage => "held-out data is not held out: a split is reused or overlaps another, so the reported score is not an honest one",
        LabelNoise => "many training labels are wrong or inconsistent, so the loss cannot fall far",
        ClassImbalance => "a few classes dominate the training set, so the network can score well by predicting them and neglect the rest",
        Healthy => "nothing stands out: train and validation metrics move together",
        _ => throw new ArgumentException($"unknown cause id '{id}'; expected one of {string.Join(", ", All)}", nameof(id)),
    };
}
