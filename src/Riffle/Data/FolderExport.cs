using System.Globalization;
using SkiaSharp;

namespace Riffle.Data;

/// <summary>
/// Writes a dataset as a folder-per-class tree of PNG files: <c>train/&lt;k&gt;-&lt;class&gt;/&lt;index&gt;.png</c> and
/// <c>test/...</c>. Class folders start with the label number so that their ordinal order is the label order.
/// The tree is built in a temporary folder and renamed into place at the end.
/// </summary>
public static class FolderExport
{
    public static void Write(TrainTestData data, string outDir)
    {
        if (Directory.Exists(outDir) && Directory.EnumerateFileSystemEntries(outDir).Any())
            throw new IOException($"{outDir}: already exists and is not empty; remove it or pass another --out");
        if (File.Exists(outDir))
            throw new IOException($"{outDir}: is a file; pass --out with a folder path");
        string full = Path.GetFullPath(outDir);
        string temp = full.TrimEnd(Path.DirectorySeparatorChar) + $".tmp-{Environment.ProcessId}";
        try
        {
            WriteSplit(data.Train, Path.Combine(temp, "train"));
            WriteSplit(data.Test, Path.Combine(temp, "test"));
            if (Directory.Exists(full)) Directory.Delete(full);
            Directory.Move(temp, full);
        }
        catch
        {
            if (Directory.Exists(temp)) Directory.Delete(temp, recursive: true);
            throw;
        }
    }

    /// <summary>The folder name of class <paramref name="label"/>: the zero-padded label, a dash, the name with path separators replaced.</summary>
    public static string ClassFolder(IReadOnlyList<string> classes, int label)
    {
        int digits = (classes.Count - 1).ToString(CultureInfo.InvariantCulture).Length;
        string name = string.Concat(classes[label].Select(ch => ch is '/' or '\\' or ' ' ? '-' : ch));
        return $"{label.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0')}-{name}";
    }

    private static void WriteSplit(IImageDataset dataset, string dir)
    {
        for (int c = 0; c < dataset.Classes.Count; c++) Directory.CreateDirectory(Path.Combine(dir, ClassFolder(dataset.Classes, c)));
        int digits = Math.Max(5, dataset.Count.ToString(CultureInfo.InvariantCulture).Length);
        Parallel.For(0, dataset.Count, i =>
        {
            string file = Path.Combine(dir, ClassFolder(dataset.Classes, dataset.Labels[i]), i.ToString(CultureInfo.InvariantCulture).PadLeft(digits, '0') + ".png");
            File.WriteAllBytes(file, EncodePng(dataset.GetPixels(i), dataset.Shape));
        });
    }

    /// <summary>Encodes one C, H, W image (1 or 3 channels) as PNG.</summary>
    public static byte[] EncodePng(ReadOnlySpan<byte> pixels, ImageShape shape)
    {
        using var bitmap = new SKBitmap(new SKImageInfo(shape.Width, shape.Height, SKColorType.Rgba8888, SKAlphaType.Unpremul));
        Span<byte> rgba;
        unsafe { rgba = new Span<byte>((void*)bitmap.GetPixels(), bitmap.ByteCount); }
        int plane = shape.Height * shape.Width;
        for (int p = 0; p < plane; p++)
        {
            rgba[4 * p] = pixels[p];
            rgba[4 * p + 1] = shape.Channels == 3 ? pixels[plane + p] : pixels[p];
            rgba[4 * p + 2] = shape.Channels == 3 ? pixels[2 * plane + p] : pixels[p];
            rgba[4 * p + 3] = 255;
        }
        using var data = bitmap.Encode(SKEncodedImageFormat.Png, 100);
        return data.ToArray();
    }
}
