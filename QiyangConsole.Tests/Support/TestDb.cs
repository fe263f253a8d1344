using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
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

    public TestDb()
    {
        System.IO.Directory.CreateDirectory(Directory);
        _audit = new AuditInterceptor(Clock);
        var builder = new DbContextOptionsBuilder<AppDbContext>();
        DataSetup.Configure(builder, DataSetup.ConnectionString(Directory), _audit);
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

    public void SignIn(string userName, string role, int? unitId = null, string? unitName = null, string? userId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, userName), new(ClaimTypes.Role, role), new(ClaimTypes.NameIdentifier, userId ?? userName) };
        if (unitId is { } id) claims.Add(new Claim(AppClaims.UnitId, id.ToString()));
        if (unitName is not null) claims.Add(new Claim(AppClaims.UnitName, unitName));
        Actor.Set(new ClaimsPrincipal(new ClaimsIdentity(claims, "test")));
        Actor.Ip = "127.0.0.1";
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { System.IO.Directory.Delete(Directory, recursive: true); } catch (IOException) { }
        return ValueTask.CompletedTask;
    }
}

public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => AppTime.Zone;
}
