using Riffle.Data;
using Riffle.Data.Sampling;

namespace Riffle.Doctor.Audit;

/// <summary>
/// What the pre-flight audit looks at: the training set (labels only), the batches each rank's loader will emit per
/// epoch, and optionally the validation and test sets (with pixels when they are <see cref="IImageDataset"/>s, so
/// that copies across splits can be found).
/// </summary>
public sealed record AuditInput
{
    /// <summary>One <see cref="BatchSampler"/> per rank, in rank order (the trainer's: batches of a DistributedSampler).</summary>
    public AuditInput(ILabeledDataset train, IReadOnlyList<BatchSampler> ranks)
        : this(train, ranks.Count, (epoch, rank) => ranks[rank].GetBatches(epoch))
    {
    }

    /// <param name="train">The training set, in the order the sampler indexes it.</param>
    /// <param name="worldSize">The number of ranks.</param>
    /// <param name="batches">The batches of indices into <paramref name="train"/> that rank <c>r</c> emits in epoch <c>e</c> (0-based): <c>batches(e, r)</c>.</param>
    public AuditInput(ILabeledDataset train, int worldSize, Func<int, int, IReadOnlyList<ArraySegment<int>>> batches)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(batches);
        if (worldSize < 1) throw new ArgumentOutOfRangeException(nameof(worldSize), $"worldSize must be at least 1, but got worldSize={worldSize}");
        Train = train;
        WorldSize = worldSize;
        Batches = batches;
    }

    public ILabeledDataset Train { get; }

    public int WorldSize { get; }

    /// <summary><c>Batches(epoch, rank)</c>: the batches of indices into <see cref="Train"/>, epoch 0-based.</summary>
    public Func<int, int, IReadOnlyList<ArraySegment<int>>> Batches { get; }

    /// <summary>The validation split, if any.</summary>
    public ILabeledDataset? Val { get; init; }

    /// <summary>The test split, if any.</summary>
    public ILabeledDataset? Test { get; init; }

    /// <summary>Epochs to enumerate: two are enough to see whether the order changes between epochs.</summary>
    public int Epochs
    {
        get;
        init => field = value >= 1 ? value : throw new ArgumentOutOfRangeException(nameof(Epochs), $"epochs must be at least 1, but got epochs={value}");
    } = 2;
}
