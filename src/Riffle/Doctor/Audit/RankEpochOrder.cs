namespace Riffle.Doctor.Audit;

/// <summary>
/// What one rank's loader emits in one epoch, measured on labels only, next to what a random order of the same labels
/// would give ("random" below: the same multiset of labels in a uniformly random order, cut into the same batches).
/// Expected values are exact (hypergeometric), not simulated.
/// </summary>
public sealed record RankEpochOrder
{
    /// <summary>0-based rank.</summary>
    public required int Rank { get; init; }

    /// <summary>1-based epoch, as the metrics table counts.</summary>
    public required int Epoch { get; init; }

    /// <summary>Labels emitted (padding included).</summary>
    public required int Samples { get; init; }

    public required int Batches { get; init; }

    /// <summary>The largest batch (the nominal batch size unless every batch is short).</summary>
    public required int BatchSize { get; init; }

    /// <summary>Mean number of distinct classes per batch, and its exact expectation under a random order.</summary>
    public required double MeanClasses { get; init; }
    public required double ExpectedClasses { get; init; }

    /// <summary>Mean label entropy of a batch in bits, and its exact expectation under a random order.</summary>
    public required double MeanEntropyBits { get; init; }
    public required double ExpectedEntropyBits { get; init; }

    /// <summary>Batches holding a single class, and how many a random order gives on average.</summary>
    public required int SingleClassBatches { get; init; }
    public required double ExpectedSingleClassBatches { get; init; }

    /// <summary>Pairs of samples in the same batch (sum of B(B-1)/2), and how many of them share a class (observed, random).</summary>
    public required long BatchPairs { get; init; }
    public required long SameClassPairs { get; init; }
    public required double ExpectedSameClassPairs { get; init; }

    /// <summary>Places where the label changes from one emitted sample to the next (observed, random).</summary>
    public required long LabelChanges { get; init; }
    public required double ExpectedLabelChanges { get; init; }

    /// <summary>Longest run of equal consecutive labels.</summary>
    public required int LongestRun { get; init; }

    /// <summary>Mean length of a run of equal consecutive labels: samples / runs (observed, random).</summary>
    public double MeanRunLength => Samples == 0 ? 0 : (double)Samples / (LabelChanges + 1);
    public double ExpectedRunLength => Samples == 0 ? 0 : Samples / (ExpectedLabelChanges + 1);

    /// <summary>Samples per class in this rank's epoch.</summary>
    public required IReadOnlyList<int> ClassCounts { get; init; }

    /// <summary>Classes with at least one sample in this rank's epoch.</summary>
    public int ClassesCovered => ClassCounts.Count(c => c > 0);

    /// <summary>Total-variation distance between this rank's class shares and the whole training set's, in [0, 1].</summary>
    public required double ClassDistance { get; init; }
}
