using System.Diagnostics;
using System.Globalization;
using Riffle.Training;

namespace Riffle.Cli;

/// <summary>
/// For fault-tolerance tests only: <c>RIFFLE_FAULT=throw:R:B</c> makes rank R throw after training batch B of the
/// first epoch; <c>RIFFLE_FAULT=kill:R:B</c> makes it kill itself (SIGKILL) there, like a crashed or OOM-killed rank.
/// </summary>
internal static class FaultInjection
{
    public const string Variable = "RIFFLE_FAULT";

    public static void Attach(Trainer trainer)
    {
        string? spec = Environment.GetEnvironmentVariable(Variable);
        if (string.IsNullOrEmpty(spec)) return;
        string[] parts = spec.Split(':');
        if (parts.Length != 3 || parts[0] is not ("throw" or "kill")
            || !int.TryParse(parts[1], CultureInfo.InvariantCulture, out int rank) || !int.TryParse(parts[2], CultureInfo.InvariantCulture, out int batch))
            throw new ArgumentException($"{Variable} must be throw:RANK:BATCH or kill:RANK:BATCH, but got {Variable}={spec}");
        if (trainer.Group.Rank != rank) return;
        trainer.BatchDone += (epoch, done) =>
        {
            if (epoch != 1 || done != batch) return;
            if (parts[0] == "kill") Process.GetCurrentProcess().Kill();
            throw new InvalidOperationException($"injected fault after batch {batch} ({Variable}={spec})");
        };
    }
}
