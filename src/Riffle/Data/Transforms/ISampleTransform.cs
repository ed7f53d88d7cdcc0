namespace Riffle.Data.Transforms;

/// <summary>
/// Turns one sample's 8-bit pixels (C, H, W) into the floats a network reads, written straight into the
/// batch tensor's memory. <paramref name="sampleIndex"/> and <paramref name="epoch"/> let random transforms key
/// their randomness on the sample, not on the thread that runs them.
/// </summary>
public interface ISampleTransform
{
    void Apply(ReadOnlySpan<byte> pixels, ImageShape shape, Span<float> destination, int sampleIndex, int epoch);
}
