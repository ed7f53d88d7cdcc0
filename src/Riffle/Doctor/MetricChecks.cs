using Riffle.Doctor.Checks;

namespace Riffle.Doctor;

/// <summary>The metric checks and how to run a set of them over a history.</summary>
public static class MetricChecks
{
    /// <summary>Every metric check, in the order their findings are listed (ids: <see cref="FindingIds.All"/>).</summary>
    public static IReadOnlyList<IMetricCheck> All { get; } =
    [
        new ValAtClassPriorCheck(),
        new TrainValGapCheck(),
        new TrainAccFallingCheck(),
        new ValEqualsTestCheck(),
        new LossNonFiniteCheck(),
        new LossDivergingCheck(),
        new NoLearningCheck(),
        new OverfittingCheck(),
    ];

    /// <summary>Runs <paramref name="checks"/> (default: <see cref="All"/>) and collects their findings and the ones that could not run.</summary>
    public static (IReadOnlyList<Finding> Findings, IReadOnlyList<CheckNotRun> NotRun) Run(EpochHistory history, IEnumerable<IMetricCheck>? checks = null)
    {
        var findings = new List<Finding>();
        var notRun = new List<CheckNotRun>();
        foreach (IMetricCheck check in checks ?? All)
        {
            CheckResult result = check.Run(history);
            if (result.Finding is { } finding) findings.Add(finding);
            if (result.NotRunReason is { } reason) notRun.Add(new CheckNotRun(check.Id, reason));
        }
        return (findings, notRun);
    }
}
