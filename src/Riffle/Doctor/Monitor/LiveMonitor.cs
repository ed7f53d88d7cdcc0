using System.Diagnostics;
using Riffle.Training;

namespace Riffle.Doctor.Monitor;

/// <summary>
/// Watches a training run epoch by epoch: the metric checks over the history so far (the same checks as
/// <c>riffle doctor log</c>), plus what only a live run shows: the histogram of validation predictions and the
/// accuracy per step window. <see cref="Observe"/> returns the findings that are new this epoch (a new id, or a
/// warning that became an error); <see cref="Findings"/> holds the latest version of each.
/// </summary>
public sealed class LiveMonitor
{
    private readonly List<EpochMetrics> _rows = [];
    private readonly Dictionary<string, Finding> _latest = [];
    private readonly Dictionary<string, CheckNotRun> _notRun = [];
    private readonly IReadOnlyList<string> _classes;
    private readonly IReadOnlyList<double> _valShares;
    private long _elapsedTicks;

    public LiveMonitor(IReadOnlyList<string> classes, IReadOnlyList<double> valClassShares)
    {
        _classes = classes;
        _valShares = valClassShares;
    }

    /// <summary>Findings so far, the latest version of each, errors first.</summary>
    public IReadOnlyList<Finding> Findings => _latest.Values.OrderByDescending(f => f.Severity).ToList();

    /// <summary>Checks that could not run on this run's data, with the reason.</summary>
    public IReadOnlyList<CheckNotRun> NotRun => _notRun.Values.ToList();

    /// <summary>Time spent in the monitor so far.</summary>
    public TimeSpan Elapsed => Stopwatch.GetElapsedTime(0, _elapsedTicks);

    public IReadOnlyList<Finding> Observe(EpochMetrics metrics, EpochDetail detail)
    {
        long start = Stopwatch.GetTimestamp();
        _notRun.Clear(); // what could not run is judged on the history as it stands now
        _rows.Add(metrics);
        var history = EpochHistory.From(_rows) with { Classes = _classes.Count >= 2 ? _classes.Count : null, ValClassShares = _valShares };
        var (findings, notRun) = MetricChecks.Run(history);
        var current = new List<Finding>(findings);
        if (ValAboveTrainCheck.Run(_rows) is { } valAbove) current.Add(valAbove);
        if (ValLossBlowupCheck.Run(_rows) is { } blowup) current.Add(blowup);
        if (PredictionCollapseCheck.Run(detail.Val.PredictionCounts, _classes, metrics.Epoch) is { } collapse) current.Add(collapse);
        if (PeriodicMetricsCheck.Run(detail.StepCorrect, detail.StepSize, metrics.Epoch, out string? why) is { } periodic) current.Add(periodic);
        else if (why is not null) _notRun[MonitorFindingIds.PeriodicMetrics] = new CheckNotRun(MonitorFindingIds.PeriodicMetrics, why);
        foreach (CheckNotRun n in notRun) _notRun[n.Check] = n;

        var fresh = new List<Finding>();
        foreach (Finding f in current)
        {
            _notRun.Remove(f.Id);
            if (!_latest.TryGetValue(f.Id, out Finding? before) || f.Severity > before.Severity) fresh.Add(f);
            // Keep the strongest version seen: a warning once an error stays an error in the report.
            if (before is null || f.Severity >= before.Severity) _latest[f.Id] = f;
        }
        _elapsedTicks += Stopwatch.GetTimestamp() - start;
        return fresh;
    }
}
