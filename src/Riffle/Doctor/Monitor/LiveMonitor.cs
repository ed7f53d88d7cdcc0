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

    /// <summary>
    /// Runs a throwaway monitor over a synthetic story-like and a healthy history, so that the checks' code is compiled
    /// before training starts (a one-time cost of about 0.1 s with tiered compilation off) and does not land on an epoch.
    /// Returns the time it took.
    /// </summary>
    public static TimeSpan WarmUp()
    {
        long start = Stopwatch.GetTimestamp();
        string[] classes = ["a", "b", "c"];
        int[] blocks = Enumerable.Range(0, 60).Select(s => s % 10 < 3 ? 0 : 64).ToArray();
        var detail = new EpochDetail(blocks, Enumerable.Repeat(64, 60).ToArray(), new Evaluation(3, 0.33, 90, [90, 0, 0]), new Evaluation(3, 0.33, 90, [90, 0, 0]));
        var story = new LiveMonitor(classes, [1 / 3.0, 1 / 3.0, 1 / 3.0]);
        var healthy = new LiveMonitor(classes, [1 / 3.0, 1 / 3.0, 1 / 3.0]);
        for (int e = 1; e <= 6; e++)
        {
            story.Observe(new EpochMetrics(e, 1, 0.01 * e, 0.9 - 0.05 * e, 9 * e, 1 / 3.0, 9 * e, 1 / 3.0, 0.01), detail);
            healthy.Observe(new EpochMetrics(e, 1, 1.0 / e, 0.5 + 0.05 * e, 1.0 / e, 0.5 + 0.05 * e, 1.1 / e, 0.5 + 0.04 * e, 0.01), detail with { StepCorrect = Enumerable.Repeat(40, 60).ToArray() });
        }
        _ = Diagnosis.Of(story.Findings, story.NotRun);
        return Stopwatch.GetElapsedTime(start);
    }

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
