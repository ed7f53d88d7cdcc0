using Riffle.Doctor;

namespace Riffle.Training;

/// <summary>An observer that shows nothing: ranks other than 0, and runs made by programs (the fault suite).</summary>
public sealed class SilentObserver : ITrainingObserver
{
    public static readonly SilentObserver Instance = new();

    private SilentObserver() { }

    public void Started(RunConfig config, string runPath) { }
    public void Progress(StepProgress progress) { }
    public void EpochEnded(EpochMetrics metrics) { }
    public void Finished(RunDirectory run, IReadOnlyList<EpochMetrics> rows) { }
    public void Findings(string stage, IReadOnlyList<Finding> findings) { }
    public void Diagnosed(Diagnosis diagnosis, string? stoppedEarly) { }
}
