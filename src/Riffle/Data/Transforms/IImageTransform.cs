using Riffle.Data.Sampling;

namespace Riffle.Data.Transforms;

/// <summary>
/// A random (or fixed) transform of one 8-bit image (C, H, W), drawing any randomness from <paramref name="rng"/>,
/// which the caller keys on (seed, epoch, sample index): the result does not depend on the thread that runs it.
/// </summary>
public interface IImageTransform
{
    /// <summary>The shape this transform produces from <paramref name="input"/>.</summary>
    ImageShape OutputShape(ImageShape input);

    void Apply(ReadOnlySpan<byte> source, ImageShape shape, Span<byte> destination, ref SplitMix64 rng);
}
