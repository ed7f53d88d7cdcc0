namespace Riffle.Training;

/// <summary>What a front end is told while a <see cref="TrainingRun"/> goes on.</summary>
public interface ITrainingObserver
{
    void Started(RunConfig config, string runPath);
    void Progress(StepProgress progress);
    void EpochEnded(EpochMetrics metrics);
    void Finished(RunDirectory run, IReadOnlyList<EpochMetrics> rows);
}
