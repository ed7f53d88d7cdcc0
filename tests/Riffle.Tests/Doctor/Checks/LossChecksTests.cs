using Riffle.Doctor;
using Riffle.Doctor.Checks;
using Xunit;

namespace Riffle.Tests.Doctor.Checks;

/// <summary>loss-nonfinite, loss-diverging and no-learning: the checks that read the losses.</summary>
public class LossChecksTests
{
    [Fact]
    public void NaNTrainLoss_IsAnErrorAtItsFirstEpoch()
    {
        Finding f = new LossNonFiniteCheck().Run(Histories.Of(trainLoss: [2.1, 1.5, double.NaN, double.NaN], valLoss: [2.0, 1.6, 1.7, double.PositiveInfinity])).Finding!;
        Assert.Equal("loss-nonfinite", f.Id);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(3, f.Epoch);
        Assert.Contains("Train Loss is NaN from epoch 3 (2 of 4 epochs)", f.Evidence);
        Assert.Contains("Val Loss is +inf from epoch 4", f.Evidence);
    }

    [Fact]
    public void FiniteLosses_AreClean_NoLossColumn_CannotRun()
    {
        Assert.Equal(CheckResult.Clean, new LossNonFiniteCheck().Run(Histories.Story()));
        Assert.False(new LossNonFiniteCheck().Run(Histories.Of(trainAcc: [0.5])).Ran);
    }

    [Fact]
    public void LossFourTimesItsBest_IsDiverging()
    {
        Finding f = new LossDivergingCheck().Run(Histories.Of(trainLoss: [2.3, 1.2, 0.9, 1.5, 4.0, 11.0])).Finding!;
        Assert.Equal("loss-diverging", f.Id);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(6, f.Epoch);
        Assert.Equal(3, f.Numbers!["bestEpoch"]);
        Assert.Contains("12.2 times its best 0.9000 (epoch 3)", f.Evidence);
    }

    [Fact]
    public void Story_DoesNotDiverge_ItsLossStaysUnderTwiceItsBest()
        => Assert.Null(new LossDivergingCheck().Run(Histories.Story()).Finding);

    [Fact]
    public void LossAtLnC_IsNoLearningWhenCIsKnown()
    {
        Finding f = new NoLearningCheck().Run(Histories.Of(trainLoss: [2.31, 2.30, 2.29], classes: 10)).Finding!;
        Assert.Equal("no-learning", f.Id);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Contains("ln 10 = 2.3026", f.Title);
        Assert.Equal(2.302585, f.Numbers!["chanceLoss"]);
    }

    [Fact]
    public void LossAboveLnC_IsWorseThanAGuess_NoLearning()
    {
        // The real class-sorted run: the loss wanders, even dips 6%, but never gets below ln 10.
        Finding f = new NoLearningCheck().Run(Histories.Read("riffle-by-label-unshuffled.tsv") with { Classes = 10 }).Finding!;
        Assert.Contains("never gets below chance level", f.Title);
        Assert.Contains("2.5392-2.9661", f.Evidence);
        Assert.Null(new NoLearningCheck().Run(Histories.Read("riffle-by-label-unshuffled.tsv")).Finding);
    }

    [Fact]
    public void LossAtLnC_ForTwoEpochs_IsEnoughWithC_ButNotWithoutIt()
    {
        var history = Histories.Of(trainLoss: [2.31, 2.30]);
        Assert.False(new NoLearningCheck().Run(history).Ran);
        Assert.NotNull(new NoLearningCheck().Run(history with { Classes = 10 }).Finding);
    }

    [Fact]
    public void Story_TrainLossDoesNotDecrease()
    {
        Finding f = new NoLearningCheck().Run(Histories.Story()).Finding!;
        Assert.Equal("Train Loss does not decrease", f.Title);
        Assert.Contains("0.0053 at epoch 1 and never went lower than 0.0057", f.Evidence);
    }

    [Fact]
    public void FallingLoss_IsLearning()
        => Assert.Null(new NoLearningCheck().Run(Histories.Of(trainLoss: [1.2, 0.8, 0.7, 0.65], classes: 10)).Finding);
}
