using Riffle.Doctor;
using Riffle.Doctor.Checks;
using Xunit;

namespace Riffle.Tests.Doctor.Checks;

public class TrainValGapCheckTests
{
    private static readonly TrainValGapCheck Check = new();

    [Fact]
    public void Story_IsAnErrorAtEpoch1()
    {
        Finding f = Check.Run(Histories.Story()).Finding!;
        Assert.Equal("train-val-gap", f.Id);
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Equal(1, f.Epoch);
        Assert.Equal(0.613467, f.Numbers!["leadingGap"]); // (0.7202 + 0.5868 + 0.5334) / 3
        Assert.Contains("Train ACC 0.8645 vs Val ACC 0.1443 (gap 0.7202)", f.Evidence);
    }

    [Fact]
    public void RealClassSortedRun_GapClosesAsTrainAccFalls_StillAnError()
    {
        // riffle train --model mlp --order by-label --shuffle false: Train ACC 0.58, 0.33, 0.25 vs Val ACC 0.105, 0.119, 0.167.
        Finding f = Check.Run(Histories.Read("riffle-by-label-unshuffled.tsv")).Finding!;
        Assert.Equal(Severity.Error, f.Severity);
        Assert.Contains("(gap 0.4750)", f.Evidence);
    }

    [Fact]
    public void ModerateGap_IsAWarning()
        => Assert.Equal(Severity.Warning, Check.Run(Histories.Of(trainAcc: [0.8, 0.85, 0.9], valAcc: [0.55, 0.6, 0.62])).Finding!.Severity);

    [Fact]
    public void GapThatOpensLater_IsOverfittingsBusinessNotThisCheck()
        => Assert.Null(Check.Run(Histories.Of(trainAcc: [0.6, 0.8, 0.95, 0.99, 1.0], valAcc: [0.62, 0.7, 0.72, 0.7, 0.69])).Finding);

    [Fact]
    public void OneEpochBlip_IsClean()
        => Assert.Null(Check.Run(Histories.Of(trainAcc: [0.9, 0.7, 0.75], valAcc: [0.5, 0.68, 0.74])).Finding);

    [Fact]
    public void MissingVal_CannotRun()
        => Assert.Contains("Val ACC", Check.Run(Histories.Of(trainAcc: [0.9, 0.8])).NotRunReason);
}
