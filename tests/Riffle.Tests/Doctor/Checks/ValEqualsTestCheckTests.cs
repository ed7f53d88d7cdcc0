using Riffle.Doctor;
using Riffle.Doctor.Checks;
using Xunit;

namespace Riffle.Tests.Doctor.Checks;

public class ValEqualsTestCheckTests
{
    private static readonly ValEqualsTestCheck Check = new();

    [Fact]
    public void Story_ValAndTestAreTheSameNumbers()
    {
        Finding f = Check.Run(Histories.Story()).Finding!;
        Assert.Equal("val-equals-test", f.Id);
        Assert.Equal(Severity.Warning, f.Severity);
        Assert.Equal(8, f.Numbers!["epochsCompared"]);
        Assert.Equal(16, f.Numbers["pairsCompared"]);
    }

    [Fact]
    public void OneDifferentValue_IsClean()
        => Assert.Null(Check.Run(Histories.Of(valLoss: [0.5, 0.4, 0.3], testLoss: [0.5, 0.4, 0.31])).Finding);

    [Fact]
    public void EqualConstants_AreNoEvidence()
        => Assert.Null(Check.Run(Histories.Of(valAcc: [0.1, 0.1, 0.1], testAcc: [0.1, 0.1, 0.1])).Finding);

    [Fact]
    public void OneEpoch_CannotRun()
        => Assert.Contains("at least 2 times", Check.Run(Histories.Of(valLoss: [0.5], testLoss: [0.5])).NotRunReason);

    [Fact]
    public void NoTestColumns_CannotRun()
        => Assert.Contains("Test", Check.Run(Histories.Of(valLoss: [0.5, 0.4])).NotRunReason);
}
