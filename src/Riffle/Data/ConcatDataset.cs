namespace Riffle.Data;

/// <summary>Datasets one after another (PyTorch's <c>ConcatDataset</c>); they must share shape and classes.</summary>
public sealed class ConcatDataset : IImageDataset
{
    private readonly IImageDataset[] _parts;
    private readonly int[] _starts;
    private readonly int[] _labels;

    public ConcatDataset(params IImageDataset[] parts)
    {
        if (parts.Length == 0) throw new ArgumentException("at least one dataset is needed", nameof(parts));
        foreach (var p in parts.Skip(1))
        {
            if (p.Shape != parts[0].Shape) throw new ArgumentException($"every part must have shape {parts[0].Shape}, but one has {p.Shape}", nameof(parts));
            if (!p.Classes.SequenceEqual(parts[0].Classes)) throw new ArgumentException("every part must have the same classes", nameof(parts));
        }
        _parts = parts;
        _starts = new int[parts.Length];
        for (int i = 1; i < parts.Length; i++) _starts[i] = _starts[i - 1] + parts[i - 1].Count;
        _labels = parts.SelectMany(p => p.Labels.ToArray()).ToArray();
    }

    public int Count => _labels.Length;
    public IReadOnlyList<string> Classes => _parts[0].Classes;
    public ReadOnlySpan<int> Labels => _labels;
    public ImageShape Shape => _parts[0].Shape;

    public ReadOnlySpan<byte> GetPixels(int index)
    {
        int part = Array.BinarySearch(_starts, index);
        if (part < 0) part = ~part - 1;
        while (part + 1 < _starts.Length && _starts[part + 1] == index) part++; // skip empty parts
        return _parts[part].GetPixels(index - _starts[part]);
    }
}
