using Riffle.Data.Transforms;
using TorchSharp;

namespace Riffle.Data.Interop;

/// <summary>
/// Exposes a Riffle dataset to TorchSharp's own <c>torch.utils.data.DataLoader</c>: one <c>"data"</c> tensor
/// (C, H, W) and one <c>"label"</c> tensor per sample, through the same transform. Riffle's benchmark uses it to
/// measure TorchSharp's loader on exactly the same work.
/// </summary>
public sealed class TorchSharpDataset : torch.utils.data.Dataset
{
    private readonly IImageDataset _dataset;
    private readonly ISampleTransform _transform;
    private readonly ImageShape _shape;

    public TorchSharpDataset(IImageDataset dataset, ISampleTransform transform, int epoch = 0)
    {
        _dataset = dataset;
        _transform = transform;
        _shape = transform is Compose compose ? compose.OutputShape(dataset.Shape) : dataset.Shape;
        Epoch = epoch;
    }

    /// <summary>The epoch passed to the transform (TorchSharp's loader has no notion of it).</summary>
    public int Epoch { get; set; }

    public override long Count => _dataset.Count;

    public override Dictionary<string, torch.Tensor> GetTensor(long index)
    {
        int i = checked((int)index);
        var pixels = new float[_shape.Size];
        _transform.Apply(_dataset.GetPixels(i), _dataset.Shape, pixels, i, Epoch);
        return new Dictionary<string, torch.Tensor>
        {
            ["data"] = torch.tensor(pixels, [_shape.Channels, _shape.Height, _shape.Width]),
            ["label"] = torch.tensor((long)_dataset.Labels[i]),
        };
    }
}
