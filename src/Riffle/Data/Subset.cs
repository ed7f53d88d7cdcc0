namespace Riffle.Data;

/// <summary>A view of a dataset through a list of indices (PyTorch's <c>Subset</c>): splits and reorderings cost no copy of pixels.</summary>
public sealed class Subset : IImageDataset
{
    private readonly IImageDataset _source;
    private readonly int[] _indices;
    private readonly int[] _labels;

    public Subset(IImageDataset source, int[] indices)
    {
        _source = source;
        _indices = indices;
        _labels = new int[indices.Length];
        ReadOnlySpan<int> all = source.Labels;
        for (int i = 0; i < indices.Length; i++)
        {
            if ((uint)indices[i] >= (uint)source.Count)
                throw new ArgumentOutOfRangeException(nameof(indices), $"index {indices[i]} at position {i} is outside [0, {source.Count - 1}]");
            _labels[i] = all[indices[i]];
        }
    }

    /// <summary>The positions in the source dataset, in this subset's order.</summary>
    public IReadOnlyList<int> Indices => _indices;
    public int Count => _indices.Length;
    public IReadOnlyList<string> Classes => _source.Classes;
    public ReadOnlySpan<int> Labels => _labels;
    public ImageShape Shape => _source.Shape;

    public ReadOnlySpan<byte> GetPixels(int index) => _source.GetPixels(_indices[index]);
}
