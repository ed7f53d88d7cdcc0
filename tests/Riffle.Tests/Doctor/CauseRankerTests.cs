using Riffle.Doctor;
using Xunit;

namespace Riffle.Tests.Doctor;

public class CauseRankerTests
{
    private static Finding F(string id, Severity severity = Severity.Error) => new(id, severity, "title", "evidence", "fix");

    [Fact]
    public void Story_TopCauseIsUnshuffledTrainingOrder()
    {
        Diagnosis diagnosis = LogDoctor.Diagnose(Histories.Story());

        Assert.Equal("unshuffled-training-order", diagnosis.TopCause.Id);
        Assert.Equal(["val-at-class-prior", "train-acc-falling", "train-val-gap", "no-learning"], diagnosis.TopCause.Findings.Select(f => f.Id));
        Assert.True(diagnosis.Causes[0].Score > diagnosis.Causes[1].Score + 0.1, "the story's cause wins clearly");
        Assert.Contains(diagnosis.Findings, f => f.Id == "val-equals-test");
    }

    [Fact]
    public void Story_WithTenClasses_SameTopCause()
        => Assert.Equal("unshuffled-training-order", LogDoctor.Diagnose(Histories.Story(classes: 10)).TopCause.Id);

    [Fact]
    public void OneFinding_ScoresItsWeightTimesTheSeverityFactor()
    {
        IReadOnlyList<Cause> causes = CauseRanker.Default.Rank([F("loss-diverging", Severity.Warning)]);
        Cause top = causes[0];
        Assert.Equal("learning-rate-too-high", top.Id);
        Assert.Equal(0.56, top.Score); // 0.7 * 0.8
    }

    [Fact]
    public void Evidence_CombinesAsNoisyOr()
    {
        // loss-nonfinite 0.6 and loss-diverging 0.7 for the learning rate: 1 - 0.4 * 0.3 = 0.88.
        Cause top = CauseRanker.Default.Rank([F("loss-nonfinite"), F("loss-diverging")])[0];
        Assert.Equal(0.88, top.Score);
        Assert.Equal(["loss-diverging", "loss-nonfinite"], top.Findings.Select(f => f.Id)); // strongest first
    }

    [Fact]
    public void NoWarningOrError_IsHealthyAlone()
    {
        Cause only = Assert.Single(CauseRanker.Default.Rank([]));
        Assert.Equal(new Cause("healthy", 1.0, []).Id, only.Id);
        Assert.Equal(1.0, only.Score);
    }

    [Fact]
    public void InfoFindings_KeepHealthyFirst()
    {
        IReadOnlyList<Cause> causes = CauseRanker.Default.Rank([F("overfitting", Severity.Info)]);
        Assert.Equal(["healthy", "overfitting", "label-noise"], causes.Select(c => c.Id));
        Assert.Equal(0.79, causes[0].Score); // 1 - 0.7 * 0.3
    }

    [Fact]
    public void UnknownFinding_ChangesNothing_AndNewRowsExtendTheTable()
    {
        Finding sorted = F("label-sorted-batches");
        Assert.Equal(["healthy"], CauseRanker.Default.Rank([sorted with { Severity = Severity.Info }]).Select(c => c.Id));

        var ranker = new CauseRanker([.. CauseRanker.DefaultWeights, new EvidenceWeight("label-sorted-batches", CauseIds.UnshuffledTrainingOrder, 0.95, "the audit saw it")]);
        Assert.Equal(0.95, ranker.Rank([sorted])[0].Score);
    }

    [Fact]
    public void TheTable_UsesOnlyKnownIdsAndWeightsInRange()
    {
        Assert.All(CauseRanker.DefaultWeights, w =>
        {
            Assert.Contains(w.FindingId, FindingIds.All);
            Assert.Contains(w.CauseId, CauseIds.All);
            Assert.InRange(w.Weight, 0, 1);
            Assert.False(string.IsNullOrWhiteSpace(w.Why));
        });
        Assert.All(FindingIds.All, id => Assert.Contains(CauseRanker.DefaultWeights, w => w.FindingId == id));
    }

    [Fact]
    public void WeightOutOfRange_Throws()
    {
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => new EvidenceWeight("a", "b", 1.5, "why"));
        Assert.StartsWith("weight must be in [-1, 1], but got weight=1.5", e.Message);
        Assert.Throws<ArgumentOutOfRangeException>(() => new EvidenceWeight("a", "b", -1.5, "why"));
    }

    [Fact]
    public void Ids_AreStableKebabCase()
    {
        Assert.All(FindingIds.All.Concat(CauseIds.All).Concat(LogDoctor.NeedsMoreData.Select(n => n.Check)),
            id => Assert.Matches("^[a-z]+(-[a-z]+)*$", id));
        Assert.Equal(
            ["val-at-class-prior", "train-val-gap", "train-acc-falling", "val-equals-test", "loss-nonfinite", "loss-diverging", "no-learning", "overfitting"],
            MetricChecks.All.Select(c => c.Id));
        Assert.Equal(
            ["unshuffled-training-order", "eval-pipeline-mismatch", "learning-rate-too-high", "overfitting", "data-leakage", "label-noise", "class-imbalance", "healthy"],
            CauseIds.All);
        Assert.All(CauseIds.All, id => Assert.False(string.IsNullOrEmpty(CauseIds.Describe(id))));
    }
}
