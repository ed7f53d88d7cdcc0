using Riffle.Doctor;

namespace Riffle.Training;

/// <summary>How a run ended: its rows, the doctor's diagnosis (null with the doctor off), and why it stopped early, if it did.</summary>
public sealed record TrainingOutcome(IReadOnlyList<EpochMetrics> Rows, Diagnosis? Diagnosis, string? StoppedEarly)
{
    /// <summary>True when <c>--doctor strict</c> stopped the run on an error finding (the CLI exits with code 3).</summary>
    public bool StoppedByDoctor { get; init; }

    /// <summary>Seconds the live monitor took over the whole run (its cost, against the rows' training time).</summary>
    public double MonitorSeconds { get; init; }
}
