using QiyangConsole;
using QiyangConsole.Benchmark;
using QiyangConsole.Features.Administration;

if (args is ["bench", ..]) return await BenchCommand.RunAsync(args[1..]);
if (args is ["verify-logs", ..]) return await VerifyLogsCommand.RunAsync(args[1..]);
if (args is ["backup", ..]) return await BackupCommand.BackupAsync(args[1..]);
if (args is ["restore", ..]) return await BackupCommand.RestoreAsync(args[1..]);
if (args is ["migrate", ..]) return await QiyangConsole.Data.DataCommands.MigrateAsync(args[1..]);
if (args is ["copy-to", ..]) return await QiyangConsole.Data.DataCommands.CopyToAsync(args[1..]);

var app = ConsoleApp.Build(args);
await app.PrepareAsync();
app.Run();
return 0;

public partial class Program;
