using Riffle.Cli;
using Xunit;

namespace Riffle.Tests.Cli;

[Collection(LibTorchCollection.Name)]
public class TrainCommandTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = RiffleCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }

    private static void AssertOneLineUserError((int Code, string Out, string Err) result, string expected)
    {
        Assert.Equal(2, result.Code);
        string line = Assert.Single(result.Err.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("riffle: ", line);
        Assert.Contains(expected, line);
    }

    [Fact]
    public void Help_ListsEveryOptionWithItsDefault()
    {
        var (code, output, _) = Run("train", "--help");

        Assert.Equal(0, code);
        foreach (string option in new[] { "--data", "--model", "--epochs", "--batch-size", "--lr", "--momentum", "--lr-step", "--lr-gamma", "--shuffle", "--order", "--seed", "--val-fraction", "--threads", "--out" })
            Assert.Contains(option, output);
        Assert.Contains("[default: 8]", output);       // --epochs
        Assert.Contains("[default: 0.01]", output);    // --lr
        Assert.Contains("[default: as-is]", output);   // --order
        Assert.Contains("[default: true]", output);    // --shuffle
    }

    [Fact]
    public void UnknownOption_IsOneLineAndExitCode2()
        => AssertOneLineUserError(Run("train", "--epocs", "3"), "--epocs");

    [Theory]
    [InlineData("--epochs", "zero", "zero")]
    [InlineData("--epochs", "0", "--epochs must be at least 1, but got 0")]
    [InlineData("--order", "sorted", "sorted")]
    [InlineData("--model", "resnet", "resnet")]
    [InlineData("--val-fraction", "1.5", "--val-fraction must be in (0, 1), but got 1.5")]
    [InlineData("--lr", "-1", "--lr must be positive")]
    public void BadValue_IsOneLineAndExitCode2(string option, string value, string expected)
        => AssertOneLineUserError(Run("train", option, value, "--out", "unused"), expected);

    [Fact]
    public void MissingDataFolder_IsOneLineAndExitCode2()
    {
        string missing = Path.Combine(_dir, "missing");
        AssertOneLineUserError(Run("train", "--data", missing, "--out", Path.Combine(_dir, "run")), $"{missing}: folder not found");
        Assert.False(Directory.Exists(Path.Combine(_dir, "run")));
    }

    [Fact]
    public void CorruptDataFile_IsOneLineNamingTheFile()
    {
        File.WriteAllBytes(Path.Combine(_dir, "train-images-idx3-ubyte"), TestData.ImagesFile(2, 28, 28, magic: 0x0803_0000));
        File.WriteAllBytes(Path.Combine(_dir, "train-labels-idx1-ubyte"), TestData.LabelsFile([0, 1]));
        File.WriteAllBytes(Path.Combine(_dir, "t10k-images-idx3-ubyte"), TestData.ImagesFile(2, 28, 28));
        File.WriteAllBytes(Path.Combine(_dir, "t10k-labels-idx1-ubyte"), TestData.LabelsFile([0, 1]));

        AssertOneLineUserError(Run("train", "--data", _dir, "--out", Path.Combine(_dir, "run")), "train-images-idx3-ubyte: at byte 0: wrong magic number");
    }

    [Fact]
    public void OutPathThatIsAFile_IsOneLineAndExitCode2()
    {
        string file = Path.Combine(_dir, "file");
        File.WriteAllText(file, "");
        AssertOneLineUserError(Run("train", "--epochs", "1", "--out", file), "is a file, not a folder");
    }

    [Fact]
    [Trait("Requires", "libtorch")]
    public void Train_WritesTheTableAndConfig()
    {
        string data = TestData.SmallFashionFolder(trainPerClass: 30, testPerClass: 10);
        try
        {
            string run = Path.Combine(_dir, "run");
            var (code, output, error) = Run("train", "--data", data, "--model", "mlp", "--epochs", "2", "--threads", "1", "--seed", "9", "--out", run);

            Assert.True(code == 0, error);
            string[] lines = File.ReadAllLines(Path.Combine(run, "metrics.tsv"));
            Assert.Equal("Epoch\tTime\tTrain Loss\tTrain ACC\tVal Loss\tVal ACC\tTest Loss\tTest ACC\tLR", lines[0]);
            Assert.Equal(3, lines.Length);
            Assert.Matches(@"^2\t\d+\.\d{4}(\t\d+\.\d{4}){7}$", lines[2]);
            string config = File.ReadAllText(Path.Combine(run, "config.json"));
            Assert.Contains("\"seed\": 9", config);
            Assert.Contains("\"model\": \"mlp\"", config);
            Assert.Contains("\"order\": \"as-is\"", config);
            Assert.Contains("Train ACC", output);
            Assert.Empty(Directory.GetFiles(run, "*.tmp"));
        }
        finally { Directory.Delete(data, recursive: true); }
    }
}
