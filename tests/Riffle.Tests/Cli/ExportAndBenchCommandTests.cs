using Riffle.Cli;
using Xunit;

namespace Riffle.Tests.Cli;

[Collection(LibTorchCollection.Name)]
public class ExportAndBenchCommandTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(params string[] args) => CliRunner.Run(args);

    [Fact]
    [Trait("Requires", "libtorch")]
    public void ExportedFolder_TrainsWithWorkersAndAugmentation_AndBenchPrintsSamplesPerSecondLast()
    {
        string idx = TestData.SmallFashionFolder(trainPerClass: 20, testPerClass: 5);
        try
        {
            string folder = Path.Combine(_dir, "folder");
            var export = Run("export", "--format", "folder", "--data", idx, "--out", folder);
            Assert.True(export.Code == 0, export.Err);
            Assert.Contains("wrote 200 training and 50 test images in 10 class folders", export.Out);

            string run = Path.Combine(_dir, "run");
            var train = Run("train", "--data", folder, "--model", "mlp", "--epochs", "1", "--threads", "1", "--workers", "2", "--augment", "--drop-last", "--out", run);
            Assert.True(train.Code == 0, train.Err);
            Assert.Contains("2 workers, prefetch 2, augmented", train.Out);
            Assert.Equal("Epoch\tTime\tData Wait\tWait Share", File.ReadLines(Path.Combine(run, "loader.tsv")).First());

            var bench = Run("bench", "loader", "--data", folder, "--augment", "--workers", "2", "--batch-size", "32");
            Assert.True(bench.Code == 0, bench.Err);
            Assert.Matches(@"samples/s: \d+\n?$", bench.Out.TrimEnd() + "\n");
        }
        finally { Directory.Delete(idx, recursive: true); }
    }

    [Fact]
    public void FolderWithATextFile_IsOneLineAndExitCode2_AndSkipBadCountsIt()
    {
        string idx = TestData.SmallFashionFolder(trainPerClass: 3, testPerClass: 1);
        string folder = Path.Combine(_dir, "folder");
        Assert.Equal(0, Run("export", "--data", idx, "--out", folder).Code);
        Directory.Delete(idx, recursive: true);
        string text = Path.Combine(folder, "train", "3-Dress", "README.txt");
        File.WriteAllText(text, "not an image");

        var (code, _, err) = Run("bench", "loader", "--data", folder);
        Assert.Equal(2, code);
        Assert.Equal($"riffle: {text}: not an image SkiaSharp can decode (Unimplemented); remove the file or pass --skip-bad to skip and count such files", err.Trim());

        var skipping = Run("export", "--data", folder, "--skip-bad", "--out", Path.Combine(_dir, "again"));
        Assert.Equal(0, skipping.Code);
        Assert.Contains("skipped 1 file that is not a decodable image (--skip-bad)", skipping.Out);
        Assert.Contains("wrote 30 training and 10 test images", skipping.Out);
    }

    [Fact]
    public void Export_IntoANonEmptyFolder_IsOneLineAndExitCode2()
    {
        File.WriteAllText(Path.Combine(_dir, "x"), "");
        var (code, _, err) = Run("export", "--out", _dir);
        Assert.Equal(2, code);
        Assert.Contains("already exists and is not empty; remove it or pass another --out", err);
    }
}
