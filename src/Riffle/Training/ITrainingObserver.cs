namespace Riffle.Training;

/// <summary>What a front end is told while a <see cref="TrainingRun"/> goes on.</summary>
public interface ITrainingObserver
{
    void Started(RunConfig config, string runPath);
    void Progress(StepProgress progress);
    void EpochEnded(EpochMetrics metrics);
    void Finished(RunDirectory run, IReadOnlyList<EpochMetrics> rows);

    /// <summary>Findings the doctor has just made: <paramref name="stage"/> is <c>pre-flight</c> or <c>epoch N</c>.</summary>
    void Findings(string stage, IReadOnlyList<Riffle.Doctor.Finding> findings);

    /// <summary>The doctor's conclusion at the end of the run (or when it stopped the run).</summary>
    void Diagnosed(Riffle.Doctor.Diagnosis diagnosis, string? stoppedEarly);

    /// <summary>What the live monitor cost: its seconds against the seconds spent training, and its one-time warm-up before training.</summary>
    void MonitorCost(double monitorSeconds, double trainingSeconds, double warmUpSeconds) { }
}
