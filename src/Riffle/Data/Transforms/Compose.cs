using System.Buffers;
using Riffle.Data.Sampling;

namespace Riffle.Data.Transforms;

/// <summary>
/// Image transforms applied in order, then <see cref="Normalize"/> into the batch (torchvision's <c>Compose</c>).
/// Each sample's randomness comes from one generator seeded by (seed, epoch, sample index), so a batch is the same
/// whichever worker thread makes it, and every epoch augments differently.
/// </summary>
public sealed class Compose : ISampleTransform
{
    private readonly IImageTransform[] _steps;
    private readonly Normalize _normalize;
    private readonly long _seed;

    public Compose(long seed, Normalize normalize, params IImageTransform[] steps)
    {
        _seed = seed;
        _normalize = normalize;
        _steps = steps;
    }

    /// <summary>Riffle's <c>--augment</c>: random crop of the image's own size with 4 pixels of padding, random horizontal flip, normalize.</summary>
    public static Compose StandardAugmentation(long seed, ImageShape shape, Normalize normalize) =>
        new(seed, normalize, new RandomCrop(shape.Height, padding: 4), new RandomHorizontalFlip(0.5));

    public ImageShape OutputShape(ImageShape input) => _steps.Aggregate(input, (shape, step) => step.OutputShape(shape));

    public void Apply(ReadOnlySpan<byte> pixels, ImageShape shape, Span<float> destination, int sampleIndex, int epoch)
    {
        var rng = new SplitMix64(SplitMix64.Mix(_seed, epoch, sampleIndex));
        int largest = shape.Size;
        ImageShape probe = shape;
        foreach (IImageTransform step in _steps) largest = Math.Max(largest, (probe = step.OutputShape(probe)).Size);
        byte[] a = ArrayPool<byte>.Shared.Rent(largest), b = ArrayPool<byte>.Shared.Rent(largest);
        try
        {
            ReadOnlySpan<byte> current = pixels;
            ImageShape currentShape = shape;
            bool intoA = true; // ping-pong between the two scratch buffers
            foreach (IImageTransform step in _steps)
            {
                ImageShape next = step.OutputShape(currentShape);
                Span<byte> target = (intoA ? a : b).AsSpan(0, next.Size);
                step.Apply(current, currentShape, target, ref rng);
                current = target;
                currentShape = next;
                intoA = !intoA;
            }
            _normalize.Apply(current, currentShape, destination, sampleIndex, epoch);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(a);
            ArrayPool<byte>.Shared.Return(b);
        }
    }
}
