using System.CommandLine;
using System.Globalization;
using Riffle.Doctor.FaultSuite;

namespace Riffle.Cli;

/// <summary>
/// <c>riffle doctor suite</c>: runs the fault suite (real training runs with injected bugs, and clean runs) and
/// prints each scenario's expected and found top cause, the recall, and the error findings on clean runs.
/// Exit code 0 when every scenario's top cause is the expected one and clean runs have no error finding, else 1.
/// </summary>
internal static class DoctorSuiteCommand
{
    public static Command Create(TextWriter output)
    {
        var only = new Option<string[]>("--scenario") { Description = "Run only these scenarios (repeatable)", HelpName = "name", AllowMultipleArgumentsPerToken = true };
        var seed = new Option<long>("--seed") { Description = "Seed of the fault scenarios", DefaultValueFactory = _ => 42 };
        var outDir = new Option<string?>("--out") { Description = "Folder for each scenario's run [default: a temporary folder, removed afterwards]", HelpName = "dir" };
        var command = new Command("suite", "Run the doctor's fault suite: training runs with injected bugs, each with the cause the doctor must find")
        {
            only, seed, outDir,
        };
        command.SetAction(parsed =>
        {
            string[] names = parsed.GetValue(only) ?? [];
            var unknown = names.Except(FaultSuite.Scenarios.Select(s => s.Name)).ToList();
            if (unknown.Count > 0)
                throw new ArgumentException($"unknown scenario {string.Join(", ", unknown)}; scenarios are {string.Join(", ", FaultSuite.Scenarios.Select(s => s.Name))}");
            var scenarios = names.Length == 0 ? FaultSuite.Scenarios : FaultSuite.Scenarios.Where(s => names.Contains(s.Name)).ToList();
            string? keep = parsed.GetValue(outDir);
            string work = keep ?? Directory.CreateTempSubdirectory("riffle-suite-").FullName;
            try
            {
                output.WriteLine($"{"scenario",-28} {"expected",-26} {"found",-26} {"score",5}  ok  errors  seconds");
                FaultSuiteReport report = FaultSuite.Run(scenarios, work, parsed.GetValue(seed), r => output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"{r.Scenario.Name,-28} {r.Scenario.ExpectedCause,-26} {r.FoundCause,-26} {r.Diagnosis.TopCause.Score,5:F2}  {(r.Correct ? "yes" : "NO "),-3} {r.ErrorFindings,6}  {r.Seconds,7:F1}")));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"recall: {report.FaultsFound}/{report.Faults} fault scenarios with the expected top cause ({report.Recall:P0})"));
                output.WriteLine($"error findings on clean runs: {report.CleanErrorFindings}");
                return report.Passed ? 0 : DoctorCommand.FindingsExitCode;
            }
            finally
            {
                if (keep is null) Directory.Delete(work, recursive: true);
            }
        });
        return command;
    }
}
