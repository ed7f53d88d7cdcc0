using Riffle.Data.Sampling;

namespace Riffle.Data.Transforms;

/// <summary>
/// torchvision's <c>RandomCrop(size, padding)</c>: pads the image with zeros on every side, then cuts a
/// <c>size x size</c> window at a uniformly random position.
/// </summary>
public sealed class RandomCrop : IImageTransform
{
    public RandomCrop(int size, int padding)
    {
        if (size < 1) throw new ArgumentOutOfRangeException(nameof(size), $"size must be at least 1, but got size={size}");
        if (padding < 0) throw new ArgumentOutOfRangeException(nameof(padding), $"padding must be non-negative, but got padding={padding}");
        Size = size;
        Padding = padding;
    }

    public int Size { get; }
    public int Padding { get; }

    public ImageShape OutputShape(ImageShape input)
    {
        if (input.Height + 2 * Padding < Size || input.Width + 2 * Padding < Size)
            throw new ArgumentException($"crop size {Size} is larger than the padded image {input.Height + 2 * Padding}x{input.Width + 2 * Padding}");
        return input with { Height = Size, Width = Size };
    }

    public void Apply(ReadOnlySpan<byte> source, ImageShape shape, Span<byte> destination, ref SplitMix64 rng)
    {
        int top = rng.NextBelow(shape.Height + 2 * Padding - Size + 1) - Padding;   // window origin in source coordinates
        int left = rng.NextBelow(shape.Width + 2 * Padding - Size + 1) - Padding;
        // Columns of the window that fall inside the source, as a range of output columns.
        int x0 = Math.Max(0, -left), x1 = Math.Min(Size, shape.Width - left);
        for (int c = 0; c < shape.Channels; c++)
        {
            ReadOnlySpan<byte> plane = source.Slice(c * shape.Height * shape.Width, shape.Height * shape.Width);
            Span<byte> output = destination.Slice(c * Size * Size, Size * Size);
            for (int y = 0; y < Size; y++)
            {
                Span<byte> row = output.Slice(y * Size, Size);
                int sy = y + top;
                if (sy < 0 || sy >= shape.Height || x0 >= x1) { row.Clear(); continue; }
                row[..x0].Clear();
                plane.Slice(sy * shape.Width + left + x0, x1 - x0).CopyTo(row[x0..x1]);
                row[x1..].Clear();
            }
        }
    }
}
