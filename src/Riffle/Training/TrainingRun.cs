using System.Globalization;
using Riffle.Doctor;
using Riffle.Doctor.Audit;
using Riffle.Doctor.Monitor;
using Riffle.Distributed;

namespace Riffle.Training;

/// <summary>
/// One whole run as <c>riffle train</c> does it: validate, load and split the data, check that all ranks agree on
/// the configuration, audit the loader's order (the doctor), write <c>config.json</c>, train, rewrite
/// <c>metrics.tsv</c> and <c>findings.json</c> as each epoch ends, and let the live monitor watch. Only rank 0
/// writes files and talks to the observer; every decision to stop is taken from global numbers (or shared with an
/// all-reduce), so all ranks stop together.
/// </summary>
public static class TrainingRun
{
    /// <param name="configure">Called with the trainer before the first step (hooks such as fault injection).</param>
    public static TrainingOutcome Execute(TrainOptions options, string outPath, ITrainingObserver observer,
        IProcessGroup? group = null, Action<Trainer>? configure = null)
    {
        options.Validate();
        return Execute(options, TrainingData.Prepare(options), outPath, observer, group, configure);
    }

    /// <summary>A run on data already prepared, with optional <paramref name="hooks"/> (the fault suite's way in).</summary>
    public static TrainingOutcome Execute(TrainOptions options, TrainingData data, string outPath, ITrainingObserver observer,
        IProcessGroup? group = null, Action<Trainer>? configure = null, TrainingHooks? hooks = null)
    {
        group ??= SingleProcessGroup.Instance;
        hooks ??= TrainingHooks.None;
        options.Validate();
        ConfigAgreement.Check(group, Settings(options, data, group));
        bool leader = group.Rank == 0;
        bool doctor = options.Doctor != DoctorMode.Off;

        var findings = new List<Finding>();
        var notRun = new List<CheckNotRun>();
        if (doctor)
        {
            // Every rank audits every rank's order (labels only, milliseconds), so all reach the same verdict.
            AuditReport report = PreflightAudit.ForTraining(options, data, group.WorldSize, hooks);
            findings.AddRange(report.Findings);
            notRun.AddRange(report.NotRun);
            if (OrderLooksRandom(report) is { } random) findings.Add(random);
        }
        var ranker = new CauseRanker([.. CauseRanker.DefaultWeights, .. AuditEvidence.Weights, .. MonitorEvidence.Weights]);
        Diagnosis Diagnose(LiveMonitor? m) => Diagnosis.Of(findings.Concat(m?.Findings ?? []), notRun.Concat(m?.NotRun ?? []), ranker);

        RunDirectory? run = leader ? RunDirectory.Create(outPath) : null;
        if (leader && doctor && findings.Count > 0) observer.Findings("pre-flight", findings);
        if (options.Doctor == DoctorMode.Strict && findings.Any(f => f.Severity == Severity.Error))
        {
            // Identical on every rank: the audit enumerates all ranks' orders.
            const string why = "the pre-flight audit found an error and --doctor strict does not train on it";
            Diagnosis refused = Diagnose(null);
            if (leader) { run!.WriteFindings(refused); observer.Diagnosed(refused, why); }
            return new TrainingOutcome([], refused, why) { StoppedByDoctor = true };
        }

        using var trainer = new Trainer(options, data, group, hooks);
        configure?.Invoke(trainer);
        RunConfig config = RunConfig.Describe(options, data, group.WorldSize, DateTimeOffset.Now);
        if (leader)
        {
            run!.WriteConfig(config);
            observer.Started(config, run.Path);
            trainer.Step += observer.Progress;
        }
        LiveMonitor? monitor = doctor ? new LiveMonitor(data.Train.Classes, ClassShares(data.Val)) : null;
        TimeSpan monitorWarmUp = doctor ? LiveMonitor.WarmUp() : TimeSpan.Zero;
        var rows = new List<EpochMetrics>();
        string? stopped = null;
        bool byDoctor = false;
        trainer.TakeSnapshot();
        for (int epoch = 0; epoch < options.Epochs && stopped is null; epoch++)
        {
            EpochMetrics row = trainer.RunEpoch(epoch);
            rows.Add(row);
            if (leader) { run!.WriteMetrics(rows); observer.EpochEnded(row); }
            if (!double.IsFinite(row.TrainLoss))
            {
                // The loss is global (all-reduced), so every rank takes this branch at the same epoch.
                trainer.RestoreSnapshot();
                stopped = string.Create(CultureInfo.InvariantCulture, $"the training loss of epoch {row.Epoch} is not finite; the weights are back at the end of epoch {row.Epoch - 1}");
            }
            else trainer.TakeSnapshot();
            if (monitor is null) continue;
            IReadOnlyList<Finding> fresh = monitor.Observe(row, trainer.LastEpoch!);
            if (leader && fresh.Count > 0) observer.Findings($"epoch {row.Epoch}", fresh);
            if (leader) run!.WriteFindings(Diagnose(monitor));
            // Step windows are per rank, so a strict stop is agreed on: any rank's error stops all.
            Span<long> error = [options.Doctor == DoctorMode.Strict && fresh.Any(f => f.Severity == Severity.Error) ? 1 : 0];
            group.AllReduce(error, ReduceOp.Max);
            if (error[0] == 1 && stopped is null)
            {
                stopped = $"--doctor strict stopped training at the first error finding (epoch {row.Epoch})";
                byDoctor = true;
            }
        }
        Diagnosis? diagnosis = doctor ? Diagnose(monitor) : null;
        double monitorSeconds = monitor?.Elapsed.TotalSeconds ?? 0;
        if (leader)
        {
            if (diagnosis is not null)
            {
                run!.WriteFindings(diagnosis);
                observer.Diagnosed(diagnosis, stopped);
                observer.MonitorCost(monitorSeconds, rows.Sum(r => r.Time), monitorWarmUp.TotalSeconds);
            }
            observer.Finished(run!, rows);
        }
        return new TrainingOutcome(rows, diagnosis, stopped) { StoppedByDoctor = byDoctor, MonitorSeconds = monitorSeconds };
    }

    private static readonly string[] OrderFindings = [AuditFindingIds.LabelSortedBatches, AuditFindingIds.EpochOrderRepeats, AuditFindingIds.RankClassSkew];

    /// <summary>
    /// Counter-evidence for the monitor's ranking: when the audit checked the emitted order and found nothing wrong,
    /// symptoms like a train/val gap must have another cause than an unshuffled loader.
    /// </summary>
    private static Finding? OrderLooksRandom(AuditReport report)
    {
        if (report.Findings.Any(f => OrderFindings.Contains(f.Id) && f.Severity >= Severity.Warning)) return null;
        if (report.NotRun.Any(n => OrderFindings.Contains(n.Check))) return null;
        return new Finding(MonitorFindingIds.LoaderOrderRandom, Severity.Info, "The loader's label order looks random",
            "the pre-flight audit found no sign of class-sorted batches, a repeated epoch order or a skewed rank",
            "nothing to fix in the order; look elsewhere for the cause of any symptom");
    }

    /// <summary>Each class's share of a split (the accuracy of always answering that class).</summary>
    public static IReadOnlyList<double> ClassShares(Data.ILabeledDataset set)
    {
        var shares = new double[set.Classes.Count];
        foreach (int label in set.Labels) shares[label]++;
        for (int c = 0; c < shares.Length; c++) shares[c] /= Math.Max(1, set.Count);
        return shares;
    }

    /// <summary>What every rank must agree on: the data (sizes and the order of labels), and every setting that shapes training.</summary>
    public static IReadOnlyList<(string Name, string Value)> Settings(TrainOptions o, TrainingData data, IProcessGroup group)
    {
        string I(FormattableString s) => s.ToString(CultureInfo.InvariantCulture);
        return
        [
            ("data", I($"{data.Train.Count}/{data.Val.Count}/{data.Test.Count}/{data.Train.Shape}/{ConfigAgreement.Hash(string.Join(',', data.Train.Labels.ToArray()))}")),
            ("seed", I($"{o.Seed}")),
            ("model", o.Model),
            ("batch-size", I($"{o.BatchSize}")),
            ("epochs", I($"{o.Epochs}")),
            ("optimizer", I($"{o.LearningRate}/{o.Momentum}/{o.LrStep}/{o.LrGamma}")),
            ("sampler", I($"{o.Shuffle}/{o.Order}/{o.DropLast}/{o.ValFraction}")),
            ("augment", I($"{o.Augment}")),
            ("doctor", I($"{o.Doctor}")),
            ("world-size", I($"{group.WorldSize}")),
        ];
    }
}
