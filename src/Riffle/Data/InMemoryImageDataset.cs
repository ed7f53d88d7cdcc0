namespace Riffle.Data;

/// <summary>Images held in one contiguous byte array (as the IDX files store them).</summary>
public sealed class InMemoryImageDataset : IImageDataset
{
    private readonly byte[] _pixels;
    private readonly int[] _labels;

    public InMemoryImageDataset(byte[] pixels, int[] labels, ImageShape shape, IReadOnlyList<string> classes)
    {
        if (pixels.LongLength != (long)labels.Length * shape.Size)
            throw new ArgumentException(
                $"pixels holds {pixels.LongLength} bytes but {labels.Length} samples of {shape} need {(long)labels.Length * shape.Size}",
                nameof(pixels));
        foreach (int label in labels)
            if ((uint)label >= (uint)classes.Count)
                throw new ArgumentException($"label {label} is outside [0, {classes.Count - 1}]", nameof(labels));
        _pixels = pixels;
        _labels = labels;
        Shape = shape;
        Classes = classes;
    }

    public int Count => _labels.Length;
    public IReadOnlyList<string> Classes { get; }
    public ReadOnlySpan<int> Labels => _labels;
    public ImageShape Shape { get; }

    public ReadOnlySpan<byte> GetPixels(int index) => _pixels.AsSpan(index * Shape.Size, Shape.Size);
}
