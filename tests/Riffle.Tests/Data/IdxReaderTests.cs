using Riffle.Data;
using Xunit;

namespace Riffle.Tests.Data;

public class IdxReaderTests : IDisposable
{
    private readonly string _dir = TestData.TempDir();

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private string Write(string name, byte[] bytes)
    {
        string path = Path.Combine(_dir, name);
        File.WriteAllBytes(path, bytes);
        return path;
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void ReadImages_RawOrGzip_ReturnsDimensionsAndPixels(bool gzip)
    {
        byte[] raw = TestData.ImagesFile(3, 2, 4, i => (byte)i);
        string path = Write("images", gzip ? TestData.Gzip(raw) : raw);

        IdxImages images = IdxReader.ReadImages(path);

        Assert.Equal((3, 2, 4), (images.Count, images.Rows, images.Cols));
        Assert.Equal(Enumerable.Range(0, 24).Select(i => (byte)i), images.Pixels);
    }

    [Fact]
    public void ReadLabels_ReturnsLabels()
    {
        string path = Write("labels.gz", TestData.Gzip(TestData.LabelsFile([3, 0, 9])));
        Assert.Equal([3, 0, 9], IdxReader.ReadLabels(path, 10));
    }

    [Fact]
    public void TruncatedGzip_IsAnErrorNamingTheFile()
    {
        byte[] gz = TestData.Gzip(TestData.ImagesFile(50, 28, 28));
        string path = Write("images.gz", gz[..(gz.Length / 2)]);

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Equal(path, e.Path);
        Assert.Contains("truncated", e.Message);
    }

    [Fact]
    public void WrongMagic_IsAnErrorAtOffsetZero()
    {
        string path = Write("images", TestData.ImagesFile(2, 28, 28, magic: IdxReader.LabelsMagic));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Equal(0, e.Offset);
        Assert.Contains("wrong magic number 0x00000801: expected 0x00000803", e.Message);
    }

    [Fact]
    public void FewerPixelsThanDeclared_IsTruncation()
    {
        byte[] raw = TestData.ImagesFile(4, 28, 28);
        string path = Write("images", raw[..^10]);

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadImages(path));

        Assert.Contains("header declares 4 images of 28x28 bytes", e.Message);
    }

    [Fact]
    public void LabelOutOfRange_NamesSampleAndRange()
    {
        string path = Write("labels", TestData.LabelsFile([1, 2, 12]));

        var e = Assert.Throws<DataFormatException>(() => IdxReader.ReadLabels(path, 10));

        Assert.Equal(8 + 2, e.Offset);
        Assert.Contains("label 12 of sample 2 is out of range: labels must be in [0, 9]", e.Message);
    }

    [Fact]
    public void ImageAndLabelCountsThatDiffer_AreAnError()
    {
        Write("train-images-idx3-ubyte", TestData.ImagesFile(5, 28, 28));
        Write("train-labels-idx1-ubyte", TestData.LabelsFile([1, 2, 3, 4]));
        Write("t10k-images-idx3-ubyte", TestData.ImagesFile(2, 28, 28));
        Write("t10k-labels-idx1-ubyte", TestData.LabelsFile([1, 2]));

        var e = Assert.Throws<DataFormatException>(() => IdxFolder.Load(_dir));

        Assert.Contains("has 4 labels but", e.Message);
        Assert.Contains("has 5 images", e.Message);
    }

    [Fact]
    public void MissingFolder_IsAnErrorNamingIt()
    {
        string missing = Path.Combine(_dir, "nope");
        var e = Assert.Throws<DataFormatException>(() => IdxFolder.Load(missing));
        Assert.Equal(missing, e.Path);
        Assert.Contains("folder not found", e.Message);
    }

    [Fact]
    public void FolderWithoutTheFiles_NamesTheMissingFile()
    {
        var e = Assert.Throws<DataFormatException>(() => IdxFolder.Load(_dir));
        Assert.Contains("no train-images-idx3-ubyte or train-images-idx3-ubyte.gz", e.Message);
    }

    [Fact]
    public void EmbeddedSubset_IsStratifiedFashionMnist()
    {
        TrainTestData data = EmbeddedData.FashionMnistSubset();

        Assert.Equal((10_000, 2_000), (data.Train.Count, data.Test.Count));
        Assert.Equal(new ImageShape(1, 28, 28), data.Train.Shape);
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(1000, data.Train.Labels.ToArray().Count(l => l == c)));
        Assert.All(Enumerable.Range(0, 10), c => Assert.Equal(200, data.Test.Labels.ToArray().Count(l => l == c)));
    }
}
