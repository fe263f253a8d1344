using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Data;

public enum DatabaseProvider { Sqlite, PostgreSql }

/// <summary>
/// Where the console keeps its records: the embedded SQLite file in the data folder (the default), or a PostgreSQL
/// database shared by several console instances (<c>Database:Provider</c> = <c>PostgreSql</c>, the connection string in
/// <c>ConnectionStrings:PostgreSql</c>). One model; each engine has its own migrations, found by its context type.
/// </summary>
public sealed record DatabaseEngine(DatabaseProvider Provider, string ConnectionString)
{
    public bool IsSqlite => Provider == DatabaseProvider.Sqlite;

    public static DatabaseEngine Sqlite(string dataDirectory) => new(DatabaseProvider.Sqlite, DataSetup.ConnectionString(dataDirectory));

    public static DatabaseEngine From(IConfiguration config, string dataDirectory)
    {
        var name = config["Database:Provider"];
        if (string.IsNullOrWhiteSpace(name) || name.Equals("Sqlite", StringComparison.OrdinalIgnoreCase)) return Sqlite(dataDirectory);
        if (!name.Equals("PostgreSql", StringComparison.OrdinalIgnoreCase) && !name.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            throw new InvalidOperationException($"配置项 Database:Provider 的值“{name}”无效：应为 Sqlite 或 PostgreSql");
        var connection = config.GetConnectionString("PostgreSql");
        if (string.IsNullOrWhiteSpace(connection))
            throw new InvalidOperationException("配置项 Database:Provider 为 PostgreSql，但未填写连接串 ConnectionStrings:PostgreSql");
        return new(DatabaseProvider.PostgreSql, connection);
    }

    // One for the whole process: it remembers the connections whose pragmas are set, and the options are built per scope
    // (request or circuit), so an instance per options would set them again on the first query of every request.
    private static readonly SqlitePragmas Pragmas = new(DataSetup.BusyTimeout);

    public void Configure(DbContextOptionsBuilder options, AuditInterceptor audit)
    {
        // One statement per query by default, read as the database sends it. (Split queries were the default: EF reads every
        // row of a split query into memory before the first on PostgreSQL, which has no multiple active result sets; the
        // 500,000-visit export held some 200 MB.) No read loads two collections at once, so one statement never multiplies rows.
        if (IsSqlite)
            options.UseSqlite(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(audit, LogTablesGuard.Instance, Pragmas);
        else
            options.UseNpgsql(ConnectionString, o => o.UseQuerySplittingBehavior(QuerySplittingBehavior.SingleQuery))
                .AddInterceptors(audit, LogTablesGuard.Instance);
    }

    /// <summary>A plain ADO.NET connection of the engine's own driver (not opened), outside EF.</summary>
    public System.Data.Common.DbConnection NewConnection(bool pooling = true) => IsSqlite
        ? new Microsoft.Data.Sqlite.SqliteConnection(new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(ConnectionString) { Pooling = pooling }.ToString())
        : new Npgsql.NpgsqlConnection(new Npgsql.NpgsqlConnectionStringBuilder(ConnectionString) { Pooling = pooling }.ToString());

    /// <summary>A context of the type whose migrations fit this engine (not pooled: tools, tests).</summary>
    public AppDbContext NewContext(DbContextOptions options, CurrentUser? actor)
    {
        var db = IsSqlite ? new AppDbContext(options) : new PostgreSqlDbContext(options);
        db.Actor = actor;
        return db;
    }
}

/// <summary>
/// The process's contexts, kept for reuse (EF's context pool): a page or request asks for several short-lived contexts,
/// and building one (its internal services, change tracker, connection object) cost about a fifth of a short list
/// query's time. One set of options for the process. A context goes back to the pool when disposed; EF then resets its
/// tracker, transaction, connection and settings, and <see cref="AppDbContextFactory"/> sets who it acts for on each
/// hand-out.
/// </summary>
public sealed class ContextPool
{
    private readonly Func<AppDbContext> _rent;
    private readonly DatabaseEngine _engine;
    private readonly DbContextOptions _options;

    public ContextPool(DatabaseEngine engine, AuditInterceptor audit)
    {
        _engine = engine;
        if (engine.IsSqlite)
        {
            var options = new DbContextOptionsBuilder<AppDbContext>();
            engine.Configure(options, audit);
            _options = options.Options;
            _rent = new PooledDbContextFactory<AppDbContext>(options.Options).CreateDbContext;
        }
        else
        {
            var options = new DbContextOptionsBuilder<PostgreSqlDbContext>();
            engine.Configure(options, audit);
            _options = options.Options;
            _rent = new PooledDbContextFactory<PostgreSqlDbContext>(options.Options).CreateDbContext;
        }
    }

    /// <summary>
    /// A context outside the pool, with the same options: for the one a scope keeps for its whole life (Identity's stores,
    /// data protection). A circuit's scope lives as long as the tab; a pooled context there would be a fully built one
    /// held per tab and a pool slot taken until the tab closes, where a new one builds its parts only if it is used.
    /// </summary>
    public AppDbContext NewUnpooled(CurrentUser? actor) => _engine.NewContext(_options, actor);

    public AppDbContext Rent(CurrentUser? actor)
    {
        var db = _rent();
        db.Actor = actor;
        db.PendingAudit = null;
        return db;
    }
}

/// <summary>The console's context factory: a context of the engine's type from the pool, naming the signed-in user of the scope.</summary>
public sealed class AppDbContextFactory(ContextPool pool, CurrentUser actor) : IDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext() => pool.Rent(actor);
}

/// <summary>
/// The model on PostgreSQL. Its migrations (<c>Data/Migrations/PostgreSql</c>) name this type, so EF applies them and
/// not SQLite's. Every DateTime the console stores is UTC (<see cref="AppTime"/>); Npgsql writes <c>timestamp with time
/// zone</c> only from a UTC value, so each is marked UTC on the way in and out.
/// </summary>
public sealed class PostgreSqlDbContext(DbContextOptions options) : AppDbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        base.ConfigureConventions(configuration);
        configuration.Properties<DateTime>().HaveConversion<UtcDateTime>();
    }

    private sealed class UtcDateTime() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

/// <summary>
/// For <c>dotnet ef migrations add … --context AppDbContext</c>: the model on SQLite. Without it the tools would take the
/// PostgreSQL factory below for this context too (its context type derives from this one).
/// </summary>
internal sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<AppDbContext>
{
    public AppDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
}

/// <summary>For <c>dotnet ef migrations add … --context PostgreSqlDbContext</c>: the model on Npgsql (no server is contacted).</summary>
internal sealed class PostgreSqlDesignTimeFactory : IDesignTimeDbContextFactory<PostgreSqlDbContext>
{
    public PostgreSqlDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=localhost;Database=qiyang").Options);
}
