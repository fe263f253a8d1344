using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using QiyangConsole.Data;

namespace QiyangConsole.Tests.Support;

/// <summary>
/// A PostgreSQL server for the tests: the one named by QIYANG_TEST_POSTGRES (an administrator's connection string), else a
/// throwaway cluster started once per test run from Debian's binaries (<c>/usr/lib/postgresql/N/bin</c>) in a temp
/// folder, on loopback, without fsync (a test database needs no crash safety), stopped when the run ends. A template
/// database is migrated once; each test gets its own copy of it.
/// </summary>
public static class PostgresServer
{
    private const string Template = "qiyang_template";
    private static readonly Lazy<string> Admin = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Why PostgreSQL tests cannot run here, or null. CI sets CI, and there a missing server fails instead of skipping.</summary>
    public static string? Unavailable =>
        Environment.GetEnvironmentVariable("QIYANG_TEST_POSTGRES") is { Length: > 0 } || Binaries() is not null ? null
        : string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")) ? "PostgreSQL is not installed: apt-get install postgresql (.ci/run installs it)" : null;

    /// <summary>An administrator's connection to the test server (may create databases).</summary>
    public static string AdminConnectionString => Admin.Value;

    /// <summary>A new database copied from the migrated template, with its connection string.</summary>
    public static DatabaseEngine NewDatabase()
    {
        var name = "qt_" + Guid.NewGuid().ToString("N");
        Execute(Admin.Value, $"CREATE DATABASE \"{name}\" TEMPLATE {Template}");
        return new DatabaseEngine(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(Admin.Value) { Database = name }.ToString());
    }

    /// <summary>An empty database (no tables), for a test of migrating or seeding from nothing.</summary>
    public static DatabaseEngine EmptyDatabase()
    {
        var name = "qt_" + Guid.NewGuid().ToString("N");
        Execute(Admin.Value, $"CREATE DATABASE \"{name}\" TEMPLATE template0");
        return new DatabaseEngine(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(Admin.Value) { Database = name }.ToString());
    }

    public static void Drop(DatabaseEngine engine)
    {
        var name = new NpgsqlConnectionStringBuilder(engine.ConnectionString).Database;
        using (var connection = new NpgsqlConnection(engine.ConnectionString)) NpgsqlConnection.ClearPool(connection);
        Execute(Admin.Value, $"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string Start()
    {
        var admin = Environment.GetEnvironmentVariable("QIYANG_TEST_POSTGRES") is { Length: > 0 } given ? given : StartCluster();
        Execute(admin, $"DROP DATABASE IF EXISTS {Template} WITH (FORCE)");
        Execute(admin, $"CREATE DATABASE {Template} TEMPLATE template0 ENCODING 'UTF8' LC_COLLATE 'C.UTF-8' LC_CTYPE 'C.UTF-8'");
        var engine = new DatabaseEngine(DatabaseProvider.PostgreSql, new NpgsqlConnectionStringBuilder(admin) { Database = Template }.ToString());
        var options = new DbContextOptionsBuilder<AppDbContext>();
        engine.Configure(options, new AuditInterceptor(TimeProvider.System));
        using (var db = engine.NewContext(options.Options, null)) db.Database.Migrate();
        using (var connection = new NpgsqlConnection(engine.ConnectionString)) NpgsqlConnection.ClearPool(connection);
        return admin;
    }

    private static string? Binaries() => Directory.Exists("/usr/lib/postgresql")
        ? Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin"))
            .Where(d => File.Exists(Path.Combine(d, "initdb"))).OrderByDescending(d => d, StringComparer.Ordinal).FirstOrDefault()
        : null;

    private static string StartCluster()
    {
        var bin = Binaries() ?? throw new InvalidOperationException("CI is set but PostgreSQL is not installed (.ci/run installs postgresql)");
        RemoveStaleClusters();
        var dir = Path.Combine(Path.GetTempPath(), "qiyang-pg-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        // initdb and the server refuse to run as root: as root, run them as Debian's postgres user.
        var asRoot = Environment.UserName == "root";
        if (asRoot) Run("chown", ["postgres:postgres", dir]);
        var port = ConsoleProcess.FreePort();
        RunAs(asRoot, Path.Combine(bin, "initdb"), ["-D", dir, "-A", "trust", "-U", "postgres", "-E", "UTF8", "--locale=C.UTF-8"]);
        RunAs(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", dir, "-l", Path.Combine(dir, "server.log"), "-w", "-t", "60", "-o",
            $"-p {port} -k {dir} -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300", "start"]);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            try { RunAs(asRoot, Path.Combine(bin, "pg_ctl"), ["-D", dir, "-m", "immediate", "stop"]); } catch (InvalidOperationException) { }
            try { Directory.Delete(dir, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        };
        return $"Host=127.0.0.1;Port={port};Username=postgres;Database=postgres;Include Error Detail=true";
    }

    /// <summary>
    /// Clusters of earlier runs whose server is gone: the test host can be ended before its exit handler has removed the
    /// folder. A folder whose postmaster.pid names a live process belongs to a run still going, and is left alone.
    /// </summary>
    private static void RemoveStaleClusters()
    {
        foreach (var dir in Directory.GetDirectories(Path.GetTempPath(), "qiyang-pg-*"))
        {
            try
            {
                if (Directory.GetCreationTimeUtc(dir) > DateTime.UtcNow.AddMinutes(-5)) continue;
                var pidFile = Path.Combine(dir, "postmaster.pid");
                if (File.Exists(pidFile) && int.TryParse(File.ReadLines(pidFile).FirstOrDefault(), out var pid) && Directory.Exists($"/proc/{pid}")) continue;
                Directory.Delete(dir, recursive: true);
            }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static void RunAs(bool asRoot, string file, string[] args)
    {
        if (asRoot) Run("runuser", ["-u", "postgres", "--", file, .. args]);
        else Run(file, args);
    }

    private static void Run(string file, string[] args)
    {
        var info = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = Path.GetTempPath() };
        foreach (var a in args) info.ArgumentList.Add(a);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        if (!process.WaitForExit(120_000)) { process.Kill(true); throw new InvalidOperationException($"{file} did not finish"); }
        if (process.ExitCode != 0) throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({process.ExitCode}): {output.Result}{error}");
    }


    private static void Execute(string connectionString, string sql)
    {
        using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 120 };
        command.ExecuteNonQuery();
    }
}
