namespace Riffle.Data;

/// <summary>
/// Resolves <c>--data</c>: nothing means the embedded Fashion-MNIST subset; an IDX folder (MNIST layout) is read as
/// such; any other folder is a folder-per-class dataset, either with <c>train/</c> and <c>test/</c> sub-folders of
/// class folders, or class folders directly (then a stratified test split of <c>testFraction</c> is held out).
/// </summary>
public static class DataSource
{
    public static (TrainTestData Data, ImageFolderReport Report) Load(string? path, ImageFolderOptions folder, double testFraction, long seed)
    {
        if (path is null) return (EmbeddedData.FashionMnistSubset(), ImageFolderReport.None);
        if (!Directory.Exists(path))
            throw new DataFormatException(path,
                "folder not found; pass --data with an IDX folder (train-images-idx3-ubyte[.gz] and the other three files) or a folder of class folders");
        if (IdxFolder.Looks(path)) return (IdxFolder.Load(path), ImageFolderReport.None);

        string train = Path.Combine(path, "train"), test = Path.Combine(path, "test");
        if (Directory.Exists(train))
        {
            var (trainSet, trainReport) = ImageFolder.Load(train, folder);
            if (!Directory.Exists(test))
                throw new DataFormatException(path, "has train/ but no test/; add test/ with the same class folders, or put the class folders directly in the data folder");
            var (testSet, testReport) = ImageFolder.Load(test, folder, trainSet.Classes);
            return (new TrainTestData(trainSet, testSet, Path.GetFullPath(path)), trainReport.Merge(testReport));
        }
        if (Directory.GetFiles(path).Any(f => Path.GetFileName(f).Contains("idx", StringComparison.OrdinalIgnoreCase)))
            IdxFolder.Load(path); // a partial IDX folder: let the IDX loader name the missing file
        var (all, report) = ImageFolder.Load(path, folder);
        var (keep, held) = Splits.Stratified(all.Labels, all.Classes.Count, testFraction, seed ^ 0x7E57);
        return (new TrainTestData(new Subset(all, keep), new Subset(all, held), Path.GetFullPath(path)), report);
    }
}
