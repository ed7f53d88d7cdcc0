using Riffle.Doctor;
using Riffle.Doctor.Audit;
using Xunit;

namespace Riffle.Tests.Doctor.Audit;

/// <summary>epoch-order-repeats and rank-class-skew.</summary>
public class OrderChecksTests
{
    [Fact]
    public void Unshuffled_RepeatsItsOrder_AsAWarning()
    {
        // Well mixed, but the same order every epoch: not sorted, still repeated.
        var train = AuditData.Labels(AuditData.Shuffled([300, 300, 300], seed: 4), 3);

        AuditReport report = AuditData.Audit(train, ranks: 1, shuffle: false, seed: 0, batchSize: 32);

        Finding f = Assert.Single(report.Findings);
        Assert.Equal(AuditFindingIds.EpochOrderRepeats, f.Id);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("Epoch 2 repeats epoch 1's order exactly", f.Title);
        Assert.StartsWith("900 of 900 positions of epoch 2 hold the same sample as in epoch 1", f.Evidence);
        Assert.Equal(2, f.Epoch);
        Assert.Equal(1.0, report.Measurements.EpochRepeatShare[0]);
    }

    [Fact]
    public void Shuffled_DrawsAFreshOrder()
    {
        var train = AuditData.Labels(AuditData.Shuffled([300, 300, 300], seed: 4), 3);

        AuditReport report = AuditData.Audit(train, ranks: 2, shuffle: true, seed: 0, batchSize: 32);

        Assert.Empty(report.Findings);
        Assert.All(report.Measurements.EpochRepeatShare, share => Assert.True(share < 0.05, $"{share}"));
    }

    [Fact]
    public void ForgottenSetEpoch_OnEveryRank()
    {
        // PyTorch's DistributedSampler without set_epoch: the epoch-0 permutation every epoch.
        var train = AuditData.Labels(AuditData.Shuffled([300, 300, 300], seed: 4), 3);
        var samplers = AuditData.Samplers(train.Count, 3, shuffle: true, seed: 8, batchSize: 16);
        var input = new AuditInput(train, 3, (_, rank) => samplers[rank].GetBatches(0)) { Epochs = 3 };

        Finding f = PreflightAudit.Run(input).Find(AuditFindingIds.EpochOrderRepeats)!;

        Assert.Equal("Epoch 2 repeats epoch 1's order exactly on all 3 ranks", f.Title);
    }

    [Fact]
    public void OneEpoch_CannotCompare()
    {
        var train = AuditData.Labels(AuditData.Sorted(10, 10), 2);
        var input = new AuditInput(train, AuditData.Samplers(train.Count, 1, false, 0, 4)) { Epochs = 1 };

        AuditReport report = PreflightAudit.Run(input);

        Assert.Contains(report.NotRun, n => n.Check == AuditFindingIds.EpochOrderRepeats);
        Assert.True(double.IsNaN(report.Measurements.EpochRepeatShare[0]));
    }

    [Fact]
    public void TinyDataset_RepeatingByChance_IsNotReported()
    {
        // 8 samples: a reshuffle can land on the same order by luck, so fewer than 13 repeats never count.
        var train = AuditData.Labels(AuditData.Shuffled([4, 4], seed: 1), 2);
        Assert.Null(AuditData.Audit(train, ranks: 1, shuffle: false, seed: 0, batchSize: 2).Find(AuditFindingIds.EpochOrderRepeats));
    }

    /// <summary>Rank r gets the r-th contiguous slice of the data, shuffled within the slice each epoch.</summary>
    private static AuditInput ContiguousShards(int[] labels, int classes, int ranks, int batchSize)
    {
        int per = labels.Length / ranks;
        return new AuditInput(AuditData.Labels(labels, classes), ranks, (epoch, rank) =>
        {
            int[] shard = Enumerable.Range(rank * per, per).ToArray();
            Riffle.Data.Sampling.Permutation.Shuffle<int>(shard, Riffle.Data.Sampling.SplitMix64.Mix(epoch, rank));
            return shard.Chunk(batchSize).Select(b => new ArraySegment<int>(b)).ToArray();
        });
    }

    [Fact]
    public void ContiguousShardsOfSortedData_SkewTheRanks()
    {
        AuditReport report = PreflightAudit.Run(ContiguousShards(AuditData.Sorted(250, 250, 250, 250, 250, 250, 250, 250, 250, 250), 10, ranks: 2, batchSize: 32));

        Finding f = report.Find(AuditFindingIds.RankClassSkew)!;
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal("Rank 0 trains on 5 of 10 classes", f.Title);
        Assert.Contains("missing: c5, c6, c7, c8 and 1 more", f.Evidence);
        Assert.Contains("total-variation distance 0.50", f.Evidence);
        Assert.Contains("classes per rank in epoch 1: rank 0 5, rank 1 5", f.Evidence);
        Assert.Equal(0.5, f.Numbers!["classDistance"]);
        // Within its shard each rank is shuffled: five classes per rank, mixed as a random order of them would be.
        Assert.Null(report.Find(AuditFindingIds.LabelSortedBatches));
    }

    [Fact]
    public void ContiguousShardsOfShuffledData_AreFine()
    {
        AuditReport report = PreflightAudit.Run(ContiguousShards(AuditData.Shuffled([250, 250, 250, 250, 250, 250, 250, 250, 250, 250], seed: 3), 10, ranks: 2, batchSize: 32));
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void OneRankSamplingAFewClasses_IsReportedToo()
    {
        // A SubsetRandomSampler over the first half of a sorted dataset: the epoch never sees half the classes.
        int[] labels = AuditData.Sorted(300, 300, 300, 300);
        var sampler = new Riffle.Data.Sampling.BatchSampler(new Riffle.Data.Sampling.SubsetRandomSampler(Enumerable.Range(0, 600).ToArray(), seed: 1), 30, false);

        Finding f = PreflightAudit.Run(new AuditInput(AuditData.Labels(labels, 4), [sampler])).Find(AuditFindingIds.RankClassSkew)!;

        Assert.Equal("The sampler's epoch covers 2 of 4 classes", f.Title);
    }
}
