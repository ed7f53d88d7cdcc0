using Riffle.Doctor;
using Riffle.Doctor.Logs;
using Xunit;

namespace Riffle.Tests.Doctor;

public class DiagnosisTextTests
{
    [Fact]
    public void Story_MatchesTheCommittedText()
    {
        Diagnosis diagnosis = LogDoctor.Diagnose(MetricsLogReader.Read(Histories.StoryLogPath));
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Doctor", "Fixtures", "seed-log.expected.txt"));

        Assert.Equal(expected, DiagnosisText.Format(diagnosis));
    }

    [Fact]
    public void Healthy_SaysSoInOneCauseLine()
    {
        string text = DiagnosisText.Format(Diagnosis.Of([], []));
        Assert.Equal("diagnosis:\n  1.00  healthy  nothing stands out: train and validation metrics move together\n", text);
    }

    [Fact]
    public void Finding_ShowsSeverityIdEpochTitleEvidenceAndFix()
    {
        var f = new Finding("overfitting", Severity.Warning, "Val Loss has risen", "from 0.4 to 0.6", "stop early") { Epoch = 3 };
        Assert.Equal(
            "  warning  overfitting (epoch 3): Val Loss has risen\n" +
            "           evidence: from 0.4 to 0.6\n" +
            "           fix:      stop early\n",
            DiagnosisText.Format(f));
    }
}
