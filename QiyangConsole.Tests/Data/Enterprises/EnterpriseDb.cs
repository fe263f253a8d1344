using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Configuration;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Projects;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

internal static class EnterpriseDb
{
    /// <summary>System seeds, the 2021–2023 projects, park zones, service contacts, the demo enterprises and the cadres.</summary>
    public static async Task<TestDb> FullAsync()
    {
        var db = await TestDb.CreateAsync();
        var config = Seeds.Config();
        await Seeds.Runner(db, config, new ISeedStep[]
        {
            new ChecklistTemplateSeed(), new ProjectSeed(config), new KeyProjectSeed(config), new ParkZoneSeed(), new ServiceContactSeed(config),
            Enterprises(db, config), new CadreSeed(config),
        }).RunAsync();
        return db;
    }

    /// <summary>System seeds, park zones and the demo enterprises (stewards, visits, help matters) — no projects, no cadres.</summary>
    public static async Task<TestDb> LightAsync()
    {
        var db = await TestDb.CreateAsync();
        var config = Seeds.Config();
        await Seeds.Runner(db, config, new ISeedStep[] { new ParkZoneSeed(), Enterprises(db, config) }).RunAsync();
        return db;
    }

    private static EnterpriseSeed Enterprises(TestDb db, IConfiguration config) =>
        new(config, new PasswordHasher<AppUser>(), new UpperInvariantLookupNormalizer(), db.Clock);
}
