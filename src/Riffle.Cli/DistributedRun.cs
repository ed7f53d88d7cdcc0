using Riffle.Distributed;
using Riffle.Training;

namespace Riffle.Cli;

/// <summary>
/// <c>riffle train</c> as one rank of an MPI job: rank 0 renders, the others stay quiet. A rank that fails prints
/// <c>rank R failed: ...</c> and aborts the whole job (MPI_Abort), so no rank is left waiting in a collective.
/// Ranks that disagree on their configuration all refuse to train (exit 2) before the first step.
/// </summary>
internal static class DistributedRun
{
    public static int Execute(TrainOptions options, string outPath, TextWriter output, TextWriter error)
    {
        using MpiProcessGroup group = MpiProcessGroup.Initialize();
        try
        {
            ITrainingObserver view = group.Rank == 0
                ? new TrainView(output, interactive: false) // mpirun hands ranks a pty, but forwards their output line by line
                : SilentObserver.Instance;
            TrainingOutcome outcome = TrainingRun.Execute(options, outPath, view, group, FaultInjection.Attach);
            return TrainCommand.ExitCode(outcome);
        }
        catch (DistributedConfigException e)
        {
            if (group.Rank == 0) error.WriteLine($"riffle: {e.Message}");
            return RiffleCommandLine.UsageError;
        }
        catch (Exception e)
        {
            error.WriteLine($"rank {group.Rank} failed: {e.Message}");
            error.Flush();
            group.Abort(1);
            return 1;
        }
    }
}
