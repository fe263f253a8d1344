using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Tests.Support;

/// <summary>A real SQLite file in a temp folder, migrated, for data tests.</summary>
public sealed class TestDb : IDbContextFactory<AppDbContext>, IAsyncDisposable
{
    public string Directory { get; } = Path.Combine(Path.GetTempPath(), "qiyang-test-" + Guid.NewGuid().ToString("N"));
    public CurrentUser Actor { get; } = new();
    public ManualClock Clock { get; } = new(new DateTimeOffset(2023, 5, 18, 9, 0, 0, TimeSpan.FromHours(8)));
    private readonly AuditInterceptor _audit;
    private readonly DbContextOptions<AppDbContext> _options;
    private ServiceProvider? _provider;
    private AsyncServiceScope? _scope;

    public TestDb()
    {
        System.IO.Directory.CreateDirectory(Directory);
        _audit = new AuditInterceptor(Clock);
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataSetup.Configure(builder, DataSetup.ConnectionString(Directory), _audit);
        builder.AddInterceptors(Plans);
        _options = builder.Options;
    }

    public static async Task<TestDb> CreateAsync()
    {
        var db = new TestDb();
        await using var ctx = db.CreateDbContext();
        await ctx.Database.MigrateAsync();
        return db;
    }

    public AppDbContext CreateDbContext() => new(_options, Actor);

    /// <summary>SQLite's plans for the SELECTs sent by <paramref name="action"/>: how the app's queries find their rows.</summary>
    public Task<List<QueryPlans.Plan>> PlansOf(Func<Task> action) => Plans.Capture(DataSetup.ConnectionString(Directory), action);

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
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
    }
}
