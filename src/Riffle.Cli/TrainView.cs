using System.Globalization;
using Riffle.Doctor;
using Riffle.Training;

namespace Riffle.Cli;

/// <summary>
/// Renders a training run: a preamble, a progress line while an epoch runs (terminals only), and the epoch
/// table, one row as each epoch ends, columns aligned.
/// </summary>
public sealed class TrainView : ITrainingObserver
{
    private static readonly string[] Columns = MetricsTable.Header.Split('\t');
    private readonly TextWriter _out;
    private readonly bool _interactive;
    private bool _progressShown;

    public TrainView(TextWriter output, bool interactive)
    {
        _out = output;
        _interactive = interactive;
    }

    public void Started(RunConfig config, string runPath)
    {
        var o = config.Options;
        _out.WriteLine($"data:    {config.DataSource} (train {config.TrainSamples}, val {config.ValSamples}, test {config.TestSamples}; order {Kebab(o.Order)})");
        _out.WriteLine($"model:   {o.Model}, SGD lr {o.LearningRate} momentum {o.Momentum}, StepLR step {o.LrStep} gamma {o.LrGamma}, batch {o.BatchSize}, {config.Threads} threads, seed {o.Seed}");
        if (config.WorldSize > 1)
            _out.WriteLine($"ranks:   {config.WorldSize} processes, batch {o.BatchSize} per rank, global batch {o.BatchSize * config.WorldSize}");
        _out.WriteLine($"sampler: {config.Sampler}");
        _out.WriteLine($"loader:  {(o.Workers == 0 ? "no workers" : $"{o.Workers} workers, prefetch {o.Prefetch}")}, {(o.Augment ? "augmented (random crop, flip)" : "no augmentation")}{(o.DropLast ? ", drop-last" : "")}");
        if (config.SkippedFiles > 0) _out.WriteLine($"skipped: {config.SkippedFiles} files that are not decodable images (--skip-bad)");
        if (config.EmptyClasses.Count > 0) _out.WriteLine($"empty:   classes without images: {string.Join(", ", config.EmptyClasses)}");
        _out.WriteLine($"run:     {runPath}");
        _out.WriteLine(string.Join("  ", Columns.Select((c, i) => c.PadLeft(Width(i)))));
    }

    public void Progress(StepProgress p)
    {
        if (!_interactive) return;
        _out.Write(string.Create(CultureInfo.InvariantCulture,
            $"\r  epoch {p.Epoch}  batch {p.Batch}/{p.Batches}  {p.SamplesPerSecond:F0} samples/s  loss {p.RunningLoss:F4}   "));
        _progressShown = true;
    }

    public void EpochEnded(EpochMetrics m)
    {
        if (_progressShown) { _out.Write("\r" + new string(' ', 79) + "\r"); _progressShown = false; }
        string[] cells = MetricsTable.Row(m).Split('\t');
        _out.WriteLine(string.Join("  ", cells.Select((c, i) => c.PadLeft(Width(i)))));
    }

    public void Findings(string stage, IReadOnlyList<Riffle.Doctor.Finding> findings)
    {
        if (_progressShown) { _out.Write("\r" + new string(' ', 79) + "\r"); _progressShown = false; }
        if (stage == "pre-flight")
        {
            _out.WriteLine("doctor, pre-flight audit of the loader's order:");
            foreach (var f in findings) _out.Write(Riffle.Doctor.DiagnosisText.Format(f));
            return;
        }
        foreach (var f in findings) _out.WriteLine($"  doctor: {f.Severity.ToName()} {f.Id} ({stage}): {f.Title}");
    }

    public void Diagnosed(Riffle.Doctor.Diagnosis diagnosis, string? stoppedEarly)
    {
        if (stoppedEarly is not null) _out.WriteLine($"stopped: {stoppedEarly}");
        _out.WriteLine();
        _out.Write("doctor, " + Riffle.Doctor.DiagnosisText.Format(diagnosis));
    }

    public void MonitorCost(double monitorSeconds, double trainingSeconds, double warmUpSeconds) =>
        _out.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"doctor: live monitor took {1000 * monitorSeconds:F2} ms over the run, {100 * monitorSeconds / Math.Max(trainingSeconds, 1e-12):F3}% of {trainingSeconds:F2} s training (plus {1000 * warmUpSeconds:F0} ms compiling it once before the first step)"));

    public void Finished(RunDirectory run, IReadOnlyList<EpochMetrics> rows)
    {
        double time = rows.Sum(r => r.Time), wait = rows.Sum(r => r.DataWait);
        _out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"data wait: {wait:F2} s of {time:F2} s training ({100 * wait / Math.Max(time, 1e-12):F1}%)"));
        _out.WriteLine($"metrics: {run.MetricsPath}");
    }

    private static int Width(int column) => Math.Max(Columns[column].Length, 8);
    private static string Kebab(TrainingOrder order) => order == TrainingOrder.ByLabel ? "by-label" : "as-is";
}
