using QiyangConsole;
using QiyangConsole.Benchmark;

if (args is ["bench", ..]) return await BenchCommand.RunAsync(args[1..]);

var app = ConsoleApp.Build(args);
await app.PrepareAsync();
app.Run();
return 0;

public partial class Program;
