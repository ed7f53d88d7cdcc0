using Riffle.Data;

namespace Riffle.Training;

/// <summary>The three splits a run uses. The training split is already in its <see cref="TrainingOrder"/>.</summary>
public sealed record TrainingData(IImageDataset Train, IImageDataset Val, IImageDataset Test, string Source, ImageFolderReport Report)
{
    /// <summary>
    /// Loads the data named by <paramref name="options"/>, cuts a stratified validation split from the training
    /// set (seeded, independent of the order), and orders what remains as asked.
    /// </summary>
    public static TrainingData Prepare(TrainOptions options)
    {
        var (data, report) = DataSource.Load(options.Data, options.Folder, options.ValFraction, options.Seed);
        return From(data, options, report);
    }

    /// <summary>Splits already loaded data as <see cref="Prepare"/> does.</summary>
    public static TrainingData From(TrainTestData data, TrainOptions options, ImageFolderReport? report = null)
    {
        var (keep, held) = Splits.Stratified(data.Train.Labels, data.Train.Classes.Count, options.ValFraction, options.Seed);
        if (keep.Length == 0 || held.Length == 0)
            throw new DataFormatException(data.Source, $"the training set of {data.Train.Count} samples is too small for a validation split of {options.ValFraction}");
        var train = new Subset(data.Train, keep);
        if (options.Order == TrainingOrder.ByLabel)
        {
            int[] sorted = Splits.OrderByLabel(train.Labels);
            train = new Subset(data.Train, sorted.Select(i => keep[i]).ToArray());
        }
        return new TrainingData(train, new Subset(data.Train, held), data.Test, data.Source, report ?? ImageFolderReport.None);
    }
}
