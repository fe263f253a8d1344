using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data.Seeding;

namespace QiyangConsole.Data;

/// <summary>Where the console keeps its files (database, keys, attachments).</summary>
public sealed record DataPaths(string Root)
{
    public string Attachments => Directory.CreateDirectory(Path.Combine(Root, "attachments")).FullName;
    public string Backups => Directory.CreateDirectory(Path.Combine(Root, "backups")).FullName;
}

public static class DataSetup
{
    /// <summary>The data folder: QIYANG_DATA_DIR, else Data:Directory, else the user's local application-data folder.</summary>
    public static string DataDirectory(IConfiguration config)
    {
        var dir = Environment.GetEnvironmentVariable("QIYANG_DATA_DIR") is { Length: > 0 } env ? env
            : config["Data:Directory"] is { Length: > 0 } configured ? configured
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.Create), "QiyangConsole");
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>How long a write waits for another to finish before it gives up with "database is locked".</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    public static string ConnectionString(string dataDirectory) => new SqliteConnectionStringBuilder
    {
        DataSource = Path.Combine(dataDirectory, "qiyang.db"),
        // Microsoft.Data.Sqlite's own retry of a busy command, until this timeout (seconds); SqlitePragmas covers the rest.
        DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        Pooling = true,
    }.ToString();

    public static void Configure(DbContextOptionsBuilder options, string connectionString, AuditInterceptor audit) =>
        options.UseSqlite(connectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SplitQuery))
            .AddInterceptors(audit, LogTablesGuard.Instance, new SqlitePragmas(BusyTimeout));

    public static WebApplicationBuilder AddQiyangData(this WebApplicationBuilder builder)
    {
        var dataDirectory = DataDirectory(builder.Configuration);
        var connectionString = ConnectionString(dataDirectory);
        builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataDirectory, "keys")));
        builder.Services.AddSingleton(new DataPaths(dataDirectory));
        // Held while the console runs, so that a restore refuses to replace the database under it.
        builder.Services.AddSingleton(_ => DataFolderLock.Shared(dataDirectory));
        builder.Services.AddSingleton<Infrastructure.Files.FileStore>();
        builder.Services.AddSingleton<AuditInterceptor>();
        // Scoped so that each context knows the signed-in user of its circuit or request.
        builder.Services.AddDbContextFactory<AppDbContext>(
            (sp, o) => Configure(o, connectionString, sp.GetRequiredService<AuditInterceptor>()), ServiceLifetime.Scoped);
        builder.Services.AddScoped<SeedRunner>();
        return builder;
    }

    /// <summary>Takes the data folder (see <see cref="DataFolderLock"/>), applies migrations, switches the file to WAL and runs the seeding steps not yet applied.</summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        app.Services.GetRequiredService<DataFolderLock>();
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
            await MigrateAsync(db);
        await scope.ServiceProvider.GetRequiredService<SeedRunner>().RunAsync();
    }

    /// <summary>
    /// Brings the schema up to date and switches the file to WAL (kept in the file): readers never wait for the
    /// writer, and a crash loses no committed transaction (the log is replayed when the file is next opened).
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db)
    {
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
