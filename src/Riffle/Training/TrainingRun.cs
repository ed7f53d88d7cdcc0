namespace Riffle.Training;

/// <summary>
/// One whole run as <c>riffle train</c> does it: validate, load and split the data, write <c>config.json</c>,
/// train, and rewrite <c>metrics.tsv</c> as each epoch ends.
/// </summary>
public static class TrainingRun
{
    public static IReadOnlyList<EpochMetrics> Execute(TrainOptions options, string outPath, ITrainingObserver observer)
    {
        options.Validate();
        TrainingData data = TrainingData.Prepare(options);
        RunDirectory run = RunDirectory.Create(outPath);
        using var trainer = new Trainer(options, data);
        RunConfig config = RunConfig.Describe(options, data, DateTimeOffset.Now);
        run.WriteConfig(config);
        observer.Started(config, run.Path);
        trainer.Step += observer.Progress;
        var rows = new List<EpochMetrics>();
        foreach (EpochMetrics row in trainer.Fit())
        {
            rows.Add(row);
            run.WriteMetrics(rows);
            observer.EpochEnded(row);
        }
        observer.Finished(run, rows);
        return rows;
    }
}
