using System.Collections.Concurrent;
using SkiaSharp;

namespace Riffle.Data;

/// <summary>
/// A folder-per-class dataset (torchvision's <c>ImageFolder</c>): classes are the sub-folder names in ordinal
/// order; each class's files are listed in ordinal order of their relative paths, so an unshuffled loader is
/// class-ordered, as in the story. Images (PNG, JPEG, and whatever else SkiaSharp decodes) are decoded once, in
/// parallel, resized to a fixed size, grayscale or RGB, and held in memory.
/// </summary>
public static class ImageFolder
{
    public static (InMemoryImageDataset Dataset, ImageFolderReport Report) Load(string root, ImageFolderOptions options, IReadOnlyList<string>? classes = null)
    {
        options.Validate();
        if (!Directory.Exists(root))
            throw new DataFormatException(root, "folder not found; pass --data with a folder of class folders (or of train/ and test/ folders of class folders)");
        string[] classDirs = Directory.GetDirectories(root).Where(d => !Path.GetFileName(d).StartsWith('.')).Order(StringComparer.Ordinal).ToArray();
        if (classDirs.Length == 0)
            throw new DataFormatException(root, "has no class folders; a folder dataset holds one sub-folder of images per class");
        string[] names = classDirs.Select(Path.GetFileName).ToArray()!;
        if (classes is not null && !names.SequenceEqual(classes))
            throw new DataFormatException(root, $"has classes [{string.Join(", ", names)}] but the training set has [{string.Join(", ", classes)}]; both splits need the same class folders");

        var files = new List<(string Path, int Label)>();
        var empty = new List<string>();
        for (int c = 0; c < classDirs.Length; c++)
        {
            string[] inClass = Directory.GetFiles(classDirs[c], "*", SearchOption.AllDirectories)
                .Where(f => !Path.GetFileName(f).StartsWith('.'))
                .Order(StringComparer.Ordinal).ToArray();
            if (inClass.Length == 0)
            {
                if (!options.SkipBad)
                    throw new DataFormatException(classDirs[c], "class folder has no images; add images or remove the folder (or pass --skip-bad to keep it empty)");
                empty.Add(names[c]);
            }
            files.AddRange(inClass.Select(f => (f, c)));
        }

        var shape = new ImageShape(options.Channels, options.Size, options.Size);
        var pixels = new byte[(long)files.Count * shape.Size];
        var failures = new ConcurrentDictionary<int, string>();
        Parallel.For(0, files.Count, i =>
        {
            try { Decode(files[i].Path, shape, pixels.AsSpan(i * shape.Size, shape.Size)); }
            catch (DataFormatException e) { failures[i] = e.Message; }
        });

        if (failures.IsEmpty)
            return (new InMemoryImageDataset(pixels, files.Select(f => f.Label).ToArray(), shape, names), new ImageFolderReport([], empty));
        if (!options.SkipBad)
        {
            int first = failures.Keys.Min();
            throw new DataFormatException(files[first].Path, failures[first][(files[first].Path.Length + 2)..] + "; remove the file or pass --skip-bad to skip and count such files");
        }
        int[] good = Enumerable.Range(0, files.Count).Where(i => !failures.ContainsKey(i)).ToArray();
        var kept = new byte[(long)good.Length * shape.Size];
        for (int k = 0; k < good.Length; k++)
            pixels.AsSpan(good[k] * shape.Size, shape.Size).CopyTo(kept.AsSpan(k * shape.Size));
        var skipped = failures.OrderBy(f => f.Key).Select(f => new SkippedFile(files[f.Key].Path, f.Value[(files[f.Key].Path.Length + 2)..])).ToList();
        foreach (int c in Enumerable.Range(0, names.Length).Where(c => !good.Any(i => files[i].Label == c) && !empty.Contains(names[c])))
            empty.Add(names[c]);
        return (new InMemoryImageDataset(kept, good.Select(i => files[i].Label).ToArray(), shape, names), new ImageFolderReport(skipped, empty));
    }

    /// <summary>Decodes one image file into <paramref name="destination"/> as <paramref name="shape"/> (C, H, W bytes).</summary>
    public static void Decode(string path, ImageShape shape, Span<byte> destination)
    {
        using var codec = SKCodec.Create(path, out SKCodecResult opened);
        if (codec is null)
            throw new DataFormatException(path, $"not an image SkiaSharp can decode ({opened})");
        var info = new SKImageInfo(codec.Info.Width, codec.Info.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul);
        using var decoded = new SKBitmap(info);
        SKCodecResult result = codec.GetPixels(info, decoded.GetPixels());
        if (result != SKCodecResult.Success)
            throw new DataFormatException(path, $"corrupt image data ({result})");
        SKBitmap source = decoded;
        SKBitmap? resized = null;
        if (info.Width != shape.Width || info.Height != shape.Height)
        {
            resized = decoded.Resize(new SKImageInfo(shape.Width, shape.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul), SKFilterQuality.Medium)
                ?? throw new DataFormatException(path, $"could not be resized from {info.Width}x{info.Height} to {shape.Width}x{shape.Height}");
            source = resized;
        }
        try
        {
            ReadOnlySpan<byte> rgba = source.GetPixelSpan();
            int plane = shape.Height * shape.Width;
            for (int p = 0; p < plane; p++)
            {
                byte r = rgba[4 * p], g = rgba[4 * p + 1], b = rgba[4 * p + 2];
                if (shape.Channels == 1)
                    destination[p] = (byte)((r * 299 + g * 587 + b * 114 + 500) / 1000);
                else
                {
                    destination[p] = r;
                    destination[plane + p] = g;
                    destination[2 * plane + p] = b;
                }
            }
        }
        finally { resized?.Dispose(); }
    }
}
