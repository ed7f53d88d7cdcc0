using FsCheck.Xunit;
using Riffle.Doctor;
using Xunit;

namespace Riffle.Tests.Doctor.Checks;

/// <summary>The doctor must stay quiet on healthy runs, however long, whatever the classes, with noise.</summary>
public class HealthyHistoryProperties
{
    private static EpochHistory Healthy(int epochs0, int classes0, bool tellClasses, int seed) =>
        Histories.Healthy((int)((uint)epochs0 % 30) + 1, (int)((uint)classes0 % 99) + 2, tellClasses, seed);

    [Property(MaxTest = 2000)]
    public void HealthyRuns_GiveNoWarningOrError(int epochs, int classes, bool tellClasses, int seed)
    {
        EpochHistory history = Healthy(epochs, classes, tellClasses, seed);
        var (findings, _) = MetricChecks.Run(history);
        Finding? bad = findings.FirstOrDefault(f => f.Severity >= Severity.Warning);
        Assert.True(bad is null, $"{bad?.Id}: {bad?.Evidence} (epochs {history.Epochs.Count}, classes {history.Classes})");
    }

    [Property(MaxTest = 300)]
    public void HealthyRuns_AreDiagnosedHealthy(int epochs, int classes, bool tellClasses, int seed)
    {
        Diagnosis diagnosis = LogDoctor.Diagnose(Healthy(epochs, classes, tellClasses, seed));
        Assert.False(diagnosis.HasProblems);
        Assert.Equal("healthy", Assert.Single(diagnosis.Causes).Id);
    }

    [Fact]
    public void EmptyHistory_RunsNothingAndFindsNothing()
    {
        var (findings, notRun) = MetricChecks.Run(new EpochHistory([]));
        Assert.Empty(findings);
        Assert.Equal(FindingIds.All, notRun.Select(n => n.Check));
    }

    /// <summary>
    /// Runs shaped like the story with other numbers: Val ACC fixed at some class's share, Train ACC high and
    /// falling at a fixed rate. The doctor must name the unshuffled order every time.
    /// </summary>
    [Property(MaxTest = 500)]
    public void StoryShapedRuns_AreUnshuffledTrainingOrder(int seed, bool tellClasses)
    {
        var random = new Random(seed);
        int epochs = random.Next(3, 20), classes = random.Next(3, 20);
        double share = 1.0 / classes * (0.6 + 0.8 * random.NextDouble());
        double high = 0.6 + 0.35 * random.NextDouble();
        var history = new EpochHistory(Enumerable.Range(1, epochs).Select(e => new EpochRecord(e)
        {
            TrainAcc = Math.Round(e == 1 ? high : e == 2 ? high - 0.06 - 0.2 * random.NextDouble() : high - 0.1 * random.NextDouble(), 4),
            ValAcc = Math.Round(share, 4),
            TrainLoss = Math.Round(0.5 + 0.3 * random.NextDouble(), 4),
            ValLoss = Math.Round(2 + random.NextDouble(), 4),
            LearningRate = 0.01,
        }).ToArray()) { Classes = tellClasses ? classes : null };

        Diagnosis diagnosis = LogDoctor.Diagnose(history);

        Assert.Equal("unshuffled-training-order", diagnosis.TopCause.Id);
    }
}
