using Riffle.Cli;
using Xunit;

namespace Riffle.Tests.Cli;

[Collection(LibTorchCollection.Name)]
[Trait("Requires", "libtorch")]
public class TrainDoctorTests : IClassFixture<TrainerTestsData>, IDisposable
{
    private readonly string _dir = TestData.TempDir();
    private readonly TrainerTestsData _data;

    public TrainDoctorTests(TrainerTestsData data) => _data = data;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    public void TheStory_IsNamedBeforeTheFirstStep_AndStrictDoesNotTrain()
    {
        string warn = Path.Combine(_dir, "warn"), strict = Path.Combine(_dir, "strict");

        var w = Run("train", "--data", _data.Folder, "--model", "mlp", "--epochs", "1", "--threads", "1", "--order", "by-label", "--shuffle", "false", "--out", warn);
        var s = Run("train", "--data", _data.Folder, "--model", "mlp", "--epochs", "1", "--threads", "1", "--order", "by-label", "--shuffle", "false", "--doctor", "strict", "--out", strict);

        Assert.Equal(0, w.Code);
        int audit = w.Out.IndexOf("error    label-sorted-batches", StringComparison.Ordinal), table = w.Out.IndexOf("Train ACC", StringComparison.Ordinal);
        Assert.True(audit >= 0 && audit < table, "the audit's error comes before the first row");
        Assert.Contains("\"id\": \"label-sorted-batches\"", File.ReadAllText(Path.Combine(warn, "findings.json")));

        Assert.Equal(TrainCommand.StoppedByDoctor, s.Code);
        Assert.Contains("--doctor strict does not train", s.Out);
        Assert.False(File.Exists(Path.Combine(strict, "metrics.tsv")), "strict must not train at all");
    }

    [Fact]
    public void Shuffled_IsHealthy_AndDoctorOffSaysNothing()
    {
        var healthy = Run("train", "--data", _data.Folder, "--model", "mlp", "--epochs", "2", "--threads", "1", "--doctor", "strict", "--out", Path.Combine(_dir, "healthy"));
        var off = Run("train", "--data", _data.Folder, "--model", "mlp", "--epochs", "1", "--threads", "1", "--doctor", "off", "--order", "by-label", "--shuffle", "false", "--out", Path.Combine(_dir, "off"));

        Assert.Equal(0, healthy.Code);
        Assert.Contains("healthy", healthy.Out);
        Assert.Equal(0, off.Code);
        Assert.DoesNotContain("doctor", off.Out);
        Assert.False(File.Exists(Path.Combine(_dir, "off", "findings.json")));
    }
}

/// <summary>200 training and 50 test images per class of the embedded subset, as an IDX folder.</summary>
public sealed class TrainerTestsData : IDisposable
{
    public string Folder { get; } = TestData.SmallFashionFolder(trainPerClass: 200, testPerClass: 50);
    public void Dispose() => Directory.Delete(Folder, recursive: true);
}
