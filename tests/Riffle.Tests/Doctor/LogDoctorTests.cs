using Riffle.Doctor;
using Riffle.Doctor.Logs;
using Xunit;

namespace Riffle.Tests.Doctor;

public class LogDoctorTests
{
    [Fact]
    public void Story_SaysWhichChecksNeedDataALogDoesNotHave()
    {
        Diagnosis diagnosis = LogDoctor.Diagnose(MetricsLogReader.Read(Histories.StoryLogPath));

        Assert.Equal(["label-order", "prediction-histogram", "per-step-metrics"], diagnosis.NotRun.Select(n => n.Check));
        Assert.Equal("unshuffled-training-order", diagnosis.TopCause.Id);
        Assert.True(diagnosis.HasProblems);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(10)]
    public void RealClassSortedRun_IsUnshuffledTrainingOrder(int? classes)
    {
        Diagnosis diagnosis = LogDoctor.Diagnose(Histories.Read("riffle-by-label-unshuffled.tsv") with { Classes = classes });
        Assert.Equal("unshuffled-training-order", diagnosis.TopCause.Id);
    }

    [Theory]
    [InlineData(null)]
    [InlineData(10)]
    public void RealShuffledRun_IsHealthy(int? classes)
    {
        Diagnosis diagnosis = LogDoctor.Diagnose(Histories.Read("riffle-by-label-shuffled.tsv") with { Classes = classes });
        Assert.False(diagnosis.HasProblems);
        Assert.Equal("healthy", Assert.Single(diagnosis.Causes).Id);
    }

    [Fact]
    public void LogWithoutTestColumns_ListsValEqualsTestAsNotRun()
    {
        MetricsLog log = MetricsLogReader.Parse("keras.csv", ["epoch,accuracy,loss,val_accuracy,val_loss", "0,0.7,0.8,0.75,0.7", "1,0.8,0.6,0.8,0.6"]);

        Diagnosis diagnosis = LogDoctor.Diagnose(log);

        CheckNotRun notRun = Assert.Single(diagnosis.NotRun, n => n.Check == "val-equals-test");
        Assert.Contains("Test Loss or Test ACC", notRun.Reason);
    }

    [Fact]
    public void Classes_AreHandedToTheChecks()
    {
        MetricsLog log = MetricsLogReader.Parse("t.tsv", ["Epoch\tTrain Loss", "1\t2.31", "2\t2.30"]);
        Assert.DoesNotContain(LogDoctor.Diagnose(log).Findings, f => f.Id == "no-learning");
        Assert.Contains(LogDoctor.Diagnose(log, classes: 10).Findings, f => f.Id == "no-learning");
    }
}
