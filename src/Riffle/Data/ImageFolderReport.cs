namespace Riffle.Data;

/// <summary>What loading a folder-per-class dataset passed over: files skipped (with <c>--skip-bad</c>) and classes without images.</summary>
public sealed record ImageFolderReport(IReadOnlyList<SkippedFile> Skipped, IReadOnlyList<string> EmptyClasses)
{
    public static readonly ImageFolderReport None = new([], []);

    public ImageFolderReport Merge(ImageFolderReport other) => new([.. Skipped, .. other.Skipped], [.. EmptyClasses, .. other.EmptyClasses]);
}
