using System.CommandLine;
using Riffle.Distributed;
using Riffle.Training;

namespace Riffle.Cli;

/// <summary><c>riffle train</c>: its options, their defaults, and the call into <see cref="TrainingRun"/>.</summary>
public static class TrainCommand
{
    /// <summary>Exit code 3 when <c>--doctor strict</c> stopped the run, else 0.</summary>
    public const int StoppedByDoctor = 3;

    internal static int ExitCode(TrainingOutcome outcome) => outcome.StoppedByDoctor ? StoppedByDoctor : 0;

    public static Command Create(TextWriter output)
    {
        var defaults = new TrainOptions();
        var data = new DataOptions();
        var sampling = new SamplerOptions();
        var model = new Option<string>("--model") { Description = "Network to train", DefaultValueFactory = _ => defaults.Model };
        model.AcceptOnlyFromAmong([.. Models.Names]);
        var epochs = new Option<int>("--epochs") { Description = "Epochs to train", DefaultValueFactory = _ => defaults.Epochs }.Positive();
        var lr = new Option<double>("--lr") { Description = "Base learning rate of SGD", DefaultValueFactory = _ => defaults.LearningRate }.Require(v => v > 0, "must be positive");
        var momentum = new Option<double>("--momentum") { Description = "SGD momentum, in [0, 1)", DefaultValueFactory = _ => defaults.Momentum }.Require(v => v >= 0 && v < 1, "must be in [0, 1)");
        var lrStep = new Option<int>("--lr-step") { Description = "StepLR: multiply the rate by --lr-gamma every this many epochs", DefaultValueFactory = _ => defaults.LrStep }.Positive();
        var lrGamma = new Option<double>("--lr-gamma") { Description = "StepLR: factor applied every --lr-step epochs", DefaultValueFactory = _ => defaults.LrGamma }.Require(v => v > 0, "must be positive");
        var threads = new Option<int>("--threads") { Description = "libtorch threads per process [default: cores / processes on this machine]", DefaultValueFactory = _ => Math.Max(1, Environment.ProcessorCount / MpiProcessGroup.LocalSize) }.Positive();
        var distributed = new Option<bool>("--distributed") { Description = "Train data-parallel over the ranks of an MPI job (automatic under mpirun); --batch-size is per rank" };
        var workers = new Option<int>("--workers") { Description = "Loader threads collating batches ahead of training (0: on the training thread)", DefaultValueFactory = _ => defaults.Workers }.NonNegative();
        var prefetch = new Option<int>("--prefetch") { Description = "Batches each loader worker prepares ahead", DefaultValueFactory = _ => defaults.Prefetch }.Positive();
        var augment = new Option<bool>("--augment") { Description = "Augment training images: random crop (padding 4) and horizontal flip" };
        var doctorMode = new Option<string>("--doctor") { Description = "The doctor: off; warn (audit the loader's order before the first step, watch every epoch, report); strict (as warn, but stop at the first error finding, exit code 3)", DefaultValueFactory = _ => "warn" };
        doctorMode.AcceptOnlyFromAmong("off", "warn", "strict");
        var outDir = new Option<string?>("--out") { Description = "Run folder for metrics.tsv, loader.tsv and config.json [default: runs/<timestamp>]", HelpName = "dir" };

        var command = new Command("train", "Train a network and print the epoch table (also written to <out>/metrics.tsv)");
        data.AddTo(command);
        sampling.AddTo(command);
        foreach (Option option in new Option[] { model, epochs, lr, momentum, lrStep, lrGamma, threads, workers, prefetch, augment, distributed, doctorMode, outDir })
            command.Options.Add(option);
        command.SetAction(parsed =>
        {
            var options = sampling.Apply(parsed, new TrainOptions
            {
                Data = parsed.GetValue(data.Data),
                Folder = data.Folder(parsed),
                Model = parsed.GetValue(model)!,
                Epochs = parsed.GetValue(epochs),
                LearningRate = parsed.GetValue(lr),
                Momentum = parsed.GetValue(momentum),
                LrStep = parsed.GetValue(lrStep),
                LrGamma = parsed.GetValue(lrGamma),
                Threads = parsed.GetValue(threads),
                Workers = parsed.GetValue(workers),
                Prefetch = parsed.GetValue(prefetch),
                Augment = parsed.GetValue(augment),
                Doctor = parsed.GetValue(doctorMode) switch { "off" => DoctorMode.Off, "strict" => DoctorMode.Strict, _ => DoctorMode.Warn },
            });
            string outPath = parsed.GetValue(outDir) ?? RunDirectory.DefaultPath(DateTime.Now);
            bool multi = parsed.GetValue(distributed) || MpiProcessGroup.LaunchedByMpirun;
            if (!multi)
            {
                var view = new TrainView(output, interactive: output == Console.Out && !Console.IsOutputRedirected);
                return ExitCode(TrainingRun.Execute(options, outPath, view, configure: FaultInjection.Attach));
            }
            return DistributedRun.Execute(options, outPath, output, error: parsed.InvocationConfiguration.Error);
        });
        return command;
    }
}
