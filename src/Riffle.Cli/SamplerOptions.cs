using System.CommandLine;
using Riffle.Training;

namespace Riffle.Cli;

/// <summary>
/// The options that decide the training order a loader emits: batch size, shuffling, the order of the training set, the
/// seed, the validation split and drop-last. Shared by every command that must build the training samplers exactly as
/// <c>riffle train</c> does (<c>riffle doctor audit</c>); names, defaults and rules are <c>riffle train</c>'s.
/// </summary>
internal sealed class SamplerOptions
{
    private static readonly TrainOptions Defaults = new();

    public Option<int> BatchSize { get; } = new Option<int>("--batch-size") { Description = "Samples per training batch", DefaultValueFactory = _ => Defaults.BatchSize }.Positive();

    // System.CommandLine's help omits the default of a bool option, so it is spelled out here.
    public Option<bool> Shuffle { get; } = new("--shuffle")
    {
        Description = $"Shuffle the training order each epoch [default: {(Defaults.Shuffle ? "true" : "false")}]",
        HelpName = "true|false",
        DefaultValueFactory = _ => Defaults.Shuffle,
    };

    public Option<string> Order { get; } = CreateOrder();

    public Option<long> Seed { get; } = new("--seed") { Description = "Seed of weights, split, shuffling and augmentation", DefaultValueFactory = _ => Defaults.Seed };

    public Option<double> ValFraction { get; } = new Option<double>("--val-fraction")
    {
        Description = "Share of the training set held out for validation (stratified)",
        DefaultValueFactory = _ => Defaults.ValFraction,
    }.Require(v => v > 0 && v < 1, "must be in (0, 1)");

    public Option<bool> DropLast { get; } = new("--drop-last") { Description = "Drop the last, smaller training batch of each epoch" };

    public void AddTo(Command command)
    {
        foreach (Option option in new Option[] { BatchSize, Shuffle, Order, Seed, ValFraction, DropLast }) command.Options.Add(option);
    }

    /// <summary><paramref name="options"/> with the sampler settings parsed from the command line.</summary>
    public TrainOptions Apply(ParseResult parsed, TrainOptions options) => options with
    {
        BatchSize = parsed.GetValue(BatchSize),
        Shuffle = parsed.GetValue(Shuffle),
        Order = parsed.GetValue(Order) == "by-label" ? TrainingOrder.ByLabel : TrainingOrder.AsIs,
        Seed = parsed.GetValue(Seed),
        ValFraction = parsed.GetValue(ValFraction),
        DropLast = parsed.GetValue(DropLast),
    };

    /// <summary>The training options these flags and <paramref name="data"/>'s describe, and the data split as <c>riffle train</c> splits it.</summary>
    public (TrainOptions Options, TrainingData Data) Prepare(ParseResult parsed, DataOptions data)
    {
        TrainOptions options = Apply(parsed, new TrainOptions { Data = parsed.GetValue(data.Data), Folder = data.Folder(parsed) });
        return (options, TrainingData.Prepare(options));
    }

    private static Option<string> CreateOrder()
    {
        var order = new Option<string>("--order") { Description = "Training set order before sampling: as-is, or by-label (class-sorted, as in the story)", DefaultValueFactory = _ => "as-is" };
        order.AcceptOnlyFromAmong("as-is", "by-label");
        return order;
    }
}
