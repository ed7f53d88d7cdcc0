using Riffle.Data.Sampling;
using Riffle.Doctor;
using Riffle.Doctor.Audit;
using Riffle.Training;
using Xunit;

namespace Riffle.Tests.Doctor.Audit;

/// <summary>The audit on the embedded data as riffle train prepares it, and the library entry the trainer calls.</summary>
public class PreflightAuditTests
{
    private static readonly Lazy<TrainingData> Story = new(() => TrainingData.Prepare(new TrainOptions { Order = TrainingOrder.ByLabel, Shuffle = false }));
    private static readonly Lazy<TrainingData> Default = new(() => TrainingData.Prepare(new TrainOptions()));

    [Fact]
    public void Story_LabelSortedBatchesIsAnError_TopCauseUnshuffled()
    {
        var options = new TrainOptions { Order = TrainingOrder.ByLabel, Shuffle = false };

        AuditReport report = PreflightAudit.ForTraining(options, Story.Value);
        Diagnosis diagnosis = report.Diagnose();

        Finding sorted = diagnosis.Findings[0];
        Assert.Equal(AuditFindingIds.LabelSortedBatches, sorted.Id);
        Assert.Equal(Severity.Error, sorted.Severity);
        Assert.Equal("unshuffled-training-order", diagnosis.TopCause.Id);
        Assert.True(diagnosis.TopCause.Score >= 0.9, $"score {diagnosis.TopCause.Score}");
        Assert.Equal([AuditFindingIds.LabelSortedBatches, AuditFindingIds.EpochOrderRepeats], diagnosis.Findings.Select(f => f.Id));
        // 9,000 training images, 900 per class, sorted; batches of 128: about one class per batch, runs of 900.
        var n = sorted.Numbers!;
        Assert.InRange(n["meanClasses"], 1.0, 1.2);
        Assert.InRange(n["expectedClasses"], 9.99, 10.0);
        Assert.Equal(900, n["meanRunLength"]);
        Assert.True(n["mixing"] < 0.05, $"mixing {n["mixing"]}");
        Assert.Empty(report.NotRun);
    }

    [Fact]
    public void DefaultConfiguration_TwentySeeds_NoWarningOrError()
    {
        for (long seed = 0; seed < 20; seed++)
        {
            var options = new TrainOptions { Seed = seed };
            // As riffle train does it: the seed picks the validation split and the shuffling.
            AuditReport report = PreflightAudit.ForTraining(options, TrainingData.Prepare(options));
            Assert.False(report.HasProblems, $"seed {seed}: {report.Describe()}");
            Assert.Equal("healthy", report.Diagnose().TopCause.Id);
        }
    }

    [Fact]
    public void StoryShuffled_IsHealthy_OnTwoRanksToo()
    {
        var options = new TrainOptions { Order = TrainingOrder.ByLabel, Shuffle = true };
        foreach (int ranks in new[] { 1, 2, 4 })
            Assert.False(PreflightAudit.ForTraining(options, Story.Value, ranks).HasProblems);
    }

    [Fact]
    public void EmbeddedSplits_DoNotOverlap()
    {
        AuditReport report = PreflightAudit.ForTraining(new TrainOptions(), Default.Value);
        Assert.Equal(["train/val", "train/test", "val/test"], report.Measurements.Overlaps.Select(o => $"{o.First}/{o.Second}"));
        Assert.All(report.Measurements.Overlaps, o => Assert.Equal(0, o.Shared));
        Assert.True(report.Elapsed > TimeSpan.Zero);
    }

    [Fact]
    public void TestCopiedIntoTrain_OnRealImages_IsFound()
    {
        TrainingData data = Default.Value;
        // Train = the training split with the first 500 test images appended.
        var withTest = new Riffle.Data.Subset(new Concatenated(data.Train, data.Test), [.. Enumerable.Range(0, data.Train.Count + 500)]);
        var leaky = data with { Train = withTest };

        Finding f = PreflightAudit.ForTraining(new TrainOptions(), leaky).Find(AuditFindingIds.SplitLeakage)!;

        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(500, f.Numbers!["trainTestShared"]);
        Assert.StartsWith("500 test samples are byte-identical to training samples", f.Title);
    }

    [Fact]
    public void ForTraining_UsesTheTrainersSamplers()
    {
        var options = new TrainOptions { Shuffle = true, Seed = 5, BatchSize = 100, DropLast = true };
        var samplers = PreflightAudit.TrainingSamplers(options, 1000, 3);

        Assert.Equal(3, samplers.Count);
        for (int r = 0; r < 3; r++)
        {
            var expected = new BatchSampler(new DistributedSampler(1000, 3, r, shuffle: true, seed: 5, dropLast: true), 100, dropLast: true);
            Assert.Equal(expected.GetBatches(1).SelectMany(b => b), samplers[r].GetBatches(1).SelectMany(b => b));
            Assert.Equal(3, samplers[r].Length); // 333 per rank, 3 full batches of 100
        }
    }

    [Fact]
    public void ForTraining_RejectsBadWorldSize()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => PreflightAudit.ForTraining(new TrainOptions(), Default.Value, 0));
        Assert.StartsWith("worldSize must be at least 1, but got worldSize=0", e.Message);
    }

    [Fact]
    public void IndexOutsideTheTrainingSet_NamesRankEpochAndBatch()
    {
        var input = new AuditInput(AuditData.Labels([0, 1, 0, 1], 2), 1, (_, _) => [new ArraySegment<int>([0, 1]), new ArraySegment<int>([2, 9])]);
        var e = Assert.Throws<ArgumentException>(() => PreflightAudit.Run(input));
        Assert.StartsWith("rank 0, epoch 0, batch 1: index 9 is outside the training set [0, 3]", e.Message);
    }

    [Fact]
    public void EmptyTrainingSet_FindsNothing()
    {
        AuditReport report = PreflightAudit.Run(new AuditInput(AuditData.Labels([], 3), AuditData.Samplers(0, 2, true, 0, 8)));
        Assert.Empty(report.Findings);
        Assert.True(double.IsNaN(report.Measurements.BatchMixing));
    }

    [Fact]
    public void OneClass_CannotBeSorted()
    {
        AuditReport report = AuditData.Audit(AuditData.Labels(AuditData.Sorted(1000), 1), ranks: 1, shuffle: false, seed: 0, batchSize: 10);
        Assert.Null(report.Find(AuditFindingIds.LabelSortedBatches));
        Assert.Equal(AuditFindingIds.EpochOrderRepeats, Assert.Single(report.Findings).Id);
    }

    [Fact]
    public void Ids_AreStableKebabCase()
    {
        // Ids are API: this list changes only by adding.
        Assert.Equal(
            ["label-sorted-batches", "epoch-order-repeats", "rank-class-skew", "split-leakage", "class-imbalance", "val-split-from-sorted-tail"],
            AuditFindingIds.All);
        Assert.All(AuditFindingIds.All, id => Assert.Matches("^[a-z]+(-[a-z]+)*$", id));
        Assert.Empty(AuditFindingIds.All.Intersect(FindingIds.All));
    }

    [Fact]
    public void EveryAuditFinding_HasEvidenceForACause()
    {
        foreach (string id in AuditFindingIds.All)
            Assert.Contains(AuditEvidence.Weights, w => w.FindingId == id);
        Assert.All(AuditEvidence.Weights, w => Assert.Contains(w.CauseId, CauseIds.All));
        // The ranker keeps the metric checks' rows: a metrics finding still counts next to the audit's.
        Cause top = AuditEvidence.Ranker.Rank([new Finding(FindingIds.LossDiverging, Severity.Error, "t", "e", "f")])[0];
        Assert.Equal("learning-rate-too-high", top.Id);
    }

    /// <summary>Two image datasets one after the other (same shape and classes).</summary>
    private sealed class Concatenated(Riffle.Data.IImageDataset first, Riffle.Data.IImageDataset second) : Riffle.Data.IImageDataset
    {
        private readonly int[] _labels = [.. first.Labels.ToArray(), .. second.Labels.ToArray()];
        public int Count => _labels.Length;
        public IReadOnlyList<string> Classes => first.Classes;
        public ReadOnlySpan<int> Labels => _labels;
        public Riffle.Data.ImageShape Shape => first.Shape;
        public ReadOnlySpan<byte> GetPixels(int index) => index < first.Count ? first.GetPixels(index) : second.GetPixels(index - first.Count);
    }
}
