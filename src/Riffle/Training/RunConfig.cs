namespace Riffle.Training;

/// <summary>What <c>config.json</c> records: every setting, the seed, the data and the software that ran.</summary>
public sealed record RunConfig(
    TrainOptions Options,
    string DataSource,
    int TrainSamples,
    int ValSamples,
    int TestSamples,
    int SkippedFiles,
    IReadOnlyList<string> EmptyClasses,
    int Threads,
    int WorldSize,
    string Sampler,
    string RiffleVersion,
    string TorchSharpVersion,
    DateTimeOffset StartedAt)
{
    public static RunConfig Describe(TrainOptions options, TrainingData data, int worldSize, DateTimeOffset startedAt) => new(
        options,
        data.Source,
        data.Train.Count,
        data.Val.Count,
        data.Test.Count,
        data.Report.Skipped.Count,
        data.Report.EmptyClasses,
        TorchSharp.torch.get_num_threads(),
        worldSize,
        $"DistributedSampler(num_replicas={worldSize}, rank=r, shuffle={options.Shuffle.ToString().ToLowerInvariant()}, seed={options.Seed}, drop_last={options.DropLast.ToString().ToLowerInvariant()})",
        typeof(RunConfig).Assembly.GetName().Version?.ToString() ?? "unknown",
        typeof(TorchSharp.torch).Assembly.GetName().Version?.ToString() ?? "unknown",
        startedAt);
}
