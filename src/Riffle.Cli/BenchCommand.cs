using System.CommandLine;
using System.Globalization;
using Riffle.Data;
using Riffle.Doctor.Audit;
using Riffle.Training;

namespace Riffle.Cli;

/// <summary>
/// <c>riffle bench loader</c>: one shuffled epoch through a loader; the last line is <c>samples/s: X</c>.
/// <c>riffle bench audit</c>: the pre-flight audit, repeated in one process; the last line is
/// <c>audit: first X ms, then median Y ms</c>.
/// </summary>
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
        command.Subcommands.Add(CreateAudit(output));
        return command;
    }

    private static Command CreateAudit(TextWriter output)
    {
        var data = new DataOptions();
        var sampler = new SamplerOptions();
        var ranks = new Option<int>("--ranks") { Description = "Audit N ranks of a data-parallel run", DefaultValueFactory = _ => 1, HelpName = "n" }.Positive();
        var repeat = new Option<int>("--repeat") { Description = "Audits to run in this process (the first one includes compiling the audit's code)", DefaultValueFactory = _ => 5, HelpName = "n" }.Positive();
        var audit = new Command("audit", "Time riffle doctor audit's pre-flight audit after the data is loaded: the first run, then the median of the others");
        data.AddTo(audit);
        sampler.AddTo(audit);
        audit.Options.Add(ranks);
        audit.Options.Add(repeat);
        audit.SetAction(parsed =>
        {
            var (options, prepared) = sampler.Prepare(parsed, data);
            int worldSize = parsed.GetValue(ranks), runs = parsed.GetValue(repeat);
            ExportCommand.Report(output, prepared.Report);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"audit of {prepared.Source}: train {prepared.Train.Count:N0}, val {prepared.Val.Count:N0}, test {prepared.Test.Count:N0}, {worldSize} rank{(worldSize == 1 ? "" : "s")}, batches of {options.BatchSize}"));
            var times = new double[runs];
            for (int run = 0; run < runs; run++)
            {
                AuditReport report = PreflightAudit.ForTraining(options, prepared, worldSize);
                times[run] = report.Elapsed.TotalMilliseconds;
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"run {run + 1}: {times[run]:F1} ms (pixel hashing {report.Measurements.HashMilliseconds:F1} ms of it, on a second thread), {report.Findings.Count} findings{(run == 0 ? "; compiling the audit's code included" : "")}"));
            }
            string then = runs == 1 ? "" : string.Create(CultureInfo.InvariantCulture, $", then median {Median(times[1..]):F1} ms");
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"audit: first {times[0]:F1} ms{then}"));
            return 0;
        });
        return audit;
    }

    private static double Median(double[] values)
    {
        double[] sorted = [.. values.Order()];
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
