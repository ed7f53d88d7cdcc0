namespace Riffle.Doctor.Audit;

/// <summary>The numbers the audit measured, whether or not they made findings.</summary>
public sealed record AuditMeasurements
{
    public required int WorldSize { get; init; }
    public required int Epochs { get; init; }

    /// <summary>Training samples per class.</summary>
    public required IReadOnlyList<int> TrainClassCounts { get; init; }

    /// <summary>Per rank and epoch (rank-major), the label order the loader emits next to a random order's.</summary>
    public required IReadOnlyList<RankEpochOrder> Order { get; init; }

    /// <summary>
    /// Pooled over ranks and epochs: the share of a random order's within-batch class mixing the batches keep (1 random,
    /// 0 every batch one class); NaN when the batches have no pairs or the data one class.
    /// </summary>
    public required double BatchMixing { get; init; }

    /// <summary>Pooled: label changes between consecutive samples as a share of a random order's.</summary>
    public required double OrderMixing { get; init; }

    /// <summary>Per rank: the share of epoch 2's positions holding the same sample as in epoch 1 (NaN with one epoch).</summary>
    public required IReadOnlyList<double> EpochRepeatShare { get; init; }

    /// <summary>Largest over smallest non-empty training class (NaN with no samples).</summary>
    public required double ImbalanceRatio { get; init; }

    /// <summary>Total-variation distance between the validation and training class shares (null without a validation set).</summary>
    public double? ValClassDistance { get; init; }

    /// <summary>Byte-identical samples between the splits that have pixels.</summary>
    public required IReadOnlyList<SplitOverlap> Overlaps { get; init; }

    /// <summary>Time spent hashing pixels, in milliseconds (part of <see cref="AuditReport.Elapsed"/>).</summary>
    public required double HashMilliseconds { get; init; }
}
