using Riffle.Doctor;
using Riffle.Doctor.Checks;
using Xunit;

namespace Riffle.Tests.Doctor.Checks;

public class OverfittingCheckTests
{
    private static readonly OverfittingCheck Check = new();

    // Val loss best at epoch 3, then rising for four epochs while train loss keeps falling; val acc 0.85.
    private static readonly double?[] TrainLoss = [0.9, 0.5, 0.35, 0.25, 0.18, 0.12, 0.08];
    private static readonly double?[] ValLoss = [0.8, 0.55, 0.45, 0.47, 0.5, 0.55, 0.62];
    private static readonly double?[] TrainAcc = [0.7, 0.82, 0.88, 0.92, 0.95, 0.97, 0.98];
    private static readonly double?[] ValAcc = [0.72, 0.82, 0.85, 0.86, 0.85, 0.85, 0.85];

    [Fact]
    public void ValLossRisingWhileTrainLossFalls_IsAWarningFromTheBestEpoch()
    {
        Finding f = Check.Run(Histories.Of(trainLoss: TrainLoss, valLoss: ValLoss, trainAcc: TrainAcc, valAcc: ValAcc, classes: 10)).Finding!;
        Assert.Equal("overfitting", f.Id);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(3, f.Epoch);
        Assert.Contains("Keep the weights of epoch 3", f.Fix);
        Assert.Equal(0.377778, f.Numbers!["rise"]);
    }

    [Fact]
    public void ValAccAtChance_IsNotOverfitting()
    {
        double?[] lowVal = [0.1, 0.11, 0.1, 0.1, 0.11, 0.1, 0.1];
        Assert.Null(Check.Run(Histories.Of(trainLoss: TrainLoss, valLoss: ValLoss, trainAcc: TrainAcc, valAcc: lowVal, classes: 10)).Finding);
    }

    [Fact]
    public void TwoWorseEpochs_AreNoise()
        => Assert.Null(Check.Run(Histories.Of(trainLoss: TrainLoss[..5], valLoss: [0.8, 0.55, 0.45, 0.5, 0.55])).Finding);

    [Fact]
    public void TrainLossRisingToo_IsNotOverfitting()
        => Assert.Null(Check.Run(Histories.Of(trainLoss: [0.9, 0.5, 0.35, 0.4, 0.45, 0.5, 0.55], valLoss: ValLoss)).Finding);

    [Fact]
    public void Story_IsNotOverfitting()
        => Assert.Null(Check.Run(Histories.Story()).Finding);
}
