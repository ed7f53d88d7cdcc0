namespace Riffle.Data;

/// <summary>
/// A data file or folder that cannot be used. The message names the path, where in it the problem is
/// (offset or entry) when that is known, what was expected, and how to fix it.
/// </summary>
public sealed class DataFormatException : Exception
{
    public DataFormatException(string path, string problem, long? offset = null, Exception? inner = null)
        : base(Format(path, problem, offset), inner)
    {
        Path = path;
        Offset = offset;
    }

    /// <summary>The file or folder at fault.</summary>
    public string Path { get; }

    /// <summary>The byte offset of the problem in the (decompressed) file, when known.</summary>
    public long? Offset { get; }

    private static string Format(string path, string problem, long? offset) =>
        offset is { } at ? $"{path}: at byte {at}: {problem}" : $"{path}: {problem}";
}
