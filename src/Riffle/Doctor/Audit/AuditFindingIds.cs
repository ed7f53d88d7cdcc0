namespace Riffle.Doctor.Audit;

/// <summary>
/// The ids of the findings the pre-flight audit raises (<see cref="PreflightAudit"/>). Ids are API, like
/// <see cref="FindingIds"/>: scripts match on them, so they never change meaning; a new kind of finding gets a new id.
/// </summary>
public static class AuditFindingIds
{
    /// <summary>Batches hold far fewer classes, and consecutive labels repeat far more, than a random order gives.</summary>
    public const string LabelSortedBatches = "label-sorted-batches";

    /// <summary>An epoch emits the same order as the epoch before it (no fresh permutation per epoch).</summary>
    public const string EpochOrderRepeats = "epoch-order-repeats";

    /// <summary>A rank's epoch covers far fewer classes, or a very different class mix, than the training set.</summary>
    public const string RankClassSkew = "rank-class-skew";

    /// <summary>Byte-identical samples in two of the train, validation and test splits.</summary>
    public const string SplitLeakage = "split-leakage";

    /// <summary>The largest training class is many times the smallest (or a class has no training samples).</summary>
    public const string ClassImbalance = "class-imbalance";

    /// <summary>The validation split's classes are very unlike the training set's, as the tail of a class-sorted dataset is.</summary>
    public const string ValSplitFromSortedTail = "val-split-from-sorted-tail";

    /// <summary>Every id above, in the order the audit lists its checks.</summary>
    public static IReadOnlyList<string> All { get; } =
        [LabelSortedBatches, EpochOrderRepeats, RankClassSkew, SplitLeakage, ClassImbalance, ValSplitFromSortedTail];
}
