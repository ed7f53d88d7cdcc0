// riffle: the command line of Riffle. Parse -> call the library -> render; no training logic lives here.
// Run: dotnet run --project src/Riffle.Cli -c Release -- train --help
using Riffle.Cli;
using Riffle.Distributed;

// mpirun gives each rank a pseudo-terminal; .NET would then write terminal set-up sequences into the job's log.
if (MpiProcessGroup.LaunchedByMpirun) Environment.SetEnvironmentVariable("TERM", "dumb");

return RiffleCommandLine.Run(args, Console.Out, Console.Error);
