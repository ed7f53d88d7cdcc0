namespace Riffle.Doctor.Audit;

/// <summary>
/// The audit's rows for <see cref="CauseRanker"/>: read a row as "this finding, if it is an error, alone makes this
/// cause about this likely". Combine with the metric checks' table as
/// <c>new CauseRanker([.. CauseRanker.DefaultWeights, .. AuditEvidence.Weights])</c> (that is <see cref="Ranker"/>), so
/// a pre-flight finding and a later metrics finding add up for the same cause.
/// </summary>
public static class AuditEvidence
{
    public static IReadOnlyList<EvidenceWeight> Weights { get; } =
    [
        new(AuditFindingIds.LabelSortedBatches, CauseIds.UnshuffledTrainingOrder, 0.9,
            "batches of one class at a time are the mechanism itself, measured on the order the loader will emit"),
        new(AuditFindingIds.EpochOrderRepeats, CauseIds.UnshuffledTrainingOrder, 0.4,
            "a sampler that never reshuffles is unshuffled by definition; it hurts most when the fixed order is also sorted"),
        new(AuditFindingIds.RankClassSkew, CauseIds.UnshuffledTrainingOrder, 0.5,
            "a rank that sees a few classes is the sharded form of a class-sorted order: data split before it was shuffled"),
        new(AuditFindingIds.SplitLeakage, CauseIds.DataLeakage, 0.9,
            "byte-identical samples in two splits are leakage by definition; only the share decides how much it matters"),
        // A validation split unlike the training set is a wrong split: the cause that covers "validation data is not
        // like the training data", whose symptoms (Val ACC flat at one class's share, a train-val gap from epoch 1) it shares.
        new(AuditFindingIds.ValSplitFromSortedTail, CauseIds.EvalPipelineMismatch, 0.8,
            "validation drawn from the tail of a class-sorted set holds other classes than training, so Val ACC measures the split, not the model"),
        new(AuditFindingIds.ValSplitFromSortedTail, CauseIds.UnshuffledTrainingOrder, 0.2,
            "a tail split comes from class-sorted data, which is often trained on unshuffled too"),
        new(AuditFindingIds.ClassImbalance, CauseIds.ClassImbalance, 0.7,
            "a large ratio between class sizes lets the network score well on the big classes and ignore the small ones"),
    ];

    /// <summary>The metric checks' evidence and the audit's, in one ranker.</summary>
    public static CauseRanker Ranker { get; } = new([.. CauseRanker.DefaultWeights, .. Weights]);
}
