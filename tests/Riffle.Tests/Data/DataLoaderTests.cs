using Riffle.Data;
using Riffle.Data.Sampling;
using Riffle.Data.Transforms;
using TorchSharp;
using Xunit;

namespace Riffle.Tests.Data;

[Collection(LibTorchCollection.Name)]
[Trait("Requires", "libtorch")]
public class DataLoaderTests
{
    private static InMemoryImageDataset Tiny(int count) => new(
        Enumerable.Range(0, count * 4).Select(i => (byte)(i % 256)).ToArray(),
        Enumerable.Range(0, count).Select(i => i % 3).ToArray(),
        new ImageShape(1, 2, 2), ["a", "b", "c"]);

    [Fact]
    public void Batches_FollowTheSamplerAndCollateIntoOneTensorEach()
    {
        var dataset = Tiny(5);
        var loader = new DataLoader(dataset, new SequentialSampler(5), new Normalize(0, 1), new DataLoaderOptions { BatchSize = 2 });

        var batches = loader.GetBatches(0).ToList();
        try
        {
            Assert.Equal([2, 2, 1], batches.Select(b => b.Size));
            Assert.Equal(new long[] { 2, 1, 2, 2 }, batches[0].Images.shape);
            Assert.Equal(new long[] { 0, 1 }, batches[0].Labels.data<long>().ToArray());
            Assert.Equal(new long[] { 1 }, batches[2].Labels.data<long>().ToArray());
            // Sample 4's pixels are bytes 16..19, scaled by 1/255.
            Assert.Equal(Enumerable.Range(16, 4).Select(b => b / 255f), batches[2].Images.data<float>().ToArray());
        }
        finally { batches.ForEach(b => b.Dispose()); }
    }

    [Fact]
    public void DropLast_DropsTheShortBatch()
    {
        var loader = new DataLoader(Tiny(5), new SequentialSampler(5), new Normalize(0, 1), new DataLoaderOptions { BatchSize = 2, DropLast = true });
        Assert.Equal(2, loader.BatchCount);
        Assert.Equal([[0, 1], [2, 0]], loader.GetBatchLabels(0));
    }

    [Fact]
    public void BatchLabels_MatchTheCollatedLabels()
    {
        var dataset = Tiny(50);
        var loader = new DataLoader(dataset, new RandomSampler(50, seed: 1), new Normalize(0, 1), new DataLoaderOptions { BatchSize = 8 });
        var fromTensors = new List<long[]>();
        foreach (var batch in loader.GetBatches(2)) using (batch) fromTensors.Add(batch.Labels.data<long>().ToArray());
        Assert.Equal(loader.GetBatchLabels(2).Select(b => b.Select(l => (long)l)), fromTensors);
    }

    [Fact]
    public void ZeroBatchSize_IsRejected()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DataLoader(Tiny(1), new SequentialSampler(1), new Normalize(0, 1), new DataLoaderOptions { BatchSize = 0 }));
        Assert.StartsWith("BatchSize must be at least 1, but got BatchSize=0", e.Message);
    }
}
