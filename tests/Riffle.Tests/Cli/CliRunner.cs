using Riffle.Cli;

namespace Riffle.Tests.Cli;

/// <summary>Runs <c>riffle ARGS</c> in this process, capturing exit code, standard output and standard error.</summary>
internal static class CliRunner
{
    public static (int Code, string Out, string Err) Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        int code = RiffleCommandLine.Run(args, output, error);
        return (code, output.ToString(), error.ToString());
    }
}
