using Riffle.Data;
using Xunit;

namespace Riffle.Tests.Data;

public class ImageFolderTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    /// <summary>Exports 3 training and 2 test images of each of the 10 classes of the embedded subset as PNG folders.</summary>
    private (string Root, TrainTestData Source) Export()
    {
        TrainTestData embedded = EmbeddedData.FashionMnistSubset();
        IImageDataset Pick(IImageDataset set, int perClass)
        {
            var taken = new int[10];
            var chosen = Enumerable.Range(0, set.Count).Where(i => taken[set.Labels[i]]++ < perClass).ToArray();
            return new Subset(set, chosen);
        }
        var source = new TrainTestData(Pick(embedded.Train, 3), Pick(embedded.Test, 2), "test");
        string root = Path.Combine(_dir, "export");
        FolderExport.Write(source, root);
        return (root, source);
    }

    [Fact]
    public void ExportThenLoad_RoundTripsPixelsLabelsAndClassOrder()
    {
        var (root, source) = Export();

        var (data, report) = DataSource.Load(root, new ImageFolderOptions(), testFraction: 0.1, seed: 0);

        Assert.Empty(report.Skipped);
        Assert.Equal(["0-T-shirt-top", "1-Trouser", "2-Pullover", "3-Dress", "4-Coat", "5-Sandal", "6-Shirt", "7-Sneaker", "8-Bag", "9-Ankle-boot"], data.Train.Classes);
        Assert.Equal((30, 20), (data.Train.Count, data.Test.Count));
        // Listed class by class, in the order of the file names, which is the source order within each class.
        int[] expected = Enumerable.Range(0, source.Train.Count).OrderBy(i => source.Train.Labels[i]).ToArray();
        Assert.Equal(expected.Select(i => source.Train.Labels[i]), data.Train.Labels.ToArray());
        for (int k = 0; k < expected.Length; k++)
            Assert.Equal(source.Train.GetPixels(expected[k]).ToArray(), data.Train.GetPixels(k).ToArray());
    }

    [Fact]
    public void Rgb_AndResize_GiveTheAskedShape()
    {
        var (root, _) = Export();
        var (set, _) = ImageFolder.Load(Path.Combine(root, "train"), new ImageFolderOptions { Size = 14, Channels = 3 });
        Assert.Equal(new ImageShape(3, 14, 14), set.Shape);
        // A gray PNG decodes to three equal planes.
        ReadOnlySpan<byte> pixels = set.GetPixels(0);
        Assert.Equal(pixels[..196].ToArray(), pixels[196..392].ToArray());
    }

    [Fact]
    public void MissingFolder_IsAnError()
    {
        var e = Assert.Throws<DataFormatException>(() => ImageFolder.Load(Path.Combine(_dir, "none"), new ImageFolderOptions()));
        Assert.Contains("folder not found", e.Message);
    }

    [Fact]
    public void EmptyClass_IsAnError_OrReportedWithSkipBad()
    {
        var (root, _) = Export();
        string train = Path.Combine(root, "train");
        Directory.CreateDirectory(Path.Combine(train, "99-empty"));

        var e = Assert.Throws<DataFormatException>(() => ImageFolder.Load(train, new ImageFolderOptions()));
        Assert.EndsWith("99-empty", e.Path);
        Assert.Contains("class folder has no images", e.Message);

        var (set, report) = ImageFolder.Load(train, new ImageFolderOptions { SkipBad = true });
        Assert.Equal(["99-empty"], report.EmptyClasses);
        Assert.Equal(11, set.Classes.Count);
    }

    [Theory]
    [InlineData("corrupt.png", "corrupt image data")]
    [InlineData("notes.txt", "not an image SkiaSharp can decode")]
    public void BadFile_IsAnErrorNamingIt_OrSkippedAndCountedWithSkipBad(string name, string expected)
    {
        var (root, _) = Export();
        string train = Path.Combine(root, "train");
        string bad = Path.Combine(train, "1-Trouser", name);
        if (name.EndsWith(".png"))
        {
            byte[] png = File.ReadAllBytes(Directory.GetFiles(Path.Combine(train, "1-Trouser"))[0]);
            File.WriteAllBytes(bad, png[..(png.Length / 2)]); // a PNG cut in half
        }
        else File.WriteAllText(bad, "labels were checked by hand on 2024-08-18\n");

        var e = Assert.Throws<DataFormatException>(() => ImageFolder.Load(train, new ImageFolderOptions()));
        Assert.Equal(bad, e.Path);
        Assert.Contains(expected, e.Message);
        Assert.Contains("--skip-bad", e.Message);

        var (set, report) = ImageFolder.Load(train, new ImageFolderOptions { SkipBad = true });
        var skipped = Assert.Single(report.Skipped);
        Assert.Equal(bad, skipped.Path);
        Assert.Equal(30, set.Count);
    }

    [Fact]
    public void Export_RefusesANonEmptyTarget()
    {
        var (root, source) = Export();
        var e = Assert.Throws<IOException>(() => FolderExport.Write(source, root));
        Assert.Contains("already exists and is not empty", e.Message);
    }
}
