using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>
/// The whole demo (every area's seed, as the console starts with) seeded once per test run into a template file; each class
/// gets its own copy, so refusals are tried against realistic records without seeding again.
/// </summary>
public sealed class DemoDb : IAsyncLifetime
{
    private static readonly Lazy<Task<string>> Template = new(SeedTemplateAsync);

    public TestDb Db { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        var template = await Template.Value;
        var db = new TestDb();
        File.Copy(template, Path.Combine(db.Directory, "qiyang.db"));
        Db = db;
    }

    public async Task DisposeAsync()
    {
        if (Db is not null) await Db.DisposeAsync();
    }

    private static async Task<string> SeedTemplateAsync()
    {
        await using var db = await TestDb.CreateAsync();
        var config = Seeds.Config();
        var services = new ServiceCollection();
        services.AddSingleton<IConfiguration>(config);
        services.AddHttpContextAccessor();
        services.AddQiyangAuth(config);
        services.AddAreas(db);
        await using (var provider = services.BuildServiceProvider())
        await using (var scope = provider.CreateAsyncScope())
            await new SeedRunner(db, scope.ServiceProvider.GetServices<ISeedStep>(), config, db.Clock, NullLogger<SeedRunner>.Instance).RunAsync();
        SqliteConnection.ClearAllPools();
        var path = Path.Combine(Path.GetTempPath(), $"qiyang-demo-{Guid.NewGuid():N}.db");
        File.Copy(Path.Combine(db.Directory, "qiyang.db"), path);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => File.Delete(path);
        return path;
    }
}
