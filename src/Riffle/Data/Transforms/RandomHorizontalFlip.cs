using Riffle.Data.Sampling;

namespace Riffle.Data.Transforms;

/// <summary>torchvision's <c>RandomHorizontalFlip(p)</c>: mirrors the image left-right with probability p.</summary>
public sealed class RandomHorizontalFlip : IImageTransform
{
    public RandomHorizontalFlip(double probability = 0.5)
    {
        if (!(probability >= 0 && probability <= 1)) throw new ArgumentOutOfRangeException(nameof(probability), $"probability must be in [0, 1], but got probability={probability}");
        Probability = probability;
    }

    public double Probability { get; }

    public ImageShape OutputShape(ImageShape input) => input;

    public void Apply(ReadOnlySpan<byte> source, ImageShape shape, Span<byte> destination, ref SplitMix64 rng)
    {
        source.CopyTo(destination);
        if (rng.NextDouble() >= Probability) return;
        for (int row = 0; row < shape.Channels * shape.Height; row++)
            destination.Slice(row * shape.Width, shape.Width).Reverse();
    }
}
