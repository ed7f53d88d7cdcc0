namespace Riffle.Training;

/// <summary>One row of the epoch table: the story's nine columns. <c>Epoch</c> is 1-based; <c>Time</c> is the seconds spent training.</summary>
public sealed record EpochMetrics(
    int Epoch, double Time,
    double TrainLoss, double TrainAcc,
    double ValLoss, double ValAcc,
    double TestLoss, double TestAcc,
    double LearningRate);
