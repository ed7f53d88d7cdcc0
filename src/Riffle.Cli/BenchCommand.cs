using System.CommandLine;
using System.Globalization;
using Riffle.Data;

namespace Riffle.Cli;

/// <summary><c>riffle bench loader</c>: one shuffled epoch through a loader; the last line is <c>samples/s: X</c>.</summary>
public static class BenchCommand
{
    public static Command Create(TextWriter output)
    {
        var defaults = new LoaderBenchmarkOptions();
        var data = new DataOptions();
        var augment = new Option<bool>("--augment") { Description = "Random crop (padding 4) and horizontal flip" };
        var workers = new Option<int>("--workers") { Description = "Loader worker threads", DefaultValueFactory = _ => defaults.Workers }.NonNegative();
        var batchSize = new Option<int>("--batch-size") { Description = "Samples per batch", DefaultValueFactory = _ => defaults.BatchSize }.Positive();
        var impl = new Option<string>("--impl") { Description = "Whose loader: riffle, or torchsharp (TorchSharp's DataLoader on the same data and transforms)", DefaultValueFactory = _ => defaults.Implementation };
        impl.AcceptOnlyFromAmong([.. LoaderBenchmarkOptions.Implementations]);
        var seed = new Option<long>("--seed") { Description = "Seed of the shuffle and augmentation", DefaultValueFactory = _ => defaults.Seed };
        var loader = new Command("loader", "Run one shuffled epoch of the training set through a loader and print samples/s");
        data.AddTo(loader);
        foreach (Option option in new Option[] { augment, workers, batchSize, impl, seed }) loader.Options.Add(option);
        loader.SetAction(parsed =>
        {
            var (set, report) = DataSource.Load(parsed.GetValue(data.Data), data.Folder(parsed), testFraction: 0.1, seed: 0);
            var options = new LoaderBenchmarkOptions
            {
                Implementation = parsed.GetValue(impl)!,
                BatchSize = parsed.GetValue(batchSize),
                Workers = parsed.GetValue(workers),
                Augment = parsed.GetValue(augment),
                Seed = parsed.GetValue(seed),
            };
            ExportCommand.Report(output, report);
            LoaderBenchmarkResult result = LoaderBenchmark.Run(set.Train, options);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{options.Implementation} loader: {set.Train.Count} samples of {set.Source}, batch {options.BatchSize}, {options.Workers} workers, {(options.Augment ? "augmented" : "not augmented")}: {result.Batches} batches in {result.Seconds:F3} s"));
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"samples/s: {result.SamplesPerSecond:F0}"));
            return 0;
        });
        var command = new Command("bench", "Speed measurements");
        command.Subcommands.Add(loader);
        return command;
    }
}
