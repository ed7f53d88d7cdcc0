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
        Require(lr, v => v > 0, "must be positive");
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum, in [0, 1)", DefaultValueFactory = _ => defaults.Momentum };
        Require(momentum, v => v >= 0 && v < 1, "must be in [0, 1)");
        var lrStep = Positive(new Option<int>("--lr-step") { Description = "StepLR: multiply the rate by --lr-gamma every this many epochs", DefaultValueFactory = _ => defaults.LrStep });
        var lrGamma = new Option<double>("--lr-gamma") { Description = "StepLR: factor applied every --lr-step epochs", DefaultValueFactory = _ => defaults.LrGamma };
        Require(lrGamma, v => v > 0, "must be positive");
        // System.CommandLine's help omits the default of a bool option, so it is spelled out here.
        var shuffle = new Option<bool>("--shuffle") { Description = $"Shuffle the training order each epoch [default: {(defaults.Shuffle ? "true" : "false")}]", HelpName = "true|false", DefaultValueFactory = _ => defaults.Shuffle };
        var order = new Option<string>("--order") { Description = "Training set order before sampling: as-is, or by-label (class-sorted, as in the story)", DefaultValueFactory = _ => "as-is" };
        order.AcceptOnlyFromAmong("as-is", "by-label");
        var seed = new Option<long>("--seed") { Description = "Seed of weights, split and shuffling", DefaultValueFactory = _ => defaults.Seed };
        var valFraction = new Option<double>("--val-fraction") { Description = "Share of the training set held out for validation (stratified)", DefaultValueFactory = _ => defaults.ValFraction };
        Require(valFraction, v => v > 0 && v < 1, "must be in (0, 1)");
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

    private static Option<int> Positive(Option<int> option) => Require(option, v => v >= 1, "must be at least 1");

    /// <summary>Adds a range check; a value that did not parse already has its own error and is not checked again.</summary>
    private static Option<T> Require<T>(Option<T> option, Func<T, bool> valid, string rule)
    {
        option.Validators.Add(result =>
        {
            T value;
            try { value = result.GetValueOrDefault<T>(); }
            catch (InvalidOperationException) { return; }
            if (!valid(value)) result.AddError(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{option.Name} {rule}, but got {value}"));
        });
        return option;
    }
}
