using System.Diagnostics;
using Riffle.Data.Interop;
using Riffle.Data.Sampling;
using Riffle.Data.Transforms;
using TorchSharp;

namespace Riffle.Data;

/// <summary>
/// Runs one shuffled epoch through a loader and times it: every batch is collated into tensors, handed to the
/// caller, and disposed, as a training loop would, but with no model in between.
/// </summary>
public static class LoaderBenchmark
{
    /// <summary>Batches run through the loader before the clock starts: libtorch's start-up and the JIT are not the loader's speed.</summary>
    public const int WarmupBatches = 20;

    public static LoaderBenchmarkResult Run(IImageDataset dataset, LoaderBenchmarkOptions options)
    {
        options.Validate();
        ISampleTransform transform = options.Augment
            ? Compose.StandardAugmentation(options.Seed, dataset.Shape, Normalize.FashionMnist)
            : Normalize.FashionMnist;
        return options.Implementation == "riffle" ? RunRiffle(dataset, transform, options) : RunTorchSharp(dataset, transform, options);
    }

    private static LoaderBenchmarkResult RunRiffle(IImageDataset dataset, ISampleTransform transform, LoaderBenchmarkOptions options)
    {
        var sampler = new DistributedSampler(dataset.Count, numReplicas: 1, rank: 0, shuffle: true, seed: options.Seed);
        using var loader = new DataLoader(dataset, sampler, transform, new DataLoaderOptions { BatchSize = options.BatchSize, NumWorkers = options.Workers });
        foreach (Batch batch in loader.GetBatches(epoch: 1).Take(WarmupBatches)) batch.Dispose();
        int samples = 0, batches = 0;
        var clock = Stopwatch.StartNew();
        foreach (Batch batch in loader.GetBatches(epoch: 0))
        {
            samples += batch.Size;
            batches++;
            batch.Dispose();
        }
        return new LoaderBenchmarkResult(samples, batches, clock.Elapsed.TotalSeconds);
    }

    private static LoaderBenchmarkResult RunTorchSharp(IImageDataset dataset, ISampleTransform transform, LoaderBenchmarkOptions options)
    {
        using var source = new TorchSharpDataset(dataset, transform);
        // TorchSharp counts the consumer as one of its workers: num_worker = 1 loads on the calling thread.
        using var loader = torch.utils.data.DataLoader(source, options.BatchSize, true, null, (int)options.Seed, Math.Max(1, options.Workers), false, false, false);
        foreach (Dictionary<string, torch.Tensor> batch in loader.Take(WarmupBatches))
            foreach (torch.Tensor t in batch.Values) t.Dispose();
        int samples = 0, batches = 0;
        var clock = Stopwatch.StartNew();
        foreach (Dictionary<string, torch.Tensor> batch in loader)
        {
            samples += (int)batch["label"].shape[0];
            batches++;
            foreach (torch.Tensor t in batch.Values) t.Dispose();
        }
        return new LoaderBenchmarkResult(samples, batches, clock.Elapsed.TotalSeconds);
    }
}
