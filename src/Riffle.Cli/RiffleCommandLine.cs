using System.CommandLine;
using System.CommandLine.Parsing;
using Riffle.Data;

namespace Riffle.Cli;

/// <summary>The <c>riffle</c> root command and its exit codes: 0 success, 2 a user error (one line on stderr).</summary>
public static class RiffleCommandLine
{
    public const int UsageError = 2;

    public static RootCommand Build(TextWriter output)
    {
        var root = new RootCommand("Riffle: train neural networks on TorchSharp with data in the right order, audited.");
        root.Subcommands.Add(TrainCommand.Create(output));
        root.Subcommands.Add(ExportCommand.Create(output));
        root.Subcommands.Add(BenchCommand.Create(output));
        root.Subcommands.Add(DoctorCommand.Create(output));
        return root;
    }

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        RootCommand root = Build(output);
        ParseResult parsed = root.Parse(args);
        if (parsed.Errors.Count > 0)
        {
            // The full path of the command that failed ("riffle doctor log"); the root's own name is the executable's.
            var path = new List<string>();
            for (SymbolResult? r = parsed.CommandResult; r is CommandResult c; r = c.Parent)
                path.Insert(0, c.Command == root ? "riffle" : c.Command.Name);
            string command = string.Join(' ', path);
            string message = System.Text.RegularExpressions.Regex.Replace(parsed.Errors[0].Message, @"\s*\n\s*", " ");
            error.WriteLine($"riffle: {message} (see '{command} --help')");
            return UsageError;
        }
        try
        {
            return parsed.Invoke(new InvocationConfiguration { Output = output, Error = error, EnableDefaultExceptionHandler = false });
        }
        catch (Exception e) when (IsUserError(e))
        {
            error.WriteLine($"riffle: {e.Message}");
            return UsageError;
        }
    }

    /// <summary>Errors in what the user gave (files, folders, values): one line, exit 2. Anything else is a bug and keeps its stack trace.</summary>
    private static bool IsUserError(Exception e) =>
        e is DataFormatException or ArgumentException or IOException or UnauthorizedAccessException
        || e is DataLoaderWorkerException { InnerException: DataFormatException };
}
