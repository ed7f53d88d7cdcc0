using System.Buffers.Binary;
using System.IO.Compression;

namespace Riffle.Data;

/// <summary>
/// Reads the IDX format of MNIST and Fashion-MNIST (raw or gzip-compressed, detected from the content).
/// Layout: 2 zero bytes, a type byte (0x08 = unsigned byte), a dimension count, one big-endian int32 per
/// dimension, then the data. Images are <c>0x00000803</c> (count, rows, cols); labels <c>0x00000801</c> (count).
/// Every problem is a <see cref="DataFormatException"/> naming the file.
/// </summary>
public static class IdxReader
{
    public const int ImagesMagic = 0x00000803;
    public const int LabelsMagic = 0x00000801;

    public static IdxImages ReadImages(string path) => ReadImages(Open(path), path);

    /// <summary>Reads images from a stream (closed afterwards); <paramref name="name"/> is used in error messages.</summary>
    public static IdxImages ReadImages(Stream stream, string name)
    {
        string path = name;
        byte[] bytes = ReadAll(stream, name);
        int[] dims = Header(bytes, path, ImagesMagic, expectedDims: 3, "images");
        (int count, int rows, int cols) = (dims[0], dims[1], dims[2]);
        if (rows <= 0 || cols <= 0)
            throw new DataFormatException(path, $"image size {rows}x{cols} is not positive", 8);
        long start = 16, expected = (long)count * rows * cols;
        CheckLength(bytes, path, start, expected, $"{count} images of {rows}x{cols} bytes");
        byte[] pixels = bytes.AsSpan((int)start, (int)expected).ToArray();
        return new IdxImages(count, rows, cols, pixels);
    }

    /// <summary>Reads a label file and checks that every label lies in <c>[0, numClasses - 1]</c>.</summary>
    public static int[] ReadLabels(string path, int numClasses) => ReadLabels(Open(path), path, numClasses);

    /// <summary>Reads labels from a stream (closed afterwards); <paramref name="name"/> is used in error messages.</summary>
    public static int[] ReadLabels(Stream stream, string name, int numClasses)
    {
        string path = name;
        byte[] bytes = ReadAll(stream, name);
        int count = Header(bytes, path, LabelsMagic, expectedDims: 1, "labels")[0];
        const long start = 8;
        CheckLength(bytes, path, start, count, $"{count} labels of one byte");
        var labels = new int[count];
        for (int i = 0; i < count; i++)
        {
            int label = bytes[start + i];
            if (label >= numClasses)
                throw new DataFormatException(path,
                    $"label {label} of sample {i} is out of range: labels must be in [0, {numClasses - 1}]", start + i);
            labels[i] = label;
        }
        return labels;
    }

    private static Stream Open(string path)
    {
        if (!File.Exists(path))
            throw new DataFormatException(path, "file not found");
        return File.OpenRead(path);
    }

    private static byte[] ReadAll(Stream stream, string path)
    {
        try
        {
            using var raw = new MemoryStream();
            using (stream) stream.CopyTo(raw);
            byte[] bytes = raw.ToArray();
            if (bytes.Length < 2 || bytes[0] != 0x1f || bytes[1] != 0x8b) return bytes;
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var plain = new MemoryStream();
            gzip.CopyTo(plain);
            // GZipStream stops quietly at the end of a truncated file; the trailer's ISIZE (length mod 2^32) catches it.
            uint declared = bytes.Length >= 18 ? BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4)) : 0;
            if (declared != (uint)plain.Length)
                throw new DataFormatException(path,
                    $"the gzip stream is corrupt or truncated: it decompresses to {plain.Length} bytes but its trailer says {declared}; re-download or re-extract the file");
            return plain.ToArray();
        }
        catch (InvalidDataException e)
        {
            throw new DataFormatException(path, $"the gzip stream is corrupt or truncated ({e.Message}); re-download or re-extract the file", null, e);
        }
        catch (EndOfStreamException e)
        {
            throw new DataFormatException(path, "the gzip stream is truncated; re-download or re-extract the file", null, e);
        }
    }

    private static int[] Header(byte[] bytes, string path, int magic, int expectedDims, string kind)
    {
        if (bytes.Length < 4)
            throw new DataFormatException(path, $"file is {bytes.Length} bytes long, too short for an IDX header", 0);
        int actual = BinaryPrimitives.ReadInt32BigEndian(bytes);
        if (actual != magic)
            throw new DataFormatException(path,
                $"wrong magic number 0x{actual:X8}: expected 0x{magic:X8} (IDX {kind}); is this the right file?", 0);
        int headerEnd = 4 + 4 * expectedDims;
        if (bytes.Length < headerEnd)
            throw new DataFormatException(path, $"header is truncated: expected {expectedDims} dimension(s)", bytes.Length);
        var dims = new int[expectedDims];
        for (int d = 0; d < expectedDims; d++)
        {
            dims[d] = BinaryPrimitives.ReadInt32BigEndian(bytes.AsSpan(4 + 4 * d));
            if (dims[d] < 0)
                throw new DataFormatException(path, $"dimension {d} is negative ({dims[d]})", 4 + 4 * d);
        }
        return dims;
    }

    private static void CheckLength(byte[] bytes, string path, long start, long expected, string what)
    {
        long actual = bytes.Length - start;
        if (actual < expected)
            throw new DataFormatException(path,
                $"file is truncated: the header declares {what} ({expected} bytes) but only {actual} follow", bytes.Length);
        if (actual > expected)
            throw new DataFormatException(path,
                $"file has {actual - expected} bytes after the {what} its header declares", start + expected);
    }
}
