namespace Riffle.Data;

/// <summary>A dataset's training and test parts, and where they came from.</summary>
public sealed record TrainTestData(IImageDataset Train, IImageDataset Test, string Source);
