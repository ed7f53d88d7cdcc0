using Riffle.Doctor;
using Riffle.Doctor.Checks;
using Xunit;

namespace Riffle.Tests.Doctor.Checks;

public class TrainAccFallingCheckTests
{
    private static readonly TrainAccFallingCheck Check = new();

    [Fact]
    public void Story_FallsInBothRateSegments()
    {
        Finding f = Check.Run(Histories.Story()).Finding!;
        Assert.Equal("train-acc-falling", f.Id);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(3, f.Epoch);
        Assert.Equal(2, f.Numbers!["segmentsFalling"]);
        Assert.Equal(0.1917, f.Numbers["largestDrop"]); // 0.8349 -> 0.6432 at LR 0.0075
        Assert.Contains("from 0.8645 (epoch 1) to 0.6777 (epoch 3) at LR 0.0100", f.Evidence);
    }

    [Fact]
    public void DropAcrossARateChange_IsNotCounted()
        => Assert.Null(Check.Run(Histories.Of(trainAcc: [0.7, 0.8, 0.7, 0.75], lr: [0.1, 0.1, 0.01, 0.01])).Finding);

    [Fact]
    public void SmallWobble_IsClean()
        => Assert.Null(Check.Run(Histories.Of(trainAcc: [0.70, 0.80, 0.78, 0.84, 0.83], lr: [0.1, 0.1, 0.1, 0.1, 0.1])).Finding);

    [Fact]
    public void WithoutRates_AssumesOneRateAndSaysSo()
    {
        Finding f = Check.Run(Histories.Of(trainAcc: [0.9, 0.8, 0.7])).Finding!;
        Assert.Contains("not logged", f.Evidence);
    }

    [Fact]
    public void NoTrainAcc_CannotRun()
        => Assert.False(Check.Run(Histories.Of(valAcc: [0.5, 0.6])).Ran);
}
