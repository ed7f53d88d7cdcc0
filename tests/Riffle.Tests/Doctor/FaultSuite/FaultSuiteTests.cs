using Riffle.Doctor;
using Xunit;
using Suite = Riffle.Doctor.FaultSuite.FaultSuite;

namespace Riffle.Tests.Doctor.FaultSuite;

/// <summary>The fault suite end to end: real training runs with injected bugs; the doctor must name each one.</summary>
[Collection(LibTorchCollection.Name)]
[Trait("Requires", "libtorch")]
public class FaultSuiteTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void EveryFaultGetsItsExpectedTopCause_AndCleanRunsHaveNoErrorFinding()
    {
        var report = Suite.Run(Suite.Scenarios, _dir);

        Assert.All(report.Results, r => Assert.True(r.Correct,
            $"{r.Scenario.Name}: expected {r.Scenario.ExpectedCause}, found {r.FoundCause} from {string.Join(", ", r.Diagnosis.Findings.Select(f => $"{f.Id}:{f.Severity}"))}"));
        Assert.Equal(0, report.CleanErrorFindings);
        Assert.Equal(1.0, report.Recall);
        Assert.Equal(10, report.Faults);
        Assert.All(report.Results.Where(r => r.Scenario.Clean), r => Assert.Equal(CauseIds.Healthy, r.FoundCause));
    }

    [Fact]
    public void ScenarioNames_AreUniqueKebabCase()
    {
        Assert.Equal(Suite.Scenarios.Count, Suite.Scenarios.Select(s => s.Name).Distinct().Count());
        Assert.All(Suite.Scenarios, s => Assert.Matches("^[a-z0-9]+(-[a-z0-9]+)*$", s.Name));
    }
}
