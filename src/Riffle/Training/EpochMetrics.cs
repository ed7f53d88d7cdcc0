namespace Riffle.Training;

/// <summary>
/// One row of the epoch table: the story's nine columns. <c>Epoch</c> is 1-based; <c>Time</c> is the seconds spent
/// training; <c>DataWait</c> (not a column of the table) the part of it the training loop spent waiting for batches.
/// </summary>
public sealed record EpochMetrics(
    int Epoch, double Time,
    double TrainLoss, double TrainAcc,
    double ValLoss, double ValAcc,
    double TestLoss, double TestAcc,
    double LearningRate,
    double DataWait = 0);
