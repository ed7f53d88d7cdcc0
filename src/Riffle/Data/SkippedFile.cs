namespace Riffle.Data;

/// <summary>A file left out of a folder dataset, and why.</summary>
public sealed record SkippedFile(string Path, string Reason);
