using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Tests.Support;

public static class Seeds
{
    /// <summary>The repo's seeds folder (copied beside the test assembly by the app project).</summary>
    public static string Directory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static IConfiguration Config(bool demo = true, string? adminPassword = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Seeds:Directory"] = Directory,
            ["Demo:Enabled"] = demo ? "true" : "false",
            ["Admin:InitialPassword"] = adminPassword,
        }).Build();

    public static IEnumerable<ISeedStep> SystemSteps(TestDb db, IConfiguration config) =>
    [
        new UnitsSeed(), new CalendarSeed(), new DictionarySeed(), new ParameterSeed(),
        new AccountsSeed(config, new PasswordHasher<AppUser>(), new UpperInvariantLookupNormalizer(), db.Clock),
        new ThreeAdministratorsSeed(config, new PasswordHasher<AppUser>(), new UpperInvariantLookupNormalizer(), db.Clock),
        new NewParametersSeed(), new CalendarHistorySeed(),
    ];

    public static SeedRunner Runner(TestDb db, IConfiguration config, IEnumerable<ISeedStep>? extra = null) =>
        new(db, SystemSteps(db, config).Concat(extra ?? []), config, db.Clock, NullLogger<SeedRunner>.Instance);

    public static async Task<TestDb> SeededAsync(params ISeedStep[] extra)
    {
        var db = await TestDb.CreateAsync();
        await Runner(db, Config(), extra).RunAsync();
        return db;
    }
}
