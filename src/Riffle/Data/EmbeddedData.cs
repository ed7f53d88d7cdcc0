namespace Riffle.Data;

/// <summary>
/// The default dataset shipped inside Riffle.dll: a stratified subset of Fashion-MNIST (10,000 training and
/// 2,000 test images, 1,000 and 200 per class), made by <c>tools/make-default-data.py</c> from the Debian package
/// <c>dataset-fashion-mnist</c>. Fashion-MNIST is (c) Zalando SE, MIT licence; see <c>data/LICENSE-fashion-mnist</c>.
/// </summary>
public static class EmbeddedData
{
    public const string Name = "embedded:fashion-mnist-subset";

    public static TrainTestData FashionMnistSubset()
    {
        var classes = IdxFolder.FashionMnistClasses;
        var train = IdxFolder.Build(
            IdxReader.ReadImages(Open("train-images-idx3-ubyte.gz"), Name + "/train-images-idx3-ubyte.gz"),
            IdxReader.ReadLabels(Open("train-labels-idx1-ubyte.gz"), Name + "/train-labels-idx1-ubyte.gz", classes.Count),
            "train-images", "train-labels", classes);
        var test = IdxFolder.Build(
            IdxReader.ReadImages(Open("t10k-images-idx3-ubyte.gz"), Name + "/t10k-images-idx3-ubyte.gz"),
            IdxReader.ReadLabels(Open("t10k-labels-idx1-ubyte.gz"), Name + "/t10k-labels-idx1-ubyte.gz", classes.Count),
            "t10k-images", "t10k-labels", classes);
        return new TrainTestData(train, test, Name);
    }

    private static Stream Open(string file) =>
        typeof(EmbeddedData).Assembly.GetManifestResourceStream("Riffle.EmbeddedData." + file)
        ?? throw new InvalidOperationException($"Riffle.dll was built without its embedded resource {file}");
}
