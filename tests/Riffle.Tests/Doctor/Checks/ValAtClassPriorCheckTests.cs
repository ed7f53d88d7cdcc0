using Riffle.Doctor;
using Riffle.Doctor.Checks;
using Xunit;

namespace Riffle.Tests.Doctor.Checks;

public class ValAtClassPriorCheckTests
{
    private static readonly ValAtClassPriorCheck Check = new();

    [Fact]
    public void Story_IsAnErrorFromEpoch1WithTheLevelInTheNumbers()
    {
        Finding f = Check.Run(Histories.Story()).Finding!;

        Assert.Equal("val-at-class-prior", f.Id);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(1, f.Epoch);
        Assert.Equal(0.1443, f.Numbers!["valAcc"]);
        Assert.Equal(8, f.Numbers["lastEpoch"]);
        Assert.Contains("0.1443", f.Title);
        Assert.Contains("epochs 1-8", f.Evidence);
        Assert.Contains("Train ACC ranged 0.6432-0.8645", f.Evidence);
    }

    [Fact]
    public void Story_WithTenClasses_ComparesWithOneOverC()
    {
        Finding f = Check.Run(Histories.Story(classes: 10)).Finding!;
        Assert.Contains("with 10 classes", f.Evidence);
        Assert.Equal(10, f.Numbers!["classes"]);
    }

    [Fact]
    public void KnownShares_MatchTheClassWhoseShareItIs()
    {
        var history = Histories.Story() with { ValClassShares = [0.1, 0.1, 0.1443, 0.0557, 0.1, 0.1, 0.1, 0.1, 0.1, 0.1] };
        Finding f = Check.Run(history).Finding!;
        Assert.Contains("class 2 is 0.1443 of the validation set", f.Evidence);
    }

    [Fact]
    public void KnownShares_NoneNearTheLevel_IsClean()
    {
        var history = Histories.Story() with { ValClassShares = [0.5, 0.5] };
        Assert.Null(Check.Run(history).Finding);
    }

    [Fact]
    public void FlatButHigh_IsAPlateauNotOneClass()
        => Assert.Null(Check.Run(Histories.Of(trainAcc: [0.80, 0.90, 0.95, 0.97], valAcc: [0.88, 0.88, 0.88, 0.88])).Finding);

    [Fact]
    public void FlatForTwoEpochsOnly_IsClean()
        => Assert.Null(Check.Run(Histories.Of(trainAcc: [0.9, 0.8, 0.7, 0.6], valAcc: [0.14, 0.14, 0.2, 0.3])).Finding);

    [Fact]
    public void TrainStuckToo_IsLeftToNoLearning()
        => Assert.Null(Check.Run(Histories.Of(trainAcc: [0.101, 0.102, 0.101], valAcc: [0.1, 0.1, 0.1], classes: 10)).Finding);

    [Fact]
    public void ClimbedToALowPlateau_IsClean()
        => Assert.Null(Check.Run(Histories.Of(trainAcc: [0.1, 0.3, 0.4, 0.5, 0.6], valAcc: [0.05, 0.30, 0.30, 0.30, 0.30])).Finding);

    [Fact]
    public void WithoutClasses_TheValueMustRepeat_WithClassesHalfAPointIsFlat()
    {
        var wobbly = Histories.Of(trainAcc: [0.9, 0.8, 0.7], valAcc: [0.140, 0.143, 0.138]);
        Assert.Null(Check.Run(wobbly).Finding);
        Assert.NotNull(Check.Run(wobbly with { Classes = 10 }).Finding);
    }

    [Fact]
    public void WithoutTrainAcc_NeedsTheClasses()
    {
        var history = Histories.Of(valAcc: [0.1, 0.1, 0.1, 0.1]);
        Assert.Null(Check.Run(history).Finding);
        Assert.NotNull(Check.Run(history with { Classes = 10 }).Finding);
    }

    [Fact]
    public void BinaryTask_AboveOneHalf_IsNotOneClassWithoutTheShares()
        => Assert.Null(Check.Run(Histories.Of(trainAcc: [0.8, 0.9, 0.95], valAcc: [0.7, 0.7, 0.7], classes: 2)).Finding);

    [Theory]
    [InlineData(0, "needs Val ACC")]
    [InlineData(2, "at least 3 epochs, but the history has 2")]
    public void TooLittleData_CannotRunAndSaysWhy(int epochs, string reason)
    {
        var history = epochs == 0
            ? Histories.Of(trainAcc: [0.5, 0.6, 0.7])
            : Histories.Of(valAcc: Enumerable.Repeat<double?>(0.1, epochs).ToArray());
        CheckResult result = Check.Run(history);
        Assert.False(result.Ran);
        Assert.Contains(reason, result.NotRunReason);
    }
}
