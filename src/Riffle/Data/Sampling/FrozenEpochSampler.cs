namespace Riffle.Data.Sampling;

/// <summary>
/// Always yields epoch <see cref="Epoch"/>'s order, whatever epoch is asked: what PyTorch's <c>DistributedSampler</c>
/// does when <c>set_epoch</c> is never called. Riffle's samplers cannot forget the epoch; this wrapper exists to
/// reproduce the bug (the doctor's fault suite).
/// </summary>
public sealed class FrozenEpochSampler(ISampler inner, int epoch = 0) : ISampler
{
    public int Epoch => epoch;
    public int Length => inner.Length;
    public int[] GetIndices(int ignored) => inner.GetIndices(epoch);
}
