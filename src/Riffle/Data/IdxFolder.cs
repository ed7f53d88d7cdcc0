namespace Riffle.Data;

/// <summary>
/// A folder in the layout of MNIST / Fashion-MNIST: <c>train-images-idx3-ubyte</c>, <c>train-labels-idx1-ubyte</c>,
/// <c>t10k-images-idx3-ubyte</c>, <c>t10k-labels-idx1-ubyte</c>, each raw or with <c>.gz</c>.
/// </summary>
public static class IdxFolder
{
    public static readonly IReadOnlyList<string> FashionMnistClasses =
    [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ];

    private static readonly string[] Parts =
        ["train-images-idx3-ubyte", "train-labels-idx1-ubyte", "t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte"];

    /// <summary>True when <paramref name="directory"/> holds the four IDX files (raw or .gz).</summary>
    public static bool Looks(string directory) => Parts.All(p => Find(directory, p) is not null);

    public static TrainTestData Load(string directory, IReadOnlyList<string>? classes = null)
    {
        if (!Directory.Exists(directory))
            throw new DataFormatException(directory,
                "folder not found; pass --data with a folder holding train-images-idx3-ubyte[.gz], train-labels-idx1-ubyte[.gz], t10k-images-idx3-ubyte[.gz] and t10k-labels-idx1-ubyte[.gz]");
        string[] paths = Parts.Select(p => Find(directory, p)
            ?? throw new DataFormatException(directory, $"folder has no {p} or {p}.gz; an IDX data folder needs all of {string.Join(", ", Parts)}")).ToArray();
        classes ??= FashionMnistClasses;
        var train = Build(IdxReader.ReadImages(paths[0]), IdxReader.ReadLabels(paths[1], classes.Count), paths[0], paths[1], classes);
        var test = Build(IdxReader.ReadImages(paths[2]), IdxReader.ReadLabels(paths[3], classes.Count), paths[2], paths[3], classes);
        return new TrainTestData(train, test, Path.GetFullPath(directory));
    }

    internal static InMemoryImageDataset Build(IdxImages images, int[] labels, string imagePath, string labelPath, IReadOnlyList<string> classes)
    {
        if (images.Count != labels.Length)
            throw new DataFormatException(labelPath,
                $"has {labels.Length} labels but {imagePath} has {images.Count} images; the two files must describe the same samples");
        return new InMemoryImageDataset(images.Pixels, labels, new ImageShape(1, images.Rows, images.Cols), classes);
    }

    private static string? Find(string directory, string part)
    {
        foreach (string name in new[] { part, part + ".gz" })
        {
            string path = Path.Combine(directory, name);
            if (File.Exists(path)) return path;
        }
        return null;
    }
}
