using Riffle.Data;
using Riffle.Data.Sampling;
using Riffle.Data.Transforms;
using TorchSharp;
using Xunit;

namespace Riffle.Tests.Data;

[Collection(LibTorchCollection.Name)]
[Trait("Requires", "libtorch")]
public class DataLoaderWorkersTests
{
    private static readonly IImageDataset Fashion = new Subset(EmbeddedData.FashionMnistSubset().Train, Enumerable.Range(0, 700).ToArray());

    private static DataLoader Loader(int workers, IImageDataset? dataset = null, int prefetch = 2, bool persistent = false)
    {
        dataset ??= Fashion;
        return new DataLoader(dataset, new RandomSampler(dataset.Count, seed: 4),
            Compose.StandardAugmentation(9, dataset.Shape, Normalize.FashionMnist),
            new DataLoaderOptions { BatchSize = 64, NumWorkers = workers, PrefetchFactor = prefetch, PersistentWorkers = persistent });
    }

    private static List<(float[] Images, long[] Labels)> Epoch(DataLoader loader, int epoch)
    {
        var result = new List<(float[], long[])>();
        foreach (Batch batch in loader.GetBatches(epoch))
            using (batch) result.Add((batch.Images.data<float>().ToArray(), batch.Labels.data<long>().ToArray()));
        return result;
    }

    [Fact]
    public void ZeroOneAndFourWorkers_GiveIdenticalBatches()
    {
        using var zero = Loader(0);
        using var one = Loader(1);
        using var four = Loader(4, prefetch: 1);
        using var persistent = Loader(4, persistent: true);
        for (int epoch = 0; epoch < 2; epoch++)
        {
            var expected = Epoch(zero, epoch);
            Assert.Equal(11, expected.Count);
            foreach (var other in new[] { one, four, persistent })
            {
                var actual = Epoch(other, epoch);
                Assert.Equal(expected.Count, actual.Count);
                for (int b = 0; b < expected.Count; b++)
                {
                    Assert.Equal(expected[b].Labels, actual[b].Labels);
                    Assert.Equal(expected[b].Images, actual[b].Images);
                }
            }
        }
        Assert.NotEqual(Epoch(zero, 0)[0].Labels, Epoch(zero, 1)[0].Labels);
    }

    /// <summary>A dataset whose sample <see cref="Bad"/> cannot be read.</summary>
    private sealed class FailingDataset(IImageDataset inner, int bad) : IImageDataset
    {
        public int Bad => bad;
        public int Count => inner.Count;
        public IReadOnlyList<string> Classes => inner.Classes;
        public ReadOnlySpan<int> Labels => inner.Labels;
        public ImageShape Shape => inner.Shape;
        public ReadOnlySpan<byte> GetPixels(int index) => index == bad ? throw new IOException($"disk error at sample {index}") : inner.GetPixels(index);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(2)]
    public async Task AWorkerException_NamesWorkerAndSample_WithoutHangOrLeftoverThreads(int workers)
    {
        var dataset = new FailingDataset(Fashion, bad: 333);
        long tensorsBefore = torch.Tensor.TotalCount;
        using (var loader = Loader(workers, dataset))
        {
            var run = Task.Run(() => Epoch(loader, 0));
            Assert.Same(run, await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)))); // the epoch ends, it does not hang
            var e = await Assert.ThrowsAsync<DataLoaderWorkerException>(() => run);
            Assert.Equal(333, e.SampleIndex);
            Assert.IsType<IOException>(e.InnerException);
            Assert.Contains("failed on sample 333: disk error at sample 333", e.Message);
            if (workers == 0) Assert.Equal(-1, e.WorkerId);
            else Assert.InRange(e.WorkerId, 0, workers - 1);
        }
        Assert.Equal(0, WorkerPool.LiveThreads);
        Assert.Equal(tensorsBefore, torch.Tensor.TotalCount);
    }

    [Fact]
    public void StoppingEarly_DisposesEveryBatchNotHandedOut()
    {
        long before = torch.Tensor.TotalCount;
        using (var loader = Loader(2, prefetch: 3))
        {
            int taken = 0;
            foreach (Batch batch in loader.GetBatches(0))
            {
                batch.Dispose();
                if (++taken == 2) break; // workers have more batches queued at this point
            }
        }
        Assert.Equal(before, torch.Tensor.TotalCount);
        Assert.Equal(0, WorkerPool.LiveThreads);
    }

    [Fact]
    public void DataWait_IsMeasured()
    {
        using var loader = Loader(0);
        LoaderEpoch epoch = loader.GetBatches(0);
        foreach (Batch batch in epoch) batch.Dispose();
        Assert.True(epoch.DataWait > TimeSpan.Zero);
    }
}
