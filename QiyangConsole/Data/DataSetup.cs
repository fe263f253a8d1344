using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Data;

/// <summary>
/// Where the console keeps its files (database, backups, attachments). Attachments and photos go to <c>Data:Files</c> when
/// it is set: with several console instances that is a folder every instance reads and writes (shared storage, e.g. NFS).
/// </summary>
public sealed record DataPaths(string Root, string? Files = null)
{
    public string Attachments => Directory.CreateDirectory(string.IsNullOrWhiteSpace(Files) ? Path.Combine(Root, "attachments") : Files).FullName;
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

    /// <summary>Registers the data services; returns the engine configured, for the registrations that depend on it (jobs).</summary>
    public static DatabaseEngine AddQiyangData(this WebApplicationBuilder builder)
    {
        var dataDirectory = DataDirectory(builder.Configuration);
        var engine = DatabaseEngine.From(builder.Configuration, dataDirectory);
        builder.Services.AddSingleton(engine);
        // In the database, so that a cookie or form token issued by one console instance is valid on every other.
        builder.Services.AddDataProtection().SetApplicationName("QiyangConsole").PersistKeysToDbContext<AppDbContext>();
        builder.Services.AddSingleton(new DataPaths(dataDirectory, builder.Configuration["Data:Files"]));
        // Held while the console runs, so that a restore refuses to replace the database under it (SQLite only: a
        // PostgreSQL database is shared by several instances and backed up with the server's own tools).
        builder.Services.AddSingleton(_ => engine.IsSqlite ? DataFolderLock.Shared(dataDirectory) : DataFolderLock.None);
        builder.Services.AddSingleton<Infrastructure.Files.FileStore>();
        builder.Services.AddSingleton<AuditInterceptor>();
        builder.Services.AddSingleton<ContextPool>();
        // Scoped so that each context knows the signed-in user of its circuit or request. The context a scope keeps (Identity's
        // stores, data protection) is made apart from the pool: see ContextPool.NewUnpooled.
        builder.Services.AddScoped<IDbContextFactory<AppDbContext>, AppDbContextFactory>();
        builder.Services.AddScoped(sp => sp.GetRequiredService<ContextPool>().NewUnpooled(sp.GetRequiredService<CurrentUser>()));
        builder.Services.AddScoped<SeedRunner>();
        return engine;
    }

    /// <summary>
    /// Takes the data folder (see <see cref="DataFolderLock"/>), applies migrations, switches the file to WAL and runs the
    /// seeding steps not yet applied. On PostgreSQL, instances starting together take turns (an advisory lock), so the
    /// database is migrated and seeded once.
    /// </summary>
    public static async Task InitialiseDatabaseAsync(this WebApplication app)
    {
        app.Services.GetRequiredService<DataFolderLock>();
        await using var scope = app.Services.CreateAsyncScope();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var turn = await StartupTurn.TakeAsync(app.Services.GetRequiredService<DatabaseEngine>());
        await using (var db = await factory.CreateDbContextAsync())
            await MigrateAsync(db);
        await scope.ServiceProvider.GetRequiredService<SeedRunner>().RunAsync();
    }

    /// <summary>
    /// Brings the schema up to date; on SQLite switches the file to WAL (kept in the file): readers never wait for the
    /// writer, and a crash loses no committed transaction (the log is replayed when the file is next opened).
    /// </summary>
    public static async Task MigrateAsync(AppDbContext db)
    {
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite()) await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
    }
}
