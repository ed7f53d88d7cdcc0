using FsCheck.Xunit;
using Riffle.Data.Sampling;
using Riffle.Doctor;
using Riffle.Doctor.Monitor;
using Riffle.Training;
using Xunit;

namespace Riffle.Tests.Doctor.Monitor;

public class MonitorChecksTests
{
    private static readonly string[] Classes = Enumerable.Range(0, 10).Select(c => $"c{c}").ToArray();

    [Fact]
    public void PredictionCollapse_FiresAt90PercentInOneClass()
    {
        long[] collapsed = [5, 0, 0, 0, 0, 0, 0, 0, 0, 95];
        var f = PredictionCollapseCheck.Run(collapsed, Classes, epoch: 2);
        Assert.NotNull(f);
        Assert.Equal((MonitorFindingIds.PredictionCollapse, Severity.Error, 2), (f.Id, f.Severity, f.Epoch));
        Assert.Contains("95 of 100 validation predictions are class 9", f.Evidence);
        Assert.Null(PredictionCollapseCheck.Run([11, 9, 10, 10, 10, 10, 10, 10, 10, 10], Classes, 2));
        Assert.Null(PredictionCollapseCheck.Run([0, 0, 0], Classes, 2)); // nothing predicted
    }

    /// <summary>Steps of an unshuffled, class-sorted epoch: each class block starts wrong and ends right.</summary>
    private static (int[] Correct, int[] Size) ClassBlocks(int blocks, int stepsPerBlock, int batch)
    {
        var correct = new List<int>();
        for (int b = 0; b < blocks; b++)
            for (int s = 0; s < stepsPerBlock; s++) correct.Add(s < stepsPerBlock / 3 ? 0 : batch);
        return (correct.ToArray(), Enumerable.Repeat(batch, correct.Count).ToArray());
    }

    [Fact]
    public void PeriodicMetrics_SeesClassBlocks()
    {
        var (correct, size) = ClassBlocks(blocks: 10, stepsPerBlock: 7, batch: 128);
        var f = PeriodicMetricsCheck.Run(correct, size, epoch: 1, out string? notRun);
        Assert.Null(notRun);
        Assert.NotNull(f);
        Assert.True(f.Numbers!["cycles"] >= 9, f.Evidence);
    }

    [Property(MaxTest = 300)]
    public void PeriodicMetrics_IsQuietOnAShuffledEpoch(ulong seed, byte startPercent)
    {
        // Accuracy rising smoothly from `start` toward 0.9, each step a binomial draw of a batch of 64.
        var rng = new SplitMix64(seed);
        double start = startPercent % 80 / 100.0;
        int steps = 140;
        var correct = new int[steps];
        for (int s = 0; s < steps; s++)
        {
            double p = 0.9 - (0.9 - start) * Math.Exp(-s / 30.0);
            for (int k = 0; k < 64; k++) if (rng.NextDouble() < p) correct[s]++;
        }
        Assert.Null(PeriodicMetricsCheck.Run(correct, Enumerable.Repeat(64, steps).ToArray(), 1, out _));
    }

    [Fact]
    public void PeriodicMetrics_SaysWhyItCannotRunOnTinyEpochs()
    {
        Assert.Null(PeriodicMetricsCheck.Run([1, 2, 3], [4, 4, 4], 1, out string? notRun));
        Assert.Contains("too few", notRun);
    }

    private static EpochMetrics Row(int epoch, double trainLoss, double trainAcc, double valLoss, double valAcc) =>
        new(epoch, 1, trainLoss, trainAcc, valLoss, valAcc, valLoss, valAcc, 0.01);

    [Fact]
    public void ValAboveTrain_NeedsAPersistentMargin()
    {
        var noisy = Enumerable.Range(1, 6).Select(e => Row(e, 1.6, 0.55 + 0.01 * e, 0.6, 0.78 + 0.005 * e)).ToList();
        Assert.Equal(ValAboveTrainCheck.Id, ValAboveTrainCheck.Run(noisy)?.Id);
        // A clean run: the running train accuracy trails only in the first epochs.
        var clean = new[] { Row(1, 0.9, 0.68, 0.6, 0.79), Row(2, 0.55, 0.80, 0.54, 0.815), Row(3, 0.47, 0.83, 0.48, 0.83), Row(4, 0.43, 0.845, 0.46, 0.84) };
        Assert.Null(ValAboveTrainCheck.Run(clean));
    }

    [Fact]
    public void ValLossBlowup_FiresOnlyWhenTheMultipleIsThereFromEpochOne()
    {
        var unnormalised = new[] { Row(1, 0.99, 0.65, 64.4, 0.60), Row(2, 0.55, 0.80, 55.6, 0.66) };
        Assert.Equal(ValLossBlowupCheck.Id, ValLossBlowupCheck.Run(unnormalised)?.Id);
        // Overfitting: the losses start together and part later.
        var overfit = new[] { Row(1, 2.0, 0.3, 1.9, 0.4), Row(2, 1.2, 0.6, 1.4, 0.55), Row(3, 0.05, 1.0, 1.8, 0.6) };
        Assert.Null(ValLossBlowupCheck.Run(overfit));
    }

    [Fact]
    public void CounterEvidence_ScalesACauseDown()
    {
        var gap = new Finding(FindingIds.TrainValGap, Severity.Error, "gap", "numbers", "fix");
        var random = new Finding(MonitorFindingIds.LoaderOrderRandom, Severity.Info, "random", "numbers", "fix");
        var ranker = new CauseRanker([.. CauseRanker.DefaultWeights, .. MonitorEvidence.Weights]);

        var without = ranker.Rank([gap]);
        var with = ranker.Rank([gap, random]);

        Assert.Equal(CauseIds.UnshuffledTrainingOrder, without[0].Id);
        Assert.Equal(CauseIds.EvalPipelineMismatch, with[0].Id);
        Assert.Equal(0.08, with.Single(c => c.Id == CauseIds.UnshuffledTrainingOrder).Score, 2);
    }

    [Fact]
    public void LiveMonitor_ReportsAFindingOnce_AndAgainOnlyWhenItGetsWorse()
    {
        var monitor = new LiveMonitor(Classes, Enumerable.Repeat(0.1, 10).ToArray());
        var detail = new EpochDetail([], [], new Evaluation(1, 0.1, 100, [10, 10, 10, 10, 10, 10, 10, 10, 10, 10]), new Evaluation(1, 0.1, 100, new long[10]));
        var story = new[] { Row(1, 0.0053, 0.8645, 0.0412, 0.1443), Row(2, 0.0084, 0.7311, 0.0272, 0.1443), Row(3, 0.0095, 0.6777, 0.0267, 0.1443) };

        var first = monitor.Observe(story[0], detail);
        var second = monitor.Observe(story[1], detail);
        var third = monitor.Observe(story[2], detail);

        Assert.Contains(first, f => f.Id == FindingIds.TrainValGap);
        Assert.DoesNotContain(second.Concat(third), f => f.Id == FindingIds.TrainValGap);
        Assert.Contains(third.Concat(second), f => f.Id == FindingIds.TrainAccFalling);
        Assert.Contains(monitor.Findings, f => f.Id == FindingIds.ValEqualsTest);
        Assert.True(monitor.Elapsed > TimeSpan.Zero);
    }
}
