using System.Text.Json;
using Riffle.Cli;
using Xunit;

namespace Riffle.Tests.Cli;

public class DoctorCommandTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    private string Write(string name, string text)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllText(path, text.ReplaceLineEndings("\n"));
        return path;
    }

    private static string OneErrorLine((int Code, string Out, string Err) result)
    {
        Assert.Equal(2, result.Code);
        Assert.Equal("", result.Out);
        string line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("riffle: ", line);
        return line;
    }

    // The story's table as the post prints it: tabs with stray spaces around them.
    private const string StoryTable = """
        Epoch 	 Time 	 Train Loss 	 Train ACC 	 Val Loss 	 Val ACC 	 Test Loss 	 Test ACC 	 LR
        1	 197.8234 	 0.0053 	 0.8645 	 0.0412 	 0.1443 	 0.0412 	 0.1443 	 0.0100
        2	 108.6638 	 0.0084 	 0.7311 	 0.0272 	 0.1443 	 0.0272 	 0.1443 	 0.0100
        3	 108.4892 	 0.0095 	 0.6777 	 0.0267 	 0.1443 	 0.0267 	 0.1443 	 0.0100
        4	 108.8819 	 0.0087 	 0.7102 	 0.0269 	 0.1443 	 0.0269 	 0.1443 	 0.0100
        """;

    // riffle train's metrics.tsv of a healthy run: exactly tab separated, four decimals.
    private const string HealthyMetricsTsv = """
        Epoch	Time	Train Loss	Train ACC	Val Loss	Val ACC	Test Loss	Test ACC	LR
        1	5.1020	0.9012	0.6801	0.6003	0.7805	0.6100	0.7760	0.0100
        2	4.9811	0.5501	0.8012	0.5002	0.8201	0.5105	0.8150	0.0100
        3	4.9925	0.4603	0.8350	0.4501	0.8399	0.4620	0.8330	0.0100
        4	5.0102	0.4102	0.8522	0.4250	0.8480	0.4390	0.8425	0.0100
        5	5.0007	0.3801	0.8633	0.4102	0.8535	0.4255	0.8490	0.0075
        """;

    [Fact]
    public void SeedLog_Json_TopCauseUnshuffled_ValEqualsTest_ExitCode1()
    {
        var (code, output, error) = Run("doctor", "log", Path.Combine(AppContext.BaseDirectory, "Doctor", "Fixtures", "seed-log.tsv"), "--json");

        Assert.Equal(1, code);
        Assert.Equal("", error);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("unshuffled-training-order", json.RootElement.GetProperty("causes")[0].GetProperty("id").GetString());
        Assert.Contains("val-equals-test", json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
        Assert.Equal(3, json.RootElement.GetProperty("notRun").GetArrayLength());
    }

    [Fact]
    public void StoryTable_Text_NamesTheLogTheCauseAndTheFindings()
    {
        var (code, output, _) = Run("doctor", "log", Write("story.txt", StoryTable), "--classes", "10");

        Assert.Equal(1, code);
        Assert.StartsWith($"log: {Path.Combine(_dir, "story.txt")} (epoch table, 4 epochs: 1-4)\n", output);
        Assert.Contains("likely causes, best first:\n  0.86  unshuffled-training-order", output);
        Assert.Contains("  error    val-at-class-prior (epoch 1): Val ACC is stuck at 0.1443", output);
        Assert.Contains("with 10 classes", output);
        Assert.Contains("\nnot run:\n  label-order", output);
    }

    [Fact]
    public void HealthyRifflesMetricsTsv_ExitCode0()
    {
        var (code, output, error) = Run("doctor", "log", Write("metrics.tsv", HealthyMetricsTsv));

        Assert.True(code == 0, output + error);
        Assert.Contains("(riffle metrics.tsv, 5 epochs: 1-5)", output);
        Assert.Contains("  1.00  healthy", output);
        Assert.DoesNotContain("findings:", output);
    }

    [Fact]
    public void HealthyMetricsTsv_Json_IsHealthyWithNoFindings()
    {
        var (code, output, _) = Run("doctor", "log", Write("metrics.tsv", HealthyMetricsTsv), "--json");

        Assert.Equal(0, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("healthy", json.RootElement.GetProperty("causes").EnumerateArray().Single().GetProperty("id").GetString());
        Assert.Equal(0, json.RootElement.GetProperty("findings").GetArrayLength());
    }

    [Fact]
    public void KerasCsv_Diverging_IsLearningRateTooHigh()
    {
        string path = Write("training.log", """
            epoch,accuracy,loss,lr,val_accuracy,val_loss
            0,0.62,1.10,0.5,0.65,1.02
            1,0.70,0.85,0.5,0.71,0.88
            2,0.41,3.90,0.5,0.38,4.20
            3,0.12,nan,0.5,0.10,nan
            """);

        var (code, output, _) = Run("doctor", "log", path, "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal("learning-rate-too-high", json.RootElement.GetProperty("causes")[0].GetProperty("id").GetString());
        var findings = json.RootElement.GetProperty("findings").EnumerateArray().ToDictionary(f => f.GetProperty("id").GetString()!);
        Assert.Equal(4, findings["loss-nonfinite"].GetProperty("epoch").GetInt32()); // Keras's epoch 3, 1-based
        Assert.True(findings.ContainsKey("loss-diverging"));
    }

    [Fact]
    public void KerasCsv_Healthy_ExitCode0()
    {
        string path = Write("training.log", """
            epoch,acc,loss,val_acc,val_loss
            0,0.70,0.85,0.76,0.70
            1,0.79,0.62,0.80,0.58
            2,0.83,0.51,0.83,0.52
            """);

        var (code, output, _) = Run("doctor", "log", path);

        Assert.Equal(0, code);
        Assert.Contains("(Keras CSVLogger, 3 epochs: 1-3)", output);
        Assert.Contains("epochs renumbered from 1", output);
    }

    [Fact]
    public void LightningCsv_Overfitting_ExitCode1()
    {
        string path = Write("metrics.csv", """
            epoch,step,train_acc_epoch,train_acc_step,train_loss_epoch,train_loss_step,val_acc,val_loss
            0,49,,0.70,,0.80,,
            0,49,,,,,0.80,0.55
            0,49,0.72,,0.75,,,
            1,99,,,,,0.85,0.45
            1,99,0.88,,0.35,,,
            2,149,,,,,0.86,0.48
            2,149,0.94,,0.20,,,
            3,199,,,,,0.86,0.52
            3,199,0.97,,0.12,,,
            4,249,,,,,0.85,0.58
            4,249,0.99,,0.06,,,
            """);

        var (code, output, _) = Run("doctor", "log", path);

        Assert.Equal(1, code);
        Assert.Contains("(Lightning CSVLogger, 5 epochs: 1-5)", output);
        Assert.Contains("  0.56  overfitting", output);
        Assert.Contains("warning  overfitting (epoch 2): Val Loss has risen since epoch 2 while Train Loss keeps falling", output);
    }

    [Fact]
    public void GarbledLog_OneLineNamingFileLineAndColumn_ExitCode2()
    {
        string path = Write("broken.tsv", HealthyMetricsTsv.Replace("0.8201", "0.82O1"));

        string line = OneErrorLine(Run("doctor", "log", path, "--json"));

        Assert.Equal($"riffle: {path}: line 3, column 6 (Val ACC): '0.82O1' is not a number; expected a decimal such as 0.1443 (or nan, inf, or empty)", line);
    }

    [Fact]
    public void WrongColumnCount_OneLineNamingTheLine_ExitCode2()
    {
        string path = Write("short.tsv", StoryTable + "\n5\t 108.8337 \t 0.0065 \t 0.7712\n");
        Assert.Contains($"{path}: line 6, column 5 (Val Loss): missing", OneErrorLine(Run("doctor", "log", path)));
    }

    [Fact]
    public void UnknownHeader_ExitCode2()
        => Assert.Contains("line 1, column 1: 'loss;accuracy' is not a known column", OneErrorLine(Run("doctor", "log", Write("x.txt", "loss;accuracy\n1;2\n"))));

    [Fact]
    public void MissingFile_ExitCode2()
    {
        string missing = Path.Combine(_dir, "nope.tsv");
        Assert.Equal($"riffle: {missing}: file not found; pass the path of a metrics log (metrics.tsv, a Keras or Lightning CSV)", OneErrorLine(Run("doctor", "log", missing)));
    }

    [Theory]
    [InlineData("1", "--classes must be at least 2, but got 1")]
    [InlineData("ten", "ten")]
    public void BadClasses_ExitCode2(string value, string expected)
        => Assert.Contains(expected, OneErrorLine(Run("doctor", "log", Write("m.tsv", HealthyMetricsTsv), "--classes", value)));

    [Fact]
    public void NoFile_ExitCode2()
        => OneErrorLine(Run("doctor", "log"));

    [Fact]
    public void Help_ListsTheArgumentAndOptions()
    {
        var (code, output, _) = Run("doctor", "log", "--help");
        Assert.Equal(0, code);
        Assert.Contains("<file>", output);
        Assert.Contains("--json", output);
        Assert.Contains("--classes", output);
    }
}
