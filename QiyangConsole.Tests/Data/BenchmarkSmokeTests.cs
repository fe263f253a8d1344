using System.Diagnostics;
using System.Text.Json;
using QiyangConsole.Benchmark;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// The benchmark command, run as a user runs it (its own process, the built console) at the tiny
/// scale: every scenario must run and be reported. Timings are the benchmark's business, not a test's.
/// </summary>
public sealed class BenchmarkSmokeTests
{
    [Fact]
    public Task The_bench_command_runs_every_scenario_and_writes_the_json_report() => RunTinyAsync("sqlite", null);

    /// <summary>
    /// On PostgreSQL, the scenarios whose own code or reference depends on the engine (raw SQL, replayed statements, the
    /// ranking's writes, the import's keys): the page loads and the circuit count are the same HTTP work on either engine,
    /// and the heaviest part of the run on a 2-core CI machine.
    /// </summary>
    [ScaleOutFact]
    public Task The_bench_command_runs_the_engine_dependent_scenarios_on_postgresql_too() =>
        RunTinyAsync("postgres", ["ranking-job", "export-", "import-", "list-"], "--db", "postgres", "--connection", PostgresServer.AdminConnectionString);

    private static async Task RunTinyAsync(string db, string[]? only, params string[] more)
    {
        var output = Path.Combine(Path.GetTempPath(), $"qiyang-bench-{Guid.NewGuid():N}.json");
        string[] choose = only is null ? [] : ["--only", string.Join(',', only)];
        var start = new ProcessStartInfo("dotnet", ["QiyangConsole.dll", "bench", "--scale", "tiny", "--out", output, .. choose, .. more])
        {
            WorkingDirectory = AppContext.BaseDirectory, RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var log = await stdout + await stderr;
        try
        {
            Assert.True(process.ExitCode == 0, log);
            using var json = JsonDocument.Parse(await File.ReadAllTextAsync(output));
            Assert.Equal("tiny", json.RootElement.GetProperty("scale").GetString());
            Assert.Equal(db, json.RootElement.GetProperty("db").GetString());
            var scenarios = json.RootElement.GetProperty("scenarios").EnumerateArray().ToDictionary(s => s.GetProperty("name").GetString()!);
            Assert.Equal(Scenarios.All.Select(s => s.Name).Where(n => only is null || only.Any(n.StartsWith)).Order(), scenarios.Keys.Order());
            foreach (var (name, s) in scenarios)
            {
                Assert.False(s.TryGetProperty("error", out var error), $"{name}: {error}");
                foreach (var field in new[] { "reference", "target", "met", "peak_mb" }) Assert.True(s.TryGetProperty(field, out _), $"{name} lacks {field}");
                Assert.True(s.GetProperty("runs").GetInt32() > 0, name);
                if (s.TryGetProperty("ratio", out var ratio)) Assert.True(ratio.GetDouble() > 0, $"{name}: ratio {ratio}");
            }
            Assert.Contains("scenario", log);
            if (only is null) Assert.Contains("page-overview", log);
        }
        finally
        {
            File.Delete(output);
        }
    }

    [Theory]
    [InlineData("--scale", "galaxy")]
    [InlineData("--out")]
    [InlineData("--frobnicate")]
    [InlineData("--db", "oracle")]
    public void Bad_arguments_are_refused(params string[] args) => Assert.Null(BenchOptions.Parse(args));

    [Fact]
    public void Arguments_choose_scale_output_and_scenarios()
    {
        var options = BenchOptions.Parse(["--scale", "city", "--out", "r.json", "--only", "list-,rank-pure", "--keep"])!;
        Assert.Equal(BenchScale.City, options.Scale);
        Assert.EndsWith("r.json", options.Out);
        Assert.Equal(["list-", "rank-pure"], options.Only!);
        Assert.True(options.Keep);
        Assert.Equal(BenchScale.Province, BenchOptions.Parse([])!.Scale);
        Assert.Null(BenchOptions.Parse([])!.Postgres);
        Assert.Equal("Host=db", BenchOptions.Parse(["--db", "postgres", "--connection", "Host=db"])!.Postgres);
    }
}
