using System.Diagnostics;

namespace Riffle.Tests.Distributed;

/// <summary>Runs the built <c>riffle</c> under a real <c>mpirun</c>, with a time limit, and captures what it printed.</summary>
internal static class MpiJob
{
    public static string? Mpirun { get; } = new[] { "/usr/bin/mpirun", "/usr/local/bin/mpirun" }.FirstOrDefault(File.Exists);

    public const string SkipReason = "mpirun is not installed (apt-get install openmpi-bin); multi-process tests need real Open MPI processes";

    /// <summary>The riffle executable built beside these tests (same configuration).</summary>
    public static string Riffle
    {
        get
        {
            string configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name; // bin/<Configuration>/net10.0
            DirectoryInfo? dir = new(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Riffle.slnx"))) dir = dir.Parent;
            string path = Path.Combine(dir?.FullName ?? throw new InvalidOperationException("repository root not found"),
                "src", "Riffle.Cli", "bin", configuration, "net10.0", "riffle");
            return File.Exists(path) ? path : throw new FileNotFoundException($"build src/Riffle.Cli ({configuration}) first", path);
        }
    }

    public sealed record Result(int ExitCode, string Output, string Error, TimeSpan Elapsed);

    /// <summary>Runs <c>mpirun ARGS</c>; kills the job if it outlives <paramref name="limit"/>.</summary>
    public static Result Run(IEnumerable<string> mpirunArgs, TimeSpan limit, IDictionary<string, string>? environment = null)
    {
        var start = new ProcessStartInfo(Mpirun!) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string a in mpirunArgs) start.ArgumentList.Add(a);
        start.Environment["OMPI_ALLOW_RUN_AS_ROOT"] = "1";
        start.Environment["OMPI_ALLOW_RUN_AS_ROOT_CONFIRM"] = "1";
        start.Environment["OMPI_MCA_rmaps_base_oversubscribe"] = "1";
        foreach (var (k, v) in environment ?? new Dictionary<string, string>()) start.Environment[k] = v;
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        Task<string> output = process.StandardOutput.ReadToEndAsync(), error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(limit))
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
            return new Result(-1, output.Result, error.Result + $"\n(killed after {limit})", clock.Elapsed);
        }
        process.WaitForExit();
        return new Result(process.ExitCode, output.Result, error.Result, clock.Elapsed);
    }

    /// <summary><c>mpirun -np N riffle train ARGS</c>.</summary>
    public static Result Train(int ranks, IEnumerable<string> args, TimeSpan? limit = null, IDictionary<string, string>? environment = null) =>
        Run(["-np", ranks.ToString(System.Globalization.CultureInfo.InvariantCulture), Riffle, "train", .. args], limit ?? TimeSpan.FromMinutes(3), environment);
}
