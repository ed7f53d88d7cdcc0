// riffle: the command line of Riffle. Parse -> call the library -> render; no training logic lives here.
// Run: dotnet run --project src/Riffle.Cli -c Release -- train --help
using Riffle.Cli;

return RiffleCommandLine.Run(args, Console.Out, Console.Error);
