namespace Riffle.Data.Sampling;

/// <summary>
/// The shuffle of streaming pipelines (tf.data's <c>shuffle(buffer_size)</c>, WebDataset's <c>shuffle</c>): reads the
/// inner order into a buffer of <see cref="BufferSize"/> indices and emits a random one of the buffered each time.
/// An index can move at most <c>BufferSize - 1</c> places earlier, so a buffer much smaller than a class block
/// leaves a class-sorted stream class-sorted. Fixed by (seed, epoch); the inner sampler gets the same epoch.
/// </summary>
public sealed class ShuffleBuffer : ISampler
{
    private readonly ISampler _inner;
    private readonly long _seed;

    public ShuffleBuffer(ISampler inner, int bufferSize, long seed)
    {
        if (bufferSize < 1) throw new ArgumentOutOfRangeException(nameof(bufferSize), $"bufferSize must be at least 1, but got bufferSize={bufferSize}");
        _inner = inner;
        BufferSize = bufferSize;
        _seed = seed;
    }

    public int BufferSize { get; }
    public int Length => _inner.Length;

    public int[] GetIndices(int epoch)
    {
        int[] stream = _inner.GetIndices(epoch);
        var rng = new SplitMix64(SplitMix64.Mix(_seed, epoch));
        var buffer = new int[Math.Min(BufferSize, stream.Length)];
        var output = new int[stream.Length];
        int filled = 0, next = 0, written = 0;
        while (filled < buffer.Length) buffer[filled++] = stream[next++];
        while (filled > 0)
        {
            int pick = rng.NextBelow(filled);
            output[written++] = buffer[pick];
            if (next < stream.Length) buffer[pick] = stream[next++];
            else buffer[pick] = buffer[--filled];
        }
        return output;
    }
}
