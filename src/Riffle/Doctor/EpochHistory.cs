using Riffle.Training;

namespace Riffle.Doctor;

/// <summary>
/// What the metric checks read: the epochs so far, in increasing order, and what is known about the classes.
/// The live monitor passes the run's history after every epoch; <c>riffle doctor log</c> passes a parsed log.
/// </summary>
public sealed record EpochHistory
{
    public EpochHistory(IReadOnlyList<EpochRecord> epochs)
    {
        for (int i = 1; i < epochs.Count; i++)
            if (epochs[i].Epoch <= epochs[i - 1].Epoch)
                throw new ArgumentException(
                    $"epochs must be in increasing order, but epoch {epochs[i].Epoch} follows epoch {epochs[i - 1].Epoch} (at index {i})", nameof(epochs));
        Epochs = epochs;
    }

    public IReadOnlyList<EpochRecord> Epochs { get; }

    /// <summary>The number of classes C, when known. Lets checks compare with 1/C and ln C.</summary>
    public int? Classes
    {
        get;
        init => field = value is null or >= 2
            ? value
            : throw new ArgumentOutOfRangeException(nameof(Classes), value, $"classes must be at least 2, but got classes={value}");
    }

    /// <summary>
    /// The share of each class in the validation set, when known (the live monitor knows it; a log does not).
    /// A model that predicts one class scores exactly that class's share.
    /// </summary>
    public IReadOnlyList<double>? ValClassShares { get; init; }

    /// <summary>The history of <c>riffle train</c>'s rows.</summary>
    public static EpochHistory From(IEnumerable<EpochMetrics> rows) => new(rows.Select(EpochRecord.From).ToArray());
}
