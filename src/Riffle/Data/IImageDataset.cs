namespace Riffle.Data;

/// <summary>An image classification dataset: 8-bit pixels in C, H, W order, one label each.</summary>
public interface IImageDataset : ILabeledDataset
{
    ImageShape Shape { get; }

    /// <summary>The pixels of sample <paramref name="index"/>, <c>Shape.Size</c> bytes, C, H, W order.</summary>
    ReadOnlySpan<byte> GetPixels(int index);
}
