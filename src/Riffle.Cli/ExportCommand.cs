using System.CommandLine;
using Riffle.Data;

namespace Riffle.Cli;

/// <summary><c>riffle export --format folder --out DIR</c>: writes a dataset as a folder-per-class tree of PNG files.</summary>
public static class ExportCommand
{
    public static Command Create(TextWriter output)
    {
        var data = new DataOptions();
        var format = new Option<string>("--format") { Description = "Output format", DefaultValueFactory = _ => "folder" };
        format.AcceptOnlyFromAmong("folder");
        var outDir = new Option<string>("--out") { Description = "Folder to create (must not exist or be empty)", HelpName = "dir", Required = true };
        var command = new Command("export", "Write a dataset (by default the embedded one) as train/ and test/ folders of class folders of PNG files");
        data.AddTo(command);
        command.Options.Add(format);
        command.Options.Add(outDir);
        command.SetAction(parsed =>
        {
            var (set, report) = DataSource.Load(parsed.GetValue(data.Data), data.Folder(parsed), testFraction: 0.1, seed: 0);
            Report(output, report);
            string target = parsed.GetValue(outDir)!;
            FolderExport.Write(set, target);
            output.WriteLine($"wrote {set.Train.Count} training and {set.Test.Count} test images in {set.Train.Classes.Count} class folders to {target}");
            return 0;
        });
        return command;
    }

    /// <summary>Says what loading a folder dataset passed over.</summary>
    internal static void Report(TextWriter output, ImageFolderReport report)
    {
        int n = report.Skipped.Count;
        if (n > 0) output.WriteLine(n == 1 ? "skipped 1 file that is not a decodable image (--skip-bad)" : $"skipped {n} files that are not decodable images (--skip-bad)");
        if (report.EmptyClasses.Count > 0) output.WriteLine($"classes without images: {string.Join(", ", report.EmptyClasses)}");
    }
}
