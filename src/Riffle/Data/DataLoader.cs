using System.Runtime.InteropServices;
using Riffle.Data.Sampling;
using Riffle.Data.Transforms;
using TorchSharp;

namespace Riffle.Data;

/// <summary>
/// Wires a dataset, a sampler and a transform into batches (PyTorch's DataLoader, without its 3,000 lines): the
/// sampler decides the order, a <see cref="BatchSampler"/> cuts it, and each batch is collated straight into one
/// contiguous tensor (no tensor per sample), on the consumer's thread or by <c>NumWorkers</c> threads ahead of it.
/// </summary>
public sealed class DataLoader : IDisposable
{
    private readonly IImageDataset _dataset;
    private readonly ISampleTransform _transform;
    private readonly ImageShape _outputShape;
    private WorkerPool? _persistent;

    public DataLoader(IImageDataset dataset, ISampler sampler, ISampleTransform transform, DataLoaderOptions? options = null)
    {
        Options = options ?? new DataLoaderOptions();
        Options.Validate();
        _dataset = dataset;
        _transform = transform;
        _outputShape = transform is Compose compose ? compose.OutputShape(dataset.Shape) : dataset.Shape;
        BatchSampler = new BatchSampler(sampler, Options.BatchSize, Options.DropLast);
    }

    public DataLoaderOptions Options { get; }
    public BatchSampler BatchSampler { get; }
    public ISampler Sampler => BatchSampler.Sampler;
    public IImageDataset Dataset => _dataset;

    /// <summary>Batches per epoch.</summary>
    public int BatchCount => BatchSampler.Length;

    /// <summary>The batches of one epoch, in the sampler's order. Each batch belongs to the caller, who disposes it.</summary>
    public LoaderEpoch GetBatches(int epoch) => new(this, epoch);

    /// <summary>The labels of one epoch's batches, in order, without decoding a sample (for audits).</summary>
    public IReadOnlyList<int[]> GetBatchLabels(int epoch)
    {
        ReadOnlySpan<int> labels = _dataset.Labels;
        var result = new List<int[]>(BatchCount);
        foreach (ArraySegment<int> indices in BatchSampler.GetBatches(epoch))
        {
            var batch = new int[indices.Count];
            for (int i = 0; i < batch.Length; i++) batch[i] = labels[indices[i]];
            result.Add(batch);
        }
        return result;
    }

    /// <summary>Collates the given samples into a new batch (images <c>(B, C, H, W)</c>, labels <c>(B)</c>).</summary>
    public Batch Collate(ReadOnlySpan<int> indices, int epoch) => Collate(indices, epoch, workerId: -1);

    internal Batch Collate(ReadOnlySpan<int> indices, int epoch, int workerId)
    {
        ImageShape shape = _outputShape;
        int size = indices.Length;
        torch.Tensor? images = null, labels = null;
        int current = size > 0 ? indices[0] : -1;
        try
        {
            images = torch.empty([size, shape.Channels, shape.Height, shape.Width], torch.float32);
            labels = torch.empty([size], torch.int64);
            Span<float> pixels = MemoryMarshal.Cast<byte, float>(images.bytes);
            Span<long> targets = MemoryMarshal.Cast<byte, long>(labels.bytes);
            ReadOnlySpan<int> all = _dataset.Labels;
            for (int i = 0; i < size; i++)
            {
                current = indices[i];
                _transform.Apply(_dataset.GetPixels(current), _dataset.Shape, pixels.Slice(i * shape.Size, shape.Size), current, epoch);
                targets[i] = all[current];
            }
            return new Batch(images, labels, size);
        }
        catch (Exception e)
        {
            images?.Dispose();
            labels?.Dispose();
            throw new DataLoaderWorkerException(workerId, current, e);
        }
    }

    internal WorkerPool RentPool() =>
        Options.PersistentWorkers ? (_persistent ??= new WorkerPool(Options.NumWorkers)) : new WorkerPool(Options.NumWorkers);

    internal void ReturnPool(WorkerPool pool)
    {
        if (!ReferenceEquals(pool, _persistent)) pool.Dispose();
    }

    /// <summary>Stops persistent workers.</summary>
    public void Dispose()
    {
        _persistent?.Dispose();
        _persistent = null;
    }
}
