using System.Text.Json;
using Riffle.Doctor;
using Riffle.Doctor.Logs;
using Xunit;

namespace Riffle.Tests.Doctor;

public class DiagnosisJsonTests
{
    [Fact]
    public void Format_WritesTheDocumentedShape_OptionalKeysOmitted_NaNAsString()
    {
        var nan = new Finding("loss-nonfinite", Severity.Error, "A loss is NaN or infinite", "Train Loss is NaN from epoch 2", "Lower the rate")
        {
            Epoch = 2,
            Numbers = new Dictionary<string, double> { ["firstEpoch"] = 2, ["loss"] = double.NaN },
        };
        var plain = new Finding("no-learning", Severity.Warning, "Train Loss does not decrease", "it's flat", "Check \"labels\"");
        var diagnosis = new Diagnosis(
            [new Cause("learning-rate-too-high", 0.6, [nan, plain])],
            [nan, plain],
            [new CheckNotRun("label-order", "needs the label order")]);

        Assert.Equal(
            """
            {
              "causes": [
                {
                  "id": "learning-rate-too-high",
                  "score": 0.6,
                  "findings": [
                    "loss-nonfinite",
                    "no-learning"
                  ]
                }
              ],
              "findings": [
                {
                  "id": "loss-nonfinite",
                  "severity": "error",
                  "title": "A loss is NaN or infinite",
                  "evidence": "Train Loss is NaN from epoch 2",
                  "fix": "Lower the rate",
                  "epoch": 2,
                  "numbers": {
                    "firstEpoch": 2,
                    "loss": "NaN"
                  }
                },
                {
                  "id": "no-learning",
                  "severity": "warning",
                  "title": "Train Loss does not decrease",
                  "evidence": "it's flat",
                  "fix": "Check \"labels\""
                }
              ],
              "notRun": [
                {
                  "check": "label-order",
                  "reason": "needs the label order"
                }
              ]
            }

            """.ReplaceLineEndings("\n"),
            DiagnosisJson.Format(diagnosis));
    }

    [Fact]
    public void Story_MatchesTheCommittedJson()
    {
        Diagnosis diagnosis = LogDoctor.Diagnose(MetricsLogReader.Read(Histories.StoryLogPath));
        string expected = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Doctor", "Fixtures", "seed-log.expected.json"));

        Assert.Equal(expected, DiagnosisJson.Format(diagnosis));
    }

    [Fact]
    public void Story_JsonParses_CausesBestFirst()
    {
        using var json = JsonDocument.Parse(DiagnosisJson.Format(LogDoctor.Diagnose(Histories.Story())));
        double[] scores = json.RootElement.GetProperty("causes").EnumerateArray().Select(c => c.GetProperty("score").GetDouble()).ToArray();
        Assert.Equal(scores.OrderDescending(), scores);
        Assert.Equal(["causes", "findings", "notRun"], json.RootElement.EnumerateObject().Select(p => p.Name));
    }
}
