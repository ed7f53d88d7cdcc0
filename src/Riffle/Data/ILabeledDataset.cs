namespace Riffle.Data;

/// <summary>
/// A dataset of classified samples whose labels can be read in bulk without decoding a single sample
/// (the doctor enumerates labels over whole epochs).
/// </summary>
public interface ILabeledDataset
{
    int Count { get; }

    /// <summary>The class names; labels are indices into this list.</summary>
    IReadOnlyList<string> Classes { get; }

    /// <summary>Every label, by sample index. Cheap: no sample is decoded.</summary>
    ReadOnlySpan<int> Labels { get; }
}
