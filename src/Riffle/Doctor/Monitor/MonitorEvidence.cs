namespace Riffle.Doctor.Monitor;

/// <summary>The rows the live monitor's own findings add to the cause ranker's evidence table.</summary>
public static class MonitorEvidence
{
    public static IReadOnlyList<EvidenceWeight> Weights { get; } =
    [
        new(MonitorFindingIds.PredictionCollapse, CauseIds.UnshuffledTrainingOrder, 0.5,
            "a network trained one class at a time answers the last block's class for everything"),
        new(MonitorFindingIds.PredictionCollapse, CauseIds.EvalPipelineMismatch, 0.5,
            "inputs unlike the training inputs (other normalisation, transposed) fall into one class"),
        new(MonitorFindingIds.PredictionCollapse, CauseIds.LearningRateTooHigh, 0.2,
            "a diverged network often outputs one class"),
        new(MonitorFindingIds.PeriodicMetrics, CauseIds.UnshuffledTrainingOrder, 0.8,
            "accuracy that cycles within an epoch is the fingerprint of batches coming in blocks"),
        new(MonitorFindingIds.ValLossBlowup, CauseIds.EvalPipelineMismatch, 0.8,
            "a loss many times higher from the first epoch means inputs on another scale or layout, not a model that fails to generalise"),
        new(MonitorFindingIds.LoaderOrderRandom, CauseIds.UnshuffledTrainingOrder, -0.8,
            "the audit read the order the loader emits and found it random: the symptoms must have another cause"),
        new(MonitorFindingIds.ValAboveTrain, CauseIds.LabelNoise, 0.7,
            "training accuracy capped below validation accuracy is what wrong training labels do"),
    ];
}
