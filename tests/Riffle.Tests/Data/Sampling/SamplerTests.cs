using FsCheck.Xunit;
using Riffle.Data.Sampling;
using Xunit;

namespace Riffle.Tests.Data.Sampling;

public class SamplerTests
{
    private static int Small(int x, int max) => (int)((uint)x % (uint)max) + 1;

    [Property(MaxTest = 1000)]
    public void RandomSampler_WithoutReplacement_IsAFreshPermutationEachEpoch(int n0, long seed, int epoch0)
    {
        int n = Small(n0, 200), epoch = Small(epoch0, 50);
        var s = new RandomSampler(n, seed);
        Assert.Equal(Enumerable.Range(0, n), s.GetIndices(epoch).Order());
        Assert.Equal(s.GetIndices(epoch), new RandomSampler(n, seed).GetIndices(epoch));
        if (n >= 8) Assert.NotEqual(s.GetIndices(epoch), s.GetIndices(epoch + 1));
    }

    [Property(MaxTest = 500)]
    public void RandomSampler_MoreSamplesThanItems_CyclesThroughWholePermutations(int n0, int k0, long seed)
    {
        int n = Small(n0, 30), k = Small(k0, 100);
        int[] drawn = new RandomSampler(n, seed, numSamples: k).GetIndices(0);
        Assert.Equal(k, drawn.Length);
        for (int start = 0; start < k; start += n)
        {
            int[] round = drawn.Skip(start).Take(n).ToArray();
            Assert.Equal(round.Length, round.Distinct().Count());
        }
    }

    [Property(MaxTest = 500)]
    public void RandomSampler_WithReplacement_StaysInRange(int n0, int k0, long seed)
    {
        int n = Small(n0, 50), k = Small(k0, 300);
        Assert.All(new RandomSampler(n, seed, replacement: true, numSamples: k).GetIndices(2), i => Assert.InRange(i, 0, n - 1));
    }

    [Property(MaxTest = 500)]
    public void SubsetRandomSampler_PermutesExactlyTheSubset(int[] subset, long seed)
    {
        var s = new SubsetRandomSampler(subset, seed);
        Assert.Equal(subset.Order(), s.GetIndices(4).Order());
    }

    [Fact]
    public void WeightedRandomSampler_FollowsTheWeights_AndNeverDrawsZeroWeight()
    {
        var s = new WeightedRandomSampler([1, 0, 3, 0], numSamples: 40_000, replacement: true, seed: 1);
        int[] draws = s.GetIndices(0);
        Assert.DoesNotContain(1, draws);
        Assert.DoesNotContain(3, draws);
        double share = draws.Count(i => i == 2) / 40_000.0;
        Assert.InRange(share, 0.73, 0.77);
    }

    [Property(MaxTest = 500)]
    public void WeightedRandomSampler_WithoutReplacement_DrawsDistinctPositiveIndices(byte[] raw, long seed)
    {
        double[] weights = raw.Select(b => (double)(b % 4)).Append(1).ToArray();
        int positive = weights.Count(w => w > 0);
        int[] draws = new WeightedRandomSampler(weights, positive, replacement: false, seed).GetIndices(1);
        Assert.Equal(positive, draws.Distinct().Count());
        Assert.All(draws, i => Assert.True(weights[i] > 0));
    }

    [Fact]
    public void WeightedRandomSampler_RejectsBadWeights()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new WeightedRandomSampler([1, -2], 1));
        Assert.StartsWith("weights must be finite and non-negative, but got weights[1]=-2", e.Message);
    }

    [Property(MaxTest = 1000)]
    public void BatchSampler_BatchesConcatenateToTheSamplersOrder(int n0, int b0, long seed, bool dropLast)
    {
        int n = Small(n0, 300) - 1, batch = Small(b0, 40);
        var sampler = new RandomSampler(n, seed);
        var batches = new BatchSampler(sampler, batch, dropLast).GetBatches(3);
        int[] order = sampler.GetIndices(3);
        int expectedCount = dropLast ? n / batch : (n + batch - 1) / batch;
        Assert.Equal(expectedCount, batches.Count);
        Assert.All(batches.Take(Math.Max(0, batches.Count - 1)), b => Assert.Equal(batch, b.Count));
        Assert.Equal(order.Take(dropLast ? n / batch * batch : n), batches.SelectMany(b => b));
    }

    [Property(MaxTest = 1000)]
    public void ShuffleBuffer_IsAPermutation_WhereNothingMovesMoreThanTheBufferEarlier(int n0, int k0, long seed, int epoch0)
    {
        int n = Small(n0, 300), k = Small(k0, 20), epoch = Small(epoch0, 10);
        int[] output = new ShuffleBuffer(new SequentialSampler(n), k, seed).GetIndices(epoch);
        Assert.Equal(Enumerable.Range(0, n), output.Order());
        for (int position = 0; position < n; position++)
            Assert.True(output[position] <= position + k - 1, $"index {output[position]} emitted at {position} with buffer {k}");
    }

    [Fact]
    public void ShuffleBuffer_OfOne_KeepsTheOrder_AndALargeOneShufflesFreshEachEpoch()
    {
        Assert.Equal(Enumerable.Range(0, 50), new ShuffleBuffer(new SequentialSampler(50), 1, 3).GetIndices(0));
        var big = new ShuffleBuffer(new SequentialSampler(50), 50, 3);
        Assert.NotEqual(big.GetIndices(0), big.GetIndices(1));
    }
}
