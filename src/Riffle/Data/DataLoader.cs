using System.Runtime.InteropServices;
using Riffle.Data.Sampling;
using Riffle.Data.Transforms;
using TorchSharp;

namespace Riffle.Data;

/// <summary>
/// Wires a dataset, a sampler and a transform into batches: the sampler decides the order, the loader only
/// cuts it into batches and collates each straight into one contiguous tensor (no tensor per sample).
/// </summary>
public sealed class DataLoader
{
    private readonly IImageDataset _dataset;
    private readonly ISampleTransform _transform;

    public DataLoader(IImageDataset dataset, ISampler sampler, ISampleTransform transform, DataLoaderOptions? options = null)
    {
        Options = options ?? new DataLoaderOptions();
        Options.Validate();
        _dataset = dataset;
        Sampler = sampler;
        _transform = transform;
    }

    public ISampler Sampler { get; }
    public DataLoaderOptions Options { get; }

    /// <summary>Batches per epoch.</summary>
    public int BatchCount => Options.DropLast
        ? Sampler.Length / Options.BatchSize
        : (Sampler.Length + Options.BatchSize - 1) / Options.BatchSize;

    /// <summary>The batches of one epoch, in the sampler's order. Each batch belongs to the caller, who disposes it.</summary>
    public IEnumerable<Batch> GetBatches(int epoch)
    {
        int[] order = Sampler.GetIndices(epoch);
        int batches = BatchCount;
        for (int b = 0; b < batches; b++)
        {
            int start = b * Options.BatchSize;
            int size = Math.Min(Options.BatchSize, order.Length - start);
            yield return Collate(order.AsSpan(start, size), epoch);
        }
    }

    /// <summary>The labels of one epoch's batches, in order, without decoding a sample (for audits).</summary>
    public IEnumerable<int[]> GetBatchLabels(int epoch)
    {
        int[] order = Sampler.GetIndices(epoch);
        ReadOnlySpan<int> labels = _dataset.Labels;
        var result = new List<int[]>(BatchCount);
        for (int b = 0; b < BatchCount; b++)
        {
            int start = b * Options.BatchSize;
            int size = Math.Min(Options.BatchSize, order.Length - start);
            var batch = new int[size];
            for (int i = 0; i < size; i++) batch[i] = labels[order[start + i]];
            result.Add(batch);
        }
        return result;
    }

    /// <summary>Collates the given samples into a new batch (images <c>(B, C, H, W)</c>, labels <c>(B)</c>).</summary>
    public Batch Collate(ReadOnlySpan<int> indices, int epoch)
    {
        ImageShape shape = _dataset.Shape;
        int size = indices.Length;
        var images = torch.empty([size, shape.Channels, shape.Height, shape.Width], torch.float32);
        var labels = torch.empty([size], torch.int64);
        Span<float> pixels = MemoryMarshal.Cast<byte, float>(images.bytes);
        Span<long> targets = MemoryMarshal.Cast<byte, long>(labels.bytes);
        ReadOnlySpan<int> all = _dataset.Labels;
        for (int i = 0; i < size; i++)
        {
            int index = indices[i];
            _transform.Apply(_dataset.GetPixels(index), shape, pixels.Slice(i * shape.Size, shape.Size), index, epoch);
            targets[i] = all[index];
        }
        return new Batch(images, labels, size);
    }
}
