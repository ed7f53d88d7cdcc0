using System.Globalization;
using Riffle.Distributed;

namespace Riffle.Training;

/// <summary>
/// One whole run as <c>riffle train</c> does it: validate, load and split the data, check that all ranks agree on
/// the configuration, write <c>config.json</c>, train, and rewrite <c>metrics.tsv</c> as each epoch ends. Only rank 0
/// writes files and talks to the observer.
/// </summary>
public static class TrainingRun
{
    /// <param name="configure">Called with the trainer before the first step (hooks such as monitors).</param>
    public static IReadOnlyList<EpochMetrics> Execute(TrainOptions options, string outPath, ITrainingObserver observer,
        IProcessGroup? group = null, Action<Trainer>? configure = null)
    {
        group ??= SingleProcessGroup.Instance;
        options.Validate();
        TrainingData data = TrainingData.Prepare(options);
        ConfigAgreement.Check(group, Settings(options, data, group));
        bool leader = group.Rank == 0;
        RunDirectory? run = leader ? RunDirectory.Create(outPath) : null;
        using var trainer = new Trainer(options, data, group);
        configure?.Invoke(trainer);
        RunConfig config = RunConfig.Describe(options, data, group.WorldSize, DateTimeOffset.Now);
        if (leader)
        {
            run!.WriteConfig(config);
            observer.Started(config, run.Path);
            trainer.Step += observer.Progress;
        }
        var rows = new List<EpochMetrics>();
        foreach (EpochMetrics row in trainer.Fit())
        {
            rows.Add(row);
            if (!leader) continue;
            run!.WriteMetrics(rows);
            observer.EpochEnded(row);
        }
        if (leader) observer.Finished(run!, rows);
        return rows;
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
            ("world-size", I($"{group.WorldSize}")),
        ];
    }
}
