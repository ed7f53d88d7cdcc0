namespace Riffle.Data;

/// <summary>A dataset with its labels replaced (for label-noise experiments): the same pixels, other labels.</summary>
public sealed class RelabeledDataset : IImageDataset
{
    private readonly IImageDataset _inner;
    private readonly int[] _labels;

    public RelabeledDataset(IImageDataset inner, int[] labels)
    {
        if (labels.Length != inner.Count) throw new ArgumentException($"labels has {labels.Length} entries but the dataset has {inner.Count} samples", nameof(labels));
        foreach (int l in labels)
            if ((uint)l >= (uint)inner.Classes.Count) throw new ArgumentException($"label {l} is outside [0, {inner.Classes.Count - 1}]", nameof(labels));
        _inner = inner;
        _labels = labels;
    }

    public int Count => _inner.Count;
    public IReadOnlyList<string> Classes => _inner.Classes;
    public ReadOnlySpan<int> Labels => _labels;
    public ImageShape Shape => _inner.Shape;
    public ReadOnlySpan<byte> GetPixels(int index) => _inner.GetPixels(index);
}
