using Riffle.Data;
using Riffle.Doctor;
using Riffle.Doctor.Audit;
using Xunit;

namespace Riffle.Tests.Doctor.Audit;

/// <summary>split-leakage, class-imbalance and val-split-from-sorted-tail.</summary>
public class SplitChecksTests
{
    private static AuditReport Audit(ILabeledDataset train, ILabeledDataset? val, ILabeledDataset? test) =>
        PreflightAudit.Run(new AuditInput(train, AuditData.Samplers(train.Count, 1, shuffle: true, seed: 1, batchSize: 16)) { Val = val, Test = test });

    /// <summary>A dataset made of some samples of <paramref name="source"/> followed by all of <paramref name="rest"/>.</summary>
    private static InMemoryImageDataset Concat(IImageDataset source, int[] take, IImageDataset rest)
    {
        int size = source.Shape.Size;
        var pixels = new List<byte>();
        var labels = new List<int>();
        foreach (int i in take) { pixels.AddRange(source.GetPixels(i).ToArray()); labels.Add(source.Labels[i]); }
        for (int i = 0; i < rest.Count; i++) { pixels.AddRange(rest.GetPixels(i).ToArray()); labels.Add(rest.Labels[i]); }
        return new InMemoryImageDataset(pixels.ToArray(), labels.ToArray(), source.Shape, source.Classes);
    }

    [Fact]
    public void CleanSplits_NoLeakage()
    {
        int[] counts = [100, 100, 100];
        AuditReport report = Audit(
            AuditData.Images(AuditData.Shuffled(counts, 1), 3, salt: 1),
            AuditData.Images(AuditData.Shuffled([10, 10, 10], 2), 3, salt: 2),
            AuditData.Images(AuditData.Shuffled([20, 20, 20], 3), 3, salt: 3));

        Assert.Empty(report.Findings);
        Assert.Empty(report.NotRun);
        Assert.Equal(3, report.Measurements.Overlaps.Count);
        Assert.All(report.Measurements.Overlaps, o => Assert.Equal(0, o.Shared));
    }

    [Fact]
    public void TestCopiedIntoTrain_IsAnError_NamingCountsAndExamples()
    {
        var test = AuditData.Images(AuditData.Shuffled([20, 20, 20], 3), 3, salt: 3);
        var ownTrain = AuditData.Images(AuditData.Shuffled([100, 100, 100], 1), 3, salt: 1);
        var train = Concat(test, [5, 6, 7, 8, 9, 10], ownTrain); // six test images at train positions 0-5

        AuditReport report = Audit(train, AuditData.Images(AuditData.Shuffled([10, 10, 10], 2), 3, salt: 2), test);

        Finding f = report.Find(AuditFindingIds.SplitLeakage)!;
        Assert.Equal(Severity.Error, f.Severity); // 6 of 60 test samples: 10%
        Assert.Equal("6 test samples are byte-identical to training samples", f.Title);
        Assert.Contains("train/test: 6 of 60 test samples (10%), e.g. test #5 = train #0, test #6 = train #1, test #7 = train #2", f.Evidence);
        Assert.Contains("train/val: 0 of 30 validation samples (0%)", f.Evidence);
        Assert.Equal(6, f.Numbers!["trainTestShared"]);
        Assert.Equal(0, f.Numbers["trainValShared"]);
        Assert.Equal("data-leakage", report.Diagnose().TopCause.Id);
    }

    [Fact]
    public void ValEqualsTest_IsLeakageBetweenThem()
    {
        var val = AuditData.Images(AuditData.Shuffled([10, 10, 10], 2), 3, salt: 2);
        AuditReport report = Audit(AuditData.Images(AuditData.Shuffled([100, 100, 100], 1), 3, salt: 1), val, val);

        Finding f = report.Find(AuditFindingIds.SplitLeakage)!;
        Assert.Equal("30 test samples are byte-identical to validation samples", f.Title);
        Assert.Equal(30, f.Numbers!["valTestShared"]);
    }

    [Fact]
    public void OneCopyInTenThousand_IsInfo()
    {
        var test = AuditData.Images(AuditData.Shuffled([5000, 5000], 3), 2, salt: 3);
        var train = Concat(test, [17], AuditData.Images(AuditData.Shuffled([500, 500], 1), 2, salt: 1));

        Finding f = Audit(train, null, test).Find(AuditFindingIds.SplitLeakage)!;

        Assert.Equal(Severity.Info, f.Severity);
        Assert.Contains("(0.01%)", f.Evidence);
    }

    [Fact]
    public void CopyWithAnotherLabel_IsCounted()
    {
        var test = AuditData.Images([0, 1, 2], 3, salt: 3);
        var relabelled = new InMemoryImageDataset(test.GetPixels(0).ToArray(), [2], test.Shape, test.Classes);
        var train = Concat(relabelled, [0], AuditData.Images(AuditData.Shuffled([100, 100, 100], 1), 3, salt: 1));

        Finding f = Audit(train, null, test).Find(AuditFindingIds.SplitLeakage)!;

        Assert.Contains("1 with another label", f.Evidence);
    }

    [Fact]
    public void NoHeldOutSplits_LeakageAndValNotRun()
    {
        AuditReport report = Audit(AuditData.Images(AuditData.Shuffled([100, 100], 1), 2, salt: 1), null, null);

        Assert.Equal([AuditFindingIds.SplitLeakage, AuditFindingIds.ValSplitFromSortedTail], report.NotRun.Select(n => n.Check));
        Assert.Contains("none was given", report.NotRun[0].Reason);
    }

    [Fact]
    public void LabelsOnly_CannotHash()
    {
        AuditReport report = Audit(AuditData.Labels(AuditData.Shuffled([100, 100], 1), 2), AuditData.Labels(AuditData.Shuffled([10, 10], 2), 2), null);

        CheckNotRun n = Assert.Single(report.NotRun);
        Assert.Equal(AuditFindingIds.SplitLeakage, n.Check);
        Assert.Equal("needs the pixels of at least two splits to hash; train and val have labels only", n.Reason);
    }

    [Fact]
    public void TestWithLabelsOnly_ComparesTheOthers_AndSaysSo()
    {
        AuditReport report = Audit(
            AuditData.Images(AuditData.Shuffled([100, 100], 1), 2, salt: 1),
            AuditData.Images(AuditData.Shuffled([10, 10], 2), 2, salt: 2),
            AuditData.Labels(AuditData.Shuffled([10, 10], 3), 2));

        Assert.Equal("compared train, val only: test has labels only, no pixels to hash", Assert.Single(report.NotRun).Reason);
        Assert.Single(report.Measurements.Overlaps);
    }

    [Fact]
    public void HashingASortedSubset_InSourceOrder_GivesEachPositionItsOwnHash()
    {
        var source = AuditData.Images(AuditData.Shuffled([50, 50, 50], 4), 3, salt: 1);
        int[] sorted = Splits.OrderByLabel(source.Labels);
        var subset = new Subset(source, sorted);

        ulong[] hashes = SplitLeakageCheck.Hash(subset);

        Assert.Equal(sorted.Select(i => ContentHash.Of(source.GetPixels(i))), hashes);
        // A subset that repeats a sample is hashed in its own order, with the same result.
        var repeated = new Subset(source, [3, 1, 3]);
        Assert.Equal([.. new[] { 3, 1, 3 }.Select(i => ContentHash.Of(source.GetPixels(i)))], SplitLeakageCheck.Hash(repeated));
    }

    [Theory]
    [InlineData(new[] { 100, 100, 100 }, null)]
    [InlineData(new[] { 100, 130, 100 }, null)]
    [InlineData(new[] { 200, 100, 100 }, Severity.Info)]
    [InlineData(new[] { 1000, 100, 50 }, Severity.Warning)]
    [InlineData(new[] { 100, 0, 100 }, Severity.Warning)]
    public void ClassImbalance_BySize(int[] counts, Severity? expected)
    {
        Finding? f = Audit(AuditData.Labels(AuditData.Shuffled(counts, 1), 3), null, null).Find(AuditFindingIds.ClassImbalance);
        Assert.Equal(expected, f?.Severity);
    }

    [Fact]
    public void ClassImbalance_SaysTheRatio()
    {
        Finding f = Audit(AuditData.Labels(AuditData.Shuffled([1000, 100, 50], 1), 3), null, null).Find(AuditFindingIds.ClassImbalance)!;

        Assert.Equal("The largest training class has 20.0 times as many samples as the smallest", f.Title);
        Assert.Contains("largest class 'c0' 1,000 samples (87%), smallest 'c2' 50 (4.3%): ratio 20.0", f.Evidence);
        Assert.Equal(20, f.Numbers!["ratio"]);
    }

    [Fact]
    public void ValFromTheTailOfSortedData_IsAnError()
    {
        // The last 10% of ten sorted classes of 100: validation is all class 9, training has none of it.
        int[] all = AuditData.Sorted(Enumerable.Repeat(100, 10).ToArray());
        var train = AuditData.Labels(all[..900], 10);
        var val = AuditData.Labels(all[900..], 10);

        AuditReport report = Audit(train, val, null);

        Finding f = report.Find(AuditFindingIds.ValSplitFromSortedTail)!;
        Assert.Equal(Severity.Error, f.Severity);
        Assert.StartsWith("The validation split holds classes the training set lacks (c9)", f.Title);
        Assert.Contains("validation holds 100 samples in 1 of 10 classes (c9 100%)", f.Evidence);
        Assert.Contains("total-variation distance 1.00", f.Evidence);
        Assert.Contains("9 training classes missing from validation", f.Evidence);
        Assert.Equal(1.0, report.Measurements.ValClassDistance);
        Assert.Equal("eval-pipeline-mismatch", report.Diagnose().TopCause.Id);
    }

    [Fact]
    public void ValFromAPartialTail_FarButSharingClasses_IsAnError()
    {
        // 15% tail: half of class 8 and all of class 9 in validation; training keeps half of class 8.
        int[] all = AuditData.Sorted(Enumerable.Repeat(100, 10).ToArray());
        AuditReport report = Audit(AuditData.Labels(all[..850], 10), AuditData.Labels(all[850..], 10), null);
        Assert.Equal(Severity.Error, report.Find(AuditFindingIds.ValSplitFromSortedTail)!.Severity);
    }

    [Fact]
    public void StratifiedOrRandomVal_IsQuiet()
    {
        int[] all = AuditData.Shuffled(Enumerable.Repeat(100, 10).ToArray(), seed: 7);
        AuditReport report = Audit(AuditData.Labels(all[..900], 10), AuditData.Labels(all[900..], 10), null);
        Assert.Null(report.Find(AuditFindingIds.ValSplitFromSortedTail));
        Assert.True(report.Measurements.ValClassDistance < 0.2);
    }

    [Fact]
    public void TinyVal_MissingClassesByChance_IsQuiet()
    {
        // Five validation samples cannot cover ten classes; nothing a random split would not do.
        int[] all = AuditData.Shuffled(Enumerable.Repeat(50, 10).ToArray(), seed: 7);
        Assert.Null(Audit(AuditData.Labels(all[..495], 10), AuditData.Labels(all[495..], 10), null).Find(AuditFindingIds.ValSplitFromSortedTail));
    }
}
