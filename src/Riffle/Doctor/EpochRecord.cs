using Riffle.Training;

namespace Riffle.Doctor;

/// <summary>
/// One epoch as the doctor sees it: the story's columns, any of which a log may lack (null). <c>Epoch</c> is
/// 1-based as in <c>riffle train</c>; accuracies are fractions in [0, 1].
/// </summary>
public sealed record EpochRecord(int Epoch)
{
    public double? Time { get; init; }
    public double? TrainLoss { get; init; }
    public double? TrainAcc { get; init; }
    public double? ValLoss { get; init; }
    public double? ValAcc { get; init; }
    public double? TestLoss { get; init; }
    public double? TestAcc { get; init; }
    public double? LearningRate { get; init; }

    /// <summary>A row of <c>riffle train</c>'s table, with every column present.</summary>
    public static EpochRecord From(EpochMetrics m) => new(m.Epoch)
    {
        Time = m.Time,
        TrainLoss = m.TrainLoss,
        TrainAcc = m.TrainAcc,
        ValLoss = m.ValLoss,
        ValAcc = m.ValAcc,
        TestLoss = m.TestLoss,
        TestAcc = m.TestAcc,
        LearningRate = m.LearningRate,
    };
}
