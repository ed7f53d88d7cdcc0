using Riffle.Data.Sampling;
using Riffle.Doctor;
using Riffle.Doctor.Audit;
using Xunit;

namespace Riffle.Tests.Doctor.Audit;

public class LabelSortedBatchesCheckTests
{
    private const string Id = AuditFindingIds.LabelSortedBatches;

    [Fact]
    public void SortedUnshuffled_IsAnError_WithTheNumbers()
    {
        var train = AuditData.Labels(AuditData.Sorted(500, 500, 500, 500), 4);

        AuditReport report = AuditData.Audit(train, ranks: 1, shuffle: false, seed: 1, batchSize: 64);

        Finding f = report.Find(Id)!;
        Assert.Equal(Severity.Error, f.Severity);
        Assert.StartsWith("Training batches are sorted by class: 1.09 classes per batch of 64 where a random order gives 4.00", f.Title);
        var n = f.Numbers!;
        Assert.Equal(64, n["batches"]); // 32 per epoch, 2 epochs
        Assert.Equal(1.09375, n["meanClasses"]); // 3 of 32 batches straddle a class boundary
        Assert.Equal(29 * 2, n["singleClassBatches"]);
        Assert.Equal(500, n["meanRunLength"]);
        Assert.Equal(500, n["longestRun"]);
        Assert.InRange(n["mixing"], 0, 0.1); // only the 3 boundary batches of 32 mix two classes
        Assert.True(n["expectedSingleClassBatches"] < 1e-6);
        Assert.Contains("58 of 64 batches hold a single class (random: 0.0)", f.Evidence);
    }

    [Fact]
    public void SortedShuffled_IsQuiet_AndMeasuresMixingNearOne()
    {
        var train = AuditData.Labels(AuditData.Sorted(500, 500, 500, 500), 4);

        AuditReport report = AuditData.Audit(train, ranks: 1, shuffle: true, seed: 1, batchSize: 64);

        Assert.Null(report.Find(Id));
        Assert.InRange(report.Measurements.BatchMixing, 0.95, 1.05);
        Assert.InRange(report.Measurements.OrderMixing, 0.95, 1.05);
        RankEpochOrder first = report.Measurements.Order[0];
        Assert.InRange(first.MeanClasses, first.ExpectedClasses - 0.1, first.ExpectedClasses + 0.1);
    }

    [Fact]
    public void SmallShuffleBufferOverSortedData_StaysSorted_AndIsCaught()
    {
        // A streaming shuffle with a buffer of 50 over blocks of 500: batches mix two classes at most.
        int[] labels = AuditData.Sorted(500, 500, 500, 500);
        var sampler = new BatchSampler(new ShuffleBuffer(new SequentialSampler(labels.Length), bufferSize: 50, seed: 3), 32, dropLast: false);

        AuditReport report = PreflightAudit.Run(new AuditInput(AuditData.Labels(labels, 4), [sampler]));

        Assert.Equal(Severity.Error, report.Find(Id)!.Severity);
        Assert.Null(report.Find(AuditFindingIds.EpochOrderRepeats)); // the buffer reshuffles each epoch
    }

    [Fact]
    public void LargeShuffleBuffer_IsQuiet()
    {
        int[] labels = AuditData.Shuffled([500, 500, 500, 500], seed: 5);
        var sampler = new BatchSampler(new ShuffleBuffer(new SequentialSampler(labels.Length), bufferSize: 1000, seed: 3), 32, dropLast: false);

        AuditReport report = PreflightAudit.Run(new AuditInput(AuditData.Labels(labels, 4), [sampler]));

        Assert.Empty(report.Findings);
    }

    [Fact]
    public void MostlySortedBatches_WithEveryClassPresent_AreCaught()
    {
        // 90% of each batch of 100 from one class, the rest spread over all ten: every batch holds all ten classes,
        // so counting classes sees nothing; the share of same-class pairs does.
        var labels = new List<int>();
        var batches = new List<ArraySegment<int>>();
        for (int b = 0; b < 100; b++)
        {
            int start = labels.Count;
            for (int i = 0; i < 100; i++) labels.Add(i < 90 ? b % 10 : i % 10);
            batches.Add(new ArraySegment<int>(Enumerable.Range(start, 100).ToArray()));
        }
        var input = new AuditInput(AuditData.Labels(labels.ToArray(), 10), 1, (_, _) => batches);

        AuditReport report = PreflightAudit.Run(input);

        Finding f = report.Find(Id)!;
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(10, f.Numbers!["meanClasses"]);
        Assert.InRange(f.Numbers["mixing"], 0.1, 0.3);
    }

    [Fact]
    public void BatchesSortedInside_ButMixedAcross_AreQuiet()
    {
        // Sorting labels inside each batch changes nothing SGD sees: the batch is averaged.
        int[] labels = AuditData.Shuffled([300, 300, 300, 300], seed: 9);
        var shuffled = AuditData.Samplers(labels.Length, 1, shuffle: true, seed: 2, batchSize: 50)[0];
        Func<int, int, IReadOnlyList<ArraySegment<int>>> sortedInside = (epoch, _) =>
            shuffled.GetBatches(epoch).Select(b => new ArraySegment<int>(b.OrderBy(i => labels[i]).ToArray())).ToArray();

        AuditReport report = PreflightAudit.Run(new AuditInput(AuditData.Labels(labels, 4), 1, sortedInside));

        Assert.Null(report.Find(Id));
        Assert.True(report.Measurements.OrderMixing < 0.2, "the runs do see the sorting");
    }

    [Fact]
    public void BatchesOfOne_SortedOrder_IsCaughtByTheRuns()
    {
        var train = AuditData.Labels(AuditData.Sorted(200, 200, 200), 3);

        AuditReport report = AuditData.Audit(train, ranks: 1, shuffle: false, seed: 0, batchSize: 1);

        Finding f = report.Find(Id)!;
        Assert.Equal(Severity.Error, f.Severity);
        Assert.StartsWith("Training samples come in runs of one class: 200.0 in a row on average", f.Title);
    }

    [Fact]
    public void SortedWithTwoRanks_EachRankStillSorted()
    {
        // DistributedSampler(shuffle=False) deals positions r, r+W, ...: each rank keeps the class-sorted order.
        var train = AuditData.Labels(AuditData.Sorted(400, 400, 400), 3);

        AuditReport report = AuditData.Audit(train, ranks: 2, shuffle: false, seed: 0, batchSize: 32);

        Assert.Equal(Severity.Error, report.Find(Id)!.Severity);
        Assert.Null(report.Find(AuditFindingIds.RankClassSkew)); // both ranks see every class
        Assert.Equal(4, report.Measurements.Order.Count);
    }

    [Fact]
    public void TinySortedData_CannotBeTold_AndIsQuiet()
    {
        // 12 labels of 3 classes, sorted: a random order gives this with probability 1/34650, far above 1e-9.
        AuditReport report = AuditData.Audit(AuditData.Labels(AuditData.Sorted(4, 4, 4), 3), ranks: 1, shuffle: false, seed: 0, batchSize: 4);
        Assert.Null(report.Find(Id));
    }
}
