using Riffle.Cli;
using Xunit;

namespace Riffle.Tests.Cli;

[Collection(LibTorchCollection.Name)]
public class TrainCommandTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

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

    /// <summary>A valid IDX folder of 3 training and 2 test samples, with one file replaced by <paramref name="broken"/>.</summary>
    private string Folder(string brokenFile, byte[] broken)
    {
        var files = new Dictionary<string, byte[]>
        {
            ["train-images-idx3-ubyte.gz"] = TestData.Gzip(TestData.ImagesFile(3, 28, 28)),
            ["train-labels-idx1-ubyte.gz"] = TestData.Gzip(TestData.LabelsFile([0, 1, 2])),
            ["t10k-images-idx3-ubyte.gz"] = TestData.Gzip(TestData.ImagesFile(2, 28, 28)),
            ["t10k-labels-idx1-ubyte.gz"] = TestData.Gzip(TestData.LabelsFile([0, 1])),
        };
        files[brokenFile] = broken;
        string dir = Path.Combine(_dir, "data");
        Directory.CreateDirectory(dir);
        foreach (var (name, bytes) in files) File.WriteAllBytes(Path.Combine(dir, name), bytes);
        return dir;
    }

    public static TheoryData<string, string, string> BrokenData() => new()
    {
        { "truncated-gz", "train-images-idx3-ubyte.gz", "train-images-idx3-ubyte.gz: the gzip stream is corrupt or truncated" },
        { "wrong-magic", "t10k-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz: at byte 0: wrong magic number 0x00000801: expected 0x00000803" },
        { "count-mismatch", "train-labels-idx1-ubyte.gz", "train-labels-idx1-ubyte.gz: has 4 labels but" },
        { "label-out-of-range", "t10k-labels-idx1-ubyte.gz", "t10k-labels-idx1-ubyte.gz: at byte 9: label 10 of sample 1 is out of range: labels must be in [0, 9]" },
    };

    [Theory]
    [MemberData(nameof(BrokenData))]
    public void BadDataFile_IsOneLineNamingTheFileAndExitCode2(string fault, string file, string expected)
    {
        byte[] broken = fault switch
        {
            "truncated-gz" => TestData.Gzip(TestData.ImagesFile(3, 28, 28))[..300],
            "wrong-magic" => TestData.Gzip(TestData.ImagesFile(2, 28, 28, magic: Riffle.Data.IdxReader.LabelsMagic)),
            "count-mismatch" => TestData.Gzip(TestData.LabelsFile([0, 1, 2, 3])),
            "label-out-of-range" => TestData.Gzip(TestData.LabelsFile([0, 10])),
            _ => throw new ArgumentException(fault),
        };
        string run = Path.Combine(_dir, "run");

        AssertOneLineUserError(Run("train", "--data", Folder(file, broken), "--out", run), expected);
        Assert.False(Directory.Exists(run), "nothing is written when the data is bad");
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
