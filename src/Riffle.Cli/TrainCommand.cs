using System.CommandLine;
using Riffle.Training;

namespace Riffle.Cli;

/// <summary><c>riffle train</c>: its options, their defaults, and the call into <see cref="TrainingRun"/>.</summary>
public static class TrainCommand
{
    public static Command Create(TextWriter output)
    {
        var defaults = new TrainOptions();
        var data = new Option<string?>("--data") { Description = "IDX folder (MNIST / Fashion-MNIST layout, raw or .gz) [default: the embedded Fashion-MNIST subset]", HelpName = "dir" };
        var model = new Option<string>("--model") { Description = "Network to train", DefaultValueFactory = _ => defaults.Model };
        model.AcceptOnlyFromAmong([.. Models.Names]);
        var epochs = Positive(new Option<int>("--epochs") { Description = "Epochs to train", DefaultValueFactory = _ => defaults.Epochs });
        var batchSize = Positive(new Option<int>("--batch-size") { Description = "Samples per training batch", DefaultValueFactory = _ => defaults.BatchSize });
        var lr = new Option<double>("--lr") { Description = "Base learning rate of SGD", DefaultValueFactory = _ => defaults.LearningRate };
        lr.Validators.Add(r => { if (!(r.GetValueOrDefault<double>() > 0)) r.AddError($"--lr must be positive, but got {r.GetValueOrDefault<double>()}"); });
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum, in [0, 1)", DefaultValueFactory = _ => defaults.Momentum };
        momentum.Validators.Add(r => { double m = r.GetValueOrDefault<double>(); if (!(m >= 0 && m < 1)) r.AddError($"--momentum must be in [0, 1), but got {m}"); });
        var lrStep = Positive(new Option<int>("--lr-step") { Description = "StepLR: multiply the rate by --lr-gamma every this many epochs", DefaultValueFactory = _ => defaults.LrStep });
        var lrGamma = new Option<double>("--lr-gamma") { Description = "StepLR: factor applied every --lr-step epochs", DefaultValueFactory = _ => defaults.LrGamma };
        lrGamma.Validators.Add(r => { if (!(r.GetValueOrDefault<double>() > 0)) r.AddError($"--lr-gamma must be positive, but got {r.GetValueOrDefault<double>()}"); });
        var shuffle = new Option<bool>("--shuffle") { Description = "Shuffle the training order each epoch (true|false)", DefaultValueFactory = _ => defaults.Shuffle };
        var order = new Option<string>("--order") { Description = "Training set order before sampling: as-is, or by-label (class-sorted, as in the story)", DefaultValueFactory = _ => "as-is" };
        order.AcceptOnlyFromAmong("as-is", "by-label");
        var seed = new Option<long>("--seed") { Description = "Seed of weights, split and shuffling", DefaultValueFactory = _ => defaults.Seed };
        var valFraction = new Option<double>("--val-fraction") { Description = "Share of the training set held out for validation (stratified)", DefaultValueFactory = _ => defaults.ValFraction };
        valFraction.Validators.Add(r => { double f = r.GetValueOrDefault<double>(); if (!(f > 0 && f < 1)) r.AddError($"--val-fraction must be in (0, 1), but got {f}"); });
        var threads = Positive(new Option<int>("--threads") { Description = "libtorch threads", DefaultValueFactory = _ => Environment.ProcessorCount });
        var outDir = new Option<string?>("--out") { Description = "Run folder for metrics.tsv and config.json [default: runs/<timestamp>]", HelpName = "dir" };

        var command = new Command("train", "Train a network and print the epoch table (also written to <out>/metrics.tsv)")
        {
            data, model, epochs, batchSize, lr, momentum, lrStep, lrGamma, shuffle, order, seed, valFraction, threads, outDir,
        };
        command.SetAction(parsed =>
        {
            var options = new TrainOptions
            {
                Data = parsed.GetValue(data),
                Model = parsed.GetValue(model)!,
                Epochs = parsed.GetValue(epochs),
                BatchSize = parsed.GetValue(batchSize),
                LearningRate = parsed.GetValue(lr),
                Momentum = parsed.GetValue(momentum),
                LrStep = parsed.GetValue(lrStep),
                LrGamma = parsed.GetValue(lrGamma),
                Shuffle = parsed.GetValue(shuffle),
                Order = parsed.GetValue(order) == "by-label" ? TrainingOrder.ByLabel : TrainingOrder.AsIs,
                Seed = parsed.GetValue(seed),
                ValFraction = parsed.GetValue(valFraction),
                Threads = parsed.GetValue(threads),
            };
            string outPath = parsed.GetValue(outDir) ?? RunDirectory.DefaultPath(DateTime.Now);
            var view = new TrainView(output, interactive: output == Console.Out && !Console.IsOutputRedirected);
            TrainingRun.Execute(options, outPath, view);
            return 0;
        });
        return command;
    }

    private static Option<int> Positive(Option<int> option)
    {
        option.Validators.Add(r => { int v = r.GetValueOrDefault<int>(); if (v < 1) r.AddError($"{option.Name} must be at least 1, but got {v}"); });
        return option;
    }
}
