using System.Buffers.Binary;
using System.IO.Compression;
using Riffle.Data;

namespace Riffle.Tests;

/// <summary>Small IDX files and folders for tests, written by hand so every field can be broken on purpose.</summary>
internal static class TestData
{
    public static byte[] ImagesFile(int count, int rows, int cols, Func<int, byte>? pixel = null, int magic = IdxReader.ImagesMagic)
    {
        var bytes = new byte[16 + count * rows * cols];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), cols);
        for (int i = 16; i < bytes.Length; i++) bytes[i] = pixel?.Invoke(i - 16) ?? (byte)(i * 7);
        return bytes;
    }

    public static byte[] LabelsFile(IReadOnlyList<int> labels, int magic = IdxReader.LabelsMagic)
    {
        var bytes = new byte[8 + labels.Count];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), labels.Count);
        for (int i = 0; i < labels.Count; i++) bytes[8 + i] = (byte)labels[i];
        return bytes;
    }

    public static byte[] Gzip(byte[] raw)
    {
        using var memory = new MemoryStream();
        using (var gz = new GZipStream(memory, CompressionLevel.Fastest)) gz.Write(raw);
        return memory.ToArray();
    }

    public static string TempDir() => Directory.CreateTempSubdirectory("riffle-test-").FullName;

    /// <summary>
    /// An IDX folder (gz) holding the first <paramref name="trainPerClass"/> / <paramref name="testPerClass"/> samples of each
    /// class of the embedded subset: real images, small enough to train in a second.
    /// </summary>
    public static string SmallFashionFolder(int trainPerClass, int testPerClass)
    {
        string dir = TempDir();
        TrainTestData data = EmbeddedData.FashionMnistSubset();
        Write(dir, "train", data.Train, Take(data.Train, trainPerClass));
        Write(dir, "t10k", data.Test, Take(data.Test, testPerClass));
        return dir;
    }

    private static int[] Take(IImageDataset dataset, int perClass)
    {
        var taken = new int[dataset.Classes.Count];
        var chosen = new List<int>();
        for (int i = 0; i < dataset.Count; i++)
            if (taken[dataset.Labels[i]]++ < perClass) chosen.Add(i);
        return chosen.ToArray();
    }

    private static void Write(string dir, string prefix, IImageDataset dataset, int[] indices)
    {
        int size = dataset.Shape.Size;
        byte[] images = ImagesFile(indices.Length, dataset.Shape.Height, dataset.Shape.Width, i => dataset.GetPixels(indices[i / size])[i % size]);
        byte[] labels = LabelsFile(indices.Select(i => dataset.Labels[i]).ToArray());
        File.WriteAllBytes(Path.Combine(dir, $"{prefix}-images-idx3-ubyte.gz"), Gzip(images));
        File.WriteAllBytes(Path.Combine(dir, $"{prefix}-labels-idx1-ubyte.gz"), Gzip(labels));
    }
}
