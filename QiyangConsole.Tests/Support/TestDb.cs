using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Tests.Support;

/// <summary>
/// A real database for data tests, migrated: a SQLite file in a temp folder, or (for a <see cref="DbFactAttribute"/> test
/// on PostgreSQL) a database of its own on the test server (<see cref="PostgresServer"/>). The folder holds attachments either way.
/// </summary>
public sealed class TestDb : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "qiyang-test-" + Guid.NewGuid().ToString("N"));
    public CurrentUser Actor { get; } = new();
    public ManualClock Clock { get; } = new(new DateTimeOffset(2023, 5, 18, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly AuditInterceptor _audit;
    private readonly DbContextOptions<AppDbContext> _options;
    private ServiceProvider? _provider;
    private AsyncServiceScope? _scope;
    private static readonly AsyncLocal<DatabaseProvider> CurrentEngine = new();

    /// <summary>The engine of the test running in this flow: SQLite unless an <see cref="EngineTestCase"/> set PostgreSQL.</summary>
    public static DatabaseProvider Engine { get => CurrentEngine.Value; set => CurrentEngine.Value = value; }

    /// <summary>The database this test uses and how to reach it.</summary>
    public DatabaseEngine Database { get; }

    public bool IsSqlite => Database.IsSqlite;

    public TestDb() : this(Engine) { }

    /// <param name="engine">PostgreSQL: a copy of the migrated template; SQLite: an empty file that <see cref="CreateAsync"/> migrates.</param>
    public TestDb(DatabaseProvider engine)
    {
        System.IO.Directory.CreateDirectory(Directory);
        _audit = new AuditInterceptor(Clock);
        Database = engine == DatabaseProvider.Sqlite ? DatabaseEngine.Sqlite(Directory) : PostgresServer.NewDatabase();
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        Database.Configure(builder, _audit);
        builder.AddInterceptors(ReaderKinds.Instance);
        if (IsSqlite) builder.AddInterceptors(Plans);
        _options = builder.Options;
    }

    public static async Task<TestDb> CreateAsync()
    {
        var db = new TestDb();
        await using var ctx = db.CreateDbContext();
        await ctx.Database.MigrateAsync();
        return db;
    }

    public AppDbContext CreateDbContext() => Database.NewContext(_options, Actor);

    /// <summary>A plain connection of its own (no pool, no EF, no interceptor), as another program on the database would open.</summary>
    public async Task<System.Data.Common.DbConnection> OpenRawAsync()
    {
        var connection = Database.NewConnection(pooling: false);
        await connection.OpenAsync();
        return connection;
    }

    /// <summary>SQLite's plans for the SELECTs sent by <paramref name="action"/>: how the app's queries find their rows.</summary>
    public Task<List<QueryPlans.Plan>> PlansOf(Func<Task> action) => IsSqlite
        ? Plans.Capture(DataSetup.ConnectionString(Directory), action)
        : throw new NotSupportedException("Query plans are read from SQLite only");

    private QueryPlans Plans { get; } = new();

    /// <summary>The app's services over this database, as the areas register them (<see cref="TestServices"/>), in one scope for the database's life.</summary>
    public IServiceProvider Services
    {
        get
        {
            _provider ??= TestServices.Build(this);
            _scope ??= _provider.CreateAsyncScope();
            return _scope.Value.ServiceProvider;
        }
    }

    /// <summary>A service of the app over this database, signed in as <see cref="Actor"/> at <see cref="Clock"/>.</summary>
    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    /// <summary>An area's home-page figures (registered as one of the <see cref="IDashboardFigures"/>).</summary>
    public T Figures<T>() where T : IDashboardFigures => Services.GetServices<IDashboardFigures>().OfType<T>().Single();

    public void SignIn(string userName, string role, int? unitId = null, string? unitName = null, string? userId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, userName), new(ClaimTypes.Role, role), new(ClaimTypes.NameIdentifier, userId ?? userName) };
        if (unitId is { } id) claims.Add(new Claim(AppClaims.UnitId, id.ToString()));
        if (unitName is not null) claims.Add(new Claim(AppClaims.UnitName, unitName));
        Actor.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        Actor.Ip = "127.0.0.1";
    }

    public async ValueTask DisposeAsync()
    {
        if (_scope is { } scope) await scope.DisposeAsync();
        if (_provider is not null) await _provider.DisposeAsync();
        if (IsSqlite) Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        else PostgresServer.Drop(Database);
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
