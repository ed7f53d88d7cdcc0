using System.CommandLine;
using System.Globalization;
using Riffle.Doctor;
using Riffle.Doctor.Audit;
using Riffle.Doctor.Logs;
using Riffle.Training;

namespace Riffle.Cli;

/// <summary>
/// <c>riffle doctor log FILE [--json] [--classes N]</c>: reads a metrics log, diagnoses it, prints the diagnosis.
/// <c>riffle doctor audit [data and sampler options of riffle train] [--ranks N] [--json]</c>: the pre-flight audit of
/// the label order the training loader will emit, and of the splits.
/// Exit codes: 0 healthy, 1 findings of warning or error, 2 a user error (one line on stderr).
/// </summary>
public static class DoctorCommand
{
    /// <summary>The exit code when the diagnosis has a warning or an error.</summary>
    public const int FindingsExitCode = 1;

    public static Command Create(TextWriter output)
    {
        var command = new Command("doctor", "Name silent training bugs: audit the order a loader will emit, diagnose a finished run's metrics log, run the fault suite");
        command.Subcommands.Add(CreateLog(output));
        command.Subcommands.Add(CreateAudit(output));
        command.Subcommands.Add(DoctorSuiteCommand.Create(output));
        return command;
    }

    private static Command CreateAudit(TextWriter output)
    {
        var data = new DataOptions();
        var sampler = new SamplerOptions();
        var ranks = new Option<int>("--ranks") { Description = "Audit N ranks of a data-parallel run (riffle train under mpirun -np N)", DefaultValueFactory = _ => 1, HelpName = "n" }.Positive();
        var json = new Option<bool>("--json") { Description = "Print the diagnosis as JSON (causes, findings, notRun)" };
        var command = new Command("audit",
            "Before training: check the label order the training loader will emit on every rank over two epochs, and the splits; " +
            "exit code 0 when healthy, 1 when there are findings");
        data.AddTo(command);
        sampler.AddTo(command);
        command.Options.Add(ranks);
        command.Options.Add(json);
        command.SetAction(parsed =>
        {
            var (options, prepared) = sampler.Prepare(parsed, data);
            int worldSize = parsed.GetValue(ranks);
            AuditReport report = PreflightAudit.ForTraining(options, prepared, worldSize);
            Diagnosis diagnosis = report.Diagnose();
            if (parsed.GetValue(json))
            {
                output.Write(DiagnosisJson.Format(diagnosis));
            }
            else
            {
                ExportCommand.Report(output, prepared.Report);
                output.Write(Describe(options, prepared, report) + "\n" + DiagnosisText.Format(diagnosis));
                output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"\naudit: {report.Elapsed.TotalMilliseconds:F1} ms after loading the data (pixel hashing {report.Measurements.HashMilliseconds:F1} ms of it, on a second thread)"));
            }
            return diagnosis.HasProblems ? FindingsExitCode : 0;
        });
        return command;
    }

    /// <summary>What was audited: the data and its splits, then the loader as the trainer will build it.</summary>
    private static string Describe(TrainOptions options, TrainingData data, AuditReport report)
    {
        int w = report.Measurements.WorldSize;
        var shape = data.Train.Shape;
        return string.Create(CultureInfo.InvariantCulture,
            $"audit: {data.Source}: train {data.Train.Count:N0}, val {data.Val.Count:N0}, test {data.Test.Count:N0} ({shape}, {data.Train.Classes.Count} classes)\n" +
            $"       loader: DistributedSampler(shuffle={(options.Shuffle ? "true" : "false")}, seed={options.Seed}, drop_last={(options.DropLast ? "true" : "false")}) " +
            $"on {w} rank{(w == 1 ? "" : "s")}, batches of {options.BatchSize}, order {(options.Order == TrainingOrder.ByLabel ? "by-label" : "as-is")}; " +
            $"labels of {report.Measurements.Epochs} epochs\n");
    }

    private static Command CreateLog(TextWriter output)
    {
        var file = new Argument<string>("file")
        {
            Description = "The metrics log: riffle's metrics.tsv, the story's epoch table, a Keras CSVLogger log or a Lightning metrics.csv",
        };
        var json = new Option<bool>("--json") { Description = "Print the diagnosis as JSON (causes, findings, notRun)" };
        // Option<int>, not int?: a parse error would name the type System.Nullable`1[System.Int32]. Absent means unknown.
        var classes = new Option<int>("--classes") { Description = "Number of classes, to compare with chance (1/C, ln C)", HelpName = "n" };
        classes.Validators.Add(result =>
        {
            int value;
            try { value = result.GetValueOrDefault<int>(); }
            catch (InvalidOperationException) { return; } // did not parse: that error is already reported
            if (value < 2) result.AddError(string.Create(CultureInfo.InvariantCulture, $"--classes must be at least 2, but got {value}"));
        });

        var command = new Command("log", "Diagnose a metrics log; exit code 0 when healthy, 1 when there are findings")
        {
            file, json, classes,
        };
        command.SetAction(parsed =>
        {
            MetricsLog log = MetricsLogReader.Read(parsed.GetValue(file)!);
            Diagnosis diagnosis = LogDoctor.Diagnose(log, parsed.GetResult(classes) is null ? null : parsed.GetValue(classes));
            if (parsed.GetValue(json)) output.Write(DiagnosisJson.Format(diagnosis));
            else output.Write(Describe(log) + "\n" + DiagnosisText.Format(diagnosis));
            return diagnosis.HasProblems ? FindingsExitCode : 0;
        });
        return command;
    }

    /// <summary>What was read: "log: PATH (epoch table, 8 epochs: 1-8)" and a line per note or ignored column.</summary>
    private static string Describe(MetricsLog log)
    {
        var epochs = log.History.Epochs;
        string text = string.Create(CultureInfo.InvariantCulture,
            $"log: {log.Path} ({log.FormatName}, {epochs.Count} epoch{(epochs.Count == 1 ? "" : "s")}: {epochs[0].Epoch}-{epochs[^1].Epoch})\n");
        foreach (string note in log.Notes) text += $"     {note}\n";
        if (log.IgnoredColumns.Count > 0) text += $"     columns not used: {string.Join(", ", log.IgnoredColumns)}\n";
        return text;
    }
}
