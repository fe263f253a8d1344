using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Benchmark;

/// <summary>
/// <c>dotnet run -c Release --project QiyangConsole -- bench [--scale tiny|city|province] [--db sqlite|postgres] [--connection CS] [--out FILE] [--only NAME,…] [--keep]</c>:
/// builds the whole console on a temporary data folder (never the user's) and, with <c>--db postgres</c>, a temporary
/// database created on the server of <c>--connection</c> (or QIYANG_BENCH_POSTGRES) and dropped after; grows it to the scale,
/// runs every scenario against a reference measured in the same run, prints a table and writes JSON.
/// Exits 1 when a scenario could not run, 2 on bad arguments; a target missed is reported, not an exit code.
/// </summary>
public static partial class BenchCommand
{
    public static async Task<int> RunAsync(string[] args)
    {
        var options = BenchOptions.Parse(args);
        if (options is null)
        {
            Console.Error.WriteLine("usage: bench [--scale tiny|city|province] [--db sqlite|postgres] [--connection \"Host=…;Username=…\"] [--out FILE] [--only NAME,...] [--keep]");
            return 2;
        }
        var results = await RunAsync(options, Console.Out);
        return results.Any(r => r.Error is not null) ? 1 : 0;
    }

    public static async Task<List<ScenarioResult>> RunAsync(BenchOptions options, TextWriter log)
    {
        var total = Stopwatch.StartNew();
        var dataDir = Path.Combine(Path.GetTempPath(), $"qiyang-bench-{options.Scale.Name}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataDir);
        log.WriteLine($"QiyangConsole benchmark, scale {options.Scale.Name}, {(options.Postgres is null ? "SQLite" : "PostgreSQL")}: {Machine()}");
        log.WriteLine($"data folder {dataDir} (temporary)");
        var results = new List<ScenarioResult>();
        WebApplication? app = null;
        string? database = null;
        try
        {
            var engine = DatabaseEngine.Sqlite(dataDir);
            if (options.Postgres is { } server)
            {
                database = $"qiyang_bench_{Guid.NewGuid():N}";
                await PostgresAdminAsync(server, $"CREATE DATABASE \"{database}\" TEMPLATE template0 ENCODING 'UTF8'");
                engine = new DatabaseEngine(DatabaseProvider.PostgreSql, new Npgsql.NpgsqlConnectionStringBuilder(server) { Database = database }.ToString());
                log.WriteLine($"database {database} on {new Npgsql.NpgsqlConnectionStringBuilder(server).Host} (temporary)");
            }
            app = ConsoleApp.Build(["--urls", "http://127.0.0.1:0"], builder =>
            {
                builder.Configuration["Data:Directory"] = dataDir;
                builder.Configuration["Database:Provider"] = engine.Provider.ToString();
                builder.Configuration["ConnectionStrings:PostgreSql"] = engine.IsSqlite ? "" : engine.ConnectionString;
                builder.Configuration["Demo:Enabled"] = "true";
                builder.Configuration["Logging:LogLevel:Default"] = "Warning";
                builder.Configuration["Logging:LogLevel:Microsoft.AspNetCore"] = "Warning";
                builder.Configuration["Logging:LogLevel:Microsoft.Hosting.Lifetime"] = "Warning";
            });
            var phase = Stopwatch.StartNew();
            await app.PrepareAsync();
            await app.StartAsync();
            var baseUrl = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
            log.WriteLine($"demo data seeded and server started on {baseUrl} in {phase.Elapsed.TotalSeconds:0.0} s");

            phase.Restart();
            SyntheticFacts facts;
            await using (var scope = app.Services.CreateAsyncScope())
            await using (var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            {
                facts = await SyntheticData.GrowAsync(db, options.Scale, DateOnly.FromDateTime(DateTime.Now), scope.ServiceProvider.GetRequiredService<IPasswordHasher<AppUser>>());
                await db.Database.ExecuteSqlRawAsync("ANALYZE;");
            }
            log.WriteLine($"synthetic data in {phase.Elapsed.TotalSeconds:0.0} s: {string.Join(", ", facts.Rows.Select(r => $"{r.Key} +{r.Value:N0}"))}");

            var context = new BenchContext(app, options.Scale, facts, baseUrl, engine, log);
            foreach (var scenario in Scenarios.All)
            {
                if (options.Only is { } only && !only.Any(o => scenario.Name.StartsWith(o, StringComparison.Ordinal))) continue;
                phase.Restart();
                log.Write($"{scenario.Name} … ");
                ScenarioResult result;
                try { result = await scenario.Run(context); }
                catch (Exception e) { result = ScenarioResult.Failed(scenario.Name, scenario.Target, e); }
                results.Add(result);
                log.WriteLine(result.Error is not null ? $"ERROR {result.Error}" : $"{(result.Met ? "met" : "NOT met")} ({phase.Elapsed.TotalSeconds:0.0} s)");
            }
        }
        catch (Exception e)
        {
            results.Add(ScenarioResult.Failed("setup", "—", e));
            log.WriteLine(e);
        }
        finally
        {
            if (app is not null)
            {
                await app.StopAsync();
                await app.DisposeAsync();
            }
            SqliteConnection.ClearAllPools();
            Npgsql.NpgsqlConnection.ClearAllPools();
            if (!options.Keep) try { Directory.Delete(dataDir, recursive: true); } catch (IOException) { }
            if (!options.Keep && database is not null && options.Postgres is { } server)
                try { await PostgresAdminAsync(server, $"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)"); }
                catch (Npgsql.NpgsqlException e) { log.WriteLine($"could not drop {database}: {e.Message}"); }
        }
        log.WriteLine();
        log.Write(Report.Table(results));
        log.WriteLine($"total {total.Elapsed.TotalSeconds:0} s{(options.Keep ? $"; data kept in {dataDir}{(database is null ? "" : $" and database {database}")}" : "")}");
        if (options.Out is { } file)
        {
            await File.WriteAllTextAsync(file, Report.ToJson(new { machine = Machine(), scale = options.Scale.Name, db = options.Postgres is null ? "sqlite" : "postgres", date = DateTime.Now.ToString("yyyy-MM-dd HH:mm"), total_s = Math.Round(total.Elapsed.TotalSeconds), scenarios = results }));
            log.WriteLine($"written to {file}");
        }
        return results;
    }

    private static async Task PostgresAdminAsync(string server, string sql)
    {
        await using var connection = new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(server) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    public static string Machine() =>
        $"{Environment.ProcessorCount} cores, {GC.GetGCMemoryInfo().TotalAvailableMemoryBytes / 1073741824.0:0} GiB, {RuntimeInformation.OSDescription.Trim()}, {RuntimeInformation.FrameworkDescription}"
        + $", {(Debugger.IsAttached ? "debugger" : typeof(BenchCommand).Assembly.GetCustomAttributes(typeof(DebuggableAttribute), false).OfType<DebuggableAttribute>().Any(d => d.IsJITOptimizerDisabled) ? "Debug build" : "Release build")}"
        + $", {(System.Runtime.GCSettings.IsServerGC ? "server" : "workstation")} GC";

    /// <summary>Signs in through the real sign-in form; returns the cookie header that carries the session.</summary>
    public static async Task<string> SignInAsync(string baseUrl, string userName, string password)
    {
        var cookies = new CookieContainer();
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = cookies }) { BaseAddress = new Uri(baseUrl) };
        var page = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        using var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = userName, ["Input.Password"] = password,
        }));
        if (response.StatusCode is not (HttpStatusCode.Redirect or HttpStatusCode.Found))
            throw new InvalidOperationException($"{userName} could not sign in ({(int)response.StatusCode})");
        return cookies.GetCookieHeader(new Uri(baseUrl));
    }

    /// <summary>Clients that each carry <paramref name="cookie"/>, as many users signed in at once would.</summary>
    public static HttpClient[] Clients(string baseUrl, string cookie, int count) => Enumerable.Range(0, count).Select(_ =>
    {
        var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false }) { BaseAddress = new Uri(baseUrl), Timeout = TimeSpan.FromMinutes(5) };
        client.DefaultRequestHeaders.Add("Cookie", cookie);
        return client;
    }).ToArray();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}

/// <param name="Postgres">With --db postgres: a connection string to the server (a user who may create databases).</param>
public sealed record BenchOptions(BenchScale Scale, string? Out, string[]? Only, bool Keep, string? Postgres = null)
{
    public static BenchOptions? Parse(string[] args)
    {
        var scale = BenchScale.Province;
        string? output = null;
        string[]? only = null;
        var keep = false;
        var postgres = false;
        string? connection = null;
        for (var i = 0; i < args.Length; i++)
        {
            switch (args[i])
            {
                case "--scale" when i + 1 < args.Length && BenchScale.Named(args[i + 1]) is { } s: scale = s; i++; break;
                case "--out" when i + 1 < args.Length: output = Path.GetFullPath(args[++i]); break;
                case "--only" when i + 1 < args.Length: only = args[++i].Split(',', StringSplitOptions.RemoveEmptyEntries); break;
                case "--keep": keep = true; break;
                case "--db" when i + 1 < args.Length && args[i + 1] is "sqlite" or "postgres": postgres = args[++i] == "postgres"; break;
                case "--connection" when i + 1 < args.Length: connection = args[++i]; break;
                default: return null;
            }
        }
        connection ??= Environment.GetEnvironmentVariable("QIYANG_BENCH_POSTGRES");
        if (postgres && string.IsNullOrWhiteSpace(connection)) return null;
        return new BenchOptions(scale, output, only, keep, postgres ? connection : null);
    }
}

/// <summary>What every scenario may use: the running app, the scale, what the generator made, the server's address.</summary>
public sealed record BenchContext(WebApplication App, BenchScale Scale, SyntheticFacts Facts, string BaseUrl, DatabaseEngine Engine, TextWriter Log)
{
    public DateOnly Today { get; } = DateOnly.FromDateTime(DateTime.Now);

    /// <summary>A plain ADO.NET connection of the engine's own driver, for the references.</summary>
    public async Task<System.Data.Common.DbConnection> OpenAsync()
    {
        var connection = Engine.NewConnection();
        await connection.OpenAsync();
        return connection;
    }
}
