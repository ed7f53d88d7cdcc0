using FsCheck.Xunit;
using Riffle.Data.Sampling;
using Xunit;

namespace Riffle.Tests.Data.Sampling;

public class DistributedSamplerTests
{
    private static (int N, int W, long Seed, int Epoch) Shape(int n, int w, long seed, int epoch) =>
        ((int)((uint)n % 300) + 1, (int)((uint)w % 8) + 1, seed, (int)((uint)epoch % 50));

    private static DistributedSampler[] Ranks(int n, int w, bool shuffle, long seed, bool dropLast) =>
        Enumerable.Range(0, w).Select(r => new DistributedSampler(n, w, r, shuffle, seed, dropLast)).ToArray();

    [Fact]
    public void Unshuffled_MatchesPyTorch()
    {
        // torch.utils.data.DistributedSampler(range(10), num_replicas=3, rank=r, shuffle=False)
        var ranks = Ranks(10, 3, shuffle: false, seed: 0, dropLast: false);
        Assert.Equal([0, 3, 6, 9], ranks[0].GetIndices(0));
        Assert.Equal([1, 4, 7, 0], ranks[1].GetIndices(0));
        Assert.Equal([2, 5, 8, 1], ranks[2].GetIndices(0));

        var dropped = Ranks(10, 3, shuffle: false, seed: 0, dropLast: true);
        Assert.Equal([0, 3, 6], dropped[0].GetIndices(0));
        Assert.Equal([2, 5, 8], dropped[2].GetIndices(0));
    }

    [Fact]
    public void Padding_WrapsAsOftenAsNeeded()
    {
        // n=2, W=5: total 5, padded 0,1,0,1,0 (PyTorch repeats the list ceil(padding/n) times).
        var ranks = Ranks(2, 5, shuffle: false, seed: 0, dropLast: false);
        Assert.Equal([0, 1, 0, 1, 0], ranks.Select(r => r.GetIndices(0).Single()));
    }

    [Fact]
    public void RankOutOfRange_SaysRangeAndValue()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new DistributedSampler(10, 4, 4));
        Assert.StartsWith("rank must be in [0, 3], but got rank=4", e.Message);
    }

    [Property(MaxTest = 2000)]
    public void EveryIndexOncePerEpochAcrossRanks_UpToPadding(int n0, int w0, long seed0, int epoch0, bool dropLast)
    {
        var (n, w, seed, epoch) = Shape(n0, w0, seed0, epoch0);
        if (dropLast && n < w) return; // nothing to yield
        var ranks = Ranks(n, w, shuffle: true, seed, dropLast);
        int[] all = ranks.SelectMany(r => r.GetIndices(epoch)).ToArray();
        int total = ranks[0].TotalSize;
        Assert.Equal(total, all.Length);
        if (dropLast)
        {
            Assert.Equal(all.Length, all.Distinct().Count());       // nothing twice
            Assert.True(n - all.Length < w);                        // fewer than W dropped
        }
        else
        {
            Assert.Equal(Enumerable.Range(0, n), all.Distinct().Order()); // everything at least once
            Assert.True(all.Length - n < w);                              // fewer than W repeated
        }
    }

    [Property(MaxTest = 2000)]
    public void AllRanksHaveTheSameLength(int n0, int w0, long seed0, bool dropLast)
    {
        var (n, w, seed, _) = Shape(n0, w0, seed0, 0);
        var ranks = Ranks(n, w, shuffle: true, seed, dropLast);
        int expected = dropLast ? n / w : (n + w - 1) / w;
        Assert.All(ranks, r => Assert.Equal(expected, r.GetIndices(3).Length));
    }

    [Property(MaxTest = 1000)]
    public void DifferentEpochsGiveDifferentOrders(int n0, long seed, int epoch0)
    {
        var (n, _, _, epoch) = Shape(n0, 0, seed, epoch0);
        if (n <= 3) return;
        // For n >= 4 two independent permutations coincide with probability 1/n!; a few epochs rule out luck.
        var sampler = new DistributedSampler(n, 1, 0, shuffle: true, seed);
        int[] first = sampler.GetIndices(epoch);
        Assert.Contains(Enumerable.Range(1, 3), k => !sampler.GetIndices(epoch + k).SequenceEqual(first));
        if (n >= 8) Assert.False(sampler.GetIndices(epoch + 1).SequenceEqual(first));
    }

    [Property(MaxTest = 1000)]
    public void SameSeedAndEpochGiveTheSameOrder(int n0, int w0, long seed0, int epoch0)
    {
        var (n, w, seed, epoch) = Shape(n0, w0, seed0, epoch0);
        for (int r = 0; r < w; r++)
            Assert.Equal(new DistributedSampler(n, w, r, true, seed).GetIndices(epoch), new DistributedSampler(n, w, r, true, seed).GetIndices(epoch));
    }

    [Property(MaxTest = 2000)]
    public void UnionOfRanksKthBatches_IsBlockKOfTheGlobalOrder(int n0, int w0, long seed0, int epoch0, int batch0)
    {
        var (n, w, seed, epoch) = Shape(n0, w0, seed0, epoch0);
        int batch = (int)((uint)batch0 % 16) + 1;
        var ranks = Ranks(n, w, shuffle: true, seed, dropLast: false);
        int[] global = ranks[0].GlobalOrder(epoch);
        int[][] perRank = ranks.Select(r => r.GetIndices(epoch)).ToArray();
        int batches = (perRank[0].Length + batch - 1) / batch;
        for (int k = 0; k < batches; k++)
        {
            var union = perRank.SelectMany(p => p.Skip(k * batch).Take(batch)).Order();
            var block = global.Skip(k * batch * w).Take(batch * w).Order();
            Assert.Equal(block, union);
        }
    }

    [Fact]
    public void SequentialSampler_IsTheIdentity()
    {
        Assert.Equal([0, 1, 2, 3], new SequentialSampler(4).GetIndices(5));
    }

    [Fact]
    public void RandomSampler_IsFreshEachEpochAndReproducible()
    {
        var s = new RandomSampler(100, seed: 3);
        Assert.NotEqual(s.GetIndices(0), s.GetIndices(1));
        Assert.Equal(s.GetIndices(1), new RandomSampler(100, seed: 3).GetIndices(1));
        Assert.Equal(Enumerable.Range(0, 100), s.GetIndices(2).Order());
    }
}
