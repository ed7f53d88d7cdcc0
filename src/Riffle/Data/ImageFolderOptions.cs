namespace Riffle.Data;

/// <summary>How images of a folder-per-class dataset are decoded.</summary>
public sealed record ImageFolderOptions
{
    /// <summary>Every image is resized to <c>Size x Size</c>.</summary>
    public int Size { get; init; } = 28;

    /// <summary>1 (grayscale, ITU-R 601 luma as PIL's "L") or 3 (RGB).</summary>
    public int Channels { get; init; } = 1;

    /// <summary>Skip (and count) files that are not decodable images instead of failing; report empty classes instead of failing.</summary>
    public bool SkipBad { get; init; }

    public void Validate()
    {
        if (Size < 1) throw new ArgumentOutOfRangeException(nameof(Size), $"image size must be at least 1, but got image-size={Size}");
        if (Channels is not (1 or 3)) throw new ArgumentOutOfRangeException(nameof(Channels), $"channels must be 1 or 3, but got channels={Channels}");
    }
}
