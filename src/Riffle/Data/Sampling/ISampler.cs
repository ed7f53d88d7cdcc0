namespace Riffle.Data.Sampling;

/// <summary>
/// Yields the order in which a loader visits a dataset's indices (PyTorch's <c>Sampler</c>). The epoch is an
/// argument of every enumeration, so a shuffling sampler cannot silently repeat last epoch's order because
/// someone forgot to call <c>set_epoch</c>.
/// </summary>
public interface ISampler
{
    /// <summary>How many indices one epoch yields.</summary>
    int Length { get; }

    /// <summary>The indices of epoch <paramref name="epoch"/> (0-based), in order.</summary>
    int[] GetIndices(int epoch);
}
