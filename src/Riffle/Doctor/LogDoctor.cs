using Riffle.Doctor.Logs;

namespace Riffle.Doctor;

/// <summary>
/// The doctor of <c>riffle doctor log</c>: runs the metric checks on a log's history and ranks the causes. A log
/// holds only per-epoch numbers, so the checks that need more are listed as not run, with what they need.
/// </summary>
public static class LogDoctor
{
    /// <summary>Checks that need data no metrics log holds (the pre-flight audit and the live monitor have it).</summary>
    public static IReadOnlyList<CheckNotRun> NeedsMoreData { get; } =
    [
        new("label-order",
            "needs the training loader's label order (which classes each batch holds); a metrics log does not record it, but riffle doctor audit (and riffle train) checks it before the first step"),
        new("prediction-histogram",
            "needs the classes predicted on the validation set, to confirm a one-class answer; a metrics log does not record them"),
        new("per-step-metrics",
            "needs training loss and accuracy per step in order, to see accuracy jump as each class block starts; the log is read per epoch"),
    ];

    /// <summary>Diagnoses <paramref name="log"/>; <paramref name="classes"/> is the number of classes when the user knows it.</summary>
    public static Diagnosis Diagnose(MetricsLog log, int? classes = null, CauseRanker? ranker = null) =>
        Diagnose(log.History with { Classes = classes ?? log.History.Classes }, ranker);

    public static Diagnosis Diagnose(EpochHistory history, CauseRanker? ranker = null)
    {
        var (findings, notRun) = MetricChecks.Run(history);
        return Diagnosis.Of(findings, [.. notRun, .. NeedsMoreData], ranker);
    }
}
