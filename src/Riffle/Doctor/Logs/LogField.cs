namespace Riffle.Doctor.Logs;

/// <summary>The columns of <see cref="EpochRecord"/>, as targets of a log's columns.</summary>
internal enum LogField
{
    Epoch, Time, TrainLoss, TrainAcc, ValLoss, ValAcc, TestLoss, TestAcc, LearningRate,
}
