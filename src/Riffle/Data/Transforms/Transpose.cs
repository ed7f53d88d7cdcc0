using Riffle.Data.Sampling;

namespace Riffle.Data.Transforms;

/// <summary>Swaps height and width of every channel (an image read in the wrong axis order).</summary>
public sealed class Transpose : IImageTransform
{
    public ImageShape OutputShape(ImageShape input) => input with { Height = input.Width, Width = input.Height };

    public void Apply(ReadOnlySpan<byte> source, ImageShape shape, Span<byte> destination, ref SplitMix64 rng)
    {
        int plane = shape.Height * shape.Width;
        for (int c = 0; c < shape.Channels; c++)
            for (int y = 0; y < shape.Height; y++)
                for (int x = 0; x < shape.Width; x++)
                    destination[c * plane + x * shape.Height + y] = source[c * plane + y * shape.Width + x];
    }
}
