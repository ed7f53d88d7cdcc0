using TorchSharp;

namespace Riffle.Data;

/// <summary>
/// One collated batch: images <c>(B, C, H, W)</c> float32 and labels <c>(B)</c> int64. The receiver owns both
/// tensors; disposing the batch frees them.
/// </summary>
public sealed class Batch : IDisposable
{
    public Batch(torch.Tensor images, torch.Tensor labels, int size)
    {
        Images = images;
        Labels = labels;
        Size = size;
    }

    public torch.Tensor Images { get; }
    public torch.Tensor Labels { get; }
    public int Size { get; }

    public void Dispose()
    {
        Images.Dispose();
        Labels.Dispose();
    }
}
