using System.Text.Json;
using Riffle.Cli;
using Xunit;

namespace Riffle.Tests.Cli;

public class DoctorAuditCommandTests
{
    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(["doctor", "audit", .. args]);

    private static string OneErrorLine((int Code, string Out, string Err) result)
    {
        Assert.Equal(2, result.Code);
        Assert.Equal("", result.Out);
        string line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("riffle: ", line);
        return line;
    }

    [Fact]
    public void Story_Text_ErrorAndTopCause_ExitCode1()
    {
        var (code, output, error) = Run("--order", "by-label", "--shuffle", "false");

        Assert.Equal(1, code);
        Assert.Equal("", error);
        Assert.StartsWith("audit: embedded:fashion-mnist-subset: train 9,000, val 1,000, test 2,000 (1x28x28, 10 classes)\n" +
                          "       loader: DistributedSampler(shuffle=false, seed=42, drop_last=false) on 1 rank, batches of 128, order by-label; labels of 2 epochs\n", output);
        Assert.Contains("likely causes, best first:\n  0.93  unshuffled-training-order", output);
        Assert.Contains("  error    label-sorted-batches: Training batches are sorted by class: ", output);
        Assert.Contains("  warning  epoch-order-repeats (epoch 2): Epoch 2 repeats epoch 1's order exactly", output);
        Assert.Matches(@"\naudit: \d+\.\d ms after loading the data \(pixel hashing \d+\.\d ms of it, on a second thread\)\n$", output);
    }

    [Fact]
    public void Default_IsHealthy_ExitCode0()
    {
        var (code, output, _) = Run();
        Assert.Equal(0, code);
        Assert.Contains("diagnosis:\n  1.00  healthy", output);
        Assert.DoesNotContain("findings:", output);
    }

    [Fact]
    public void Json_HasTheDiagnosisShape()
    {
        var (code, output, _) = Run("--order", "by-label", "--shuffle", "false", "--ranks", "2", "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        JsonElement root = json.RootElement;
        Assert.Equal(["causes", "findings", "notRun"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal("unshuffled-training-order", root.GetProperty("causes")[0].GetProperty("id").GetString());
        JsonElement sorted = root.GetProperty("findings")[0];
        Assert.Equal("label-sorted-batches", sorted.GetProperty("id").GetString());
        Assert.Equal("error", sorted.GetProperty("severity").GetString());
        Assert.Equal(2, sorted.GetProperty("numbers").GetProperty("ranks").GetInt32());
        Assert.True(sorted.GetProperty("numbers").GetProperty("mixing").GetDouble() < 0.15); // 450 per class per rank: batches of 128 straddle more boundaries
        Assert.Equal(0, root.GetProperty("notRun").GetArrayLength());
    }

    [Fact]
    public void UnshuffledAsIs_WarnsAboutTheRepeatedOrderOnly()
    {
        var (code, output, _) = Run("--shuffle", "false", "--json");

        Assert.Equal(1, code);
        using var json = JsonDocument.Parse(output);
        Assert.Equal(["epoch-order-repeats"], json.RootElement.GetProperty("findings").EnumerateArray().Select(f => f.GetProperty("id").GetString()));
    }

    [Fact]
    public void SamplerOptions_ReachTheAudit()
    {
        var (code, output, _) = Run("--batch-size", "1000", "--seed", "7", "--drop-last", "--val-fraction", "0.2", "--ranks", "3");
        Assert.Equal(0, code);
        Assert.Contains("train 8,000, val 2,000", output);
        Assert.Contains("DistributedSampler(shuffle=true, seed=7, drop_last=true) on 3 ranks, batches of 1000", output);
    }

    [Fact]
    public void IdxFolder_IsRead()
    {
        string dir = TestData.SmallFashionFolder(trainPerClass: 50, testPerClass: 10);
        try
        {
            var (code, output, _) = Run("--data", dir);
            Assert.Equal(0, code);
            Assert.Contains("train 450, val 50, test 100", output);
        }
        finally { Directory.Delete(dir, recursive: true); }
    }

    [Theory]
    [InlineData("--ranks", "0", "--ranks must be at least 1, but got 0")]
    [InlineData("--batch-size", "0", "--batch-size must be at least 1, but got 0")]
    [InlineData("--val-fraction", "1.5", "--val-fraction must be in (0, 1), but got 1.5")]
    [InlineData("--order", "random", "random")]
    [InlineData("--shuffle", "maybe", "maybe")]
    public void BadOption_OneLine_ExitCode2(string option, string value, string expected)
    {
        string line = OneErrorLine(Run(option, value));
        Assert.Contains(expected, line);
        Assert.EndsWith("(see 'riffle doctor audit --help')", line);
    }

    [Fact]
    public void MissingFolder_OneLine_ExitCode2()
        => Assert.Contains("folder not found", OneErrorLine(Run("--data", "/nonexistent/riffle-audit")));

    [Fact]
    public void Help_ListsTheTrainOptions()
    {
        var (code, output, _) = Run("--help");
        Assert.Equal(0, code);
        foreach (string option in new[] { "--data", "--image-size", "--channels", "--skip-bad", "--batch-size", "--shuffle", "--order", "--seed", "--val-fraction", "--drop-last", "--ranks", "--json" })
            Assert.Contains(option, output);
    }
}
