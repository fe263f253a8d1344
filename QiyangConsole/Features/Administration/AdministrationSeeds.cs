using QiyangConsole.Features.Administration.Rules;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration;

public sealed class UnitsSeed : ISeedStep
{
    public string Name => "system/units";
    public int Order => 10;

    private sealed record UnitRow(string Name, string? Short, string? Parent, string? Group);
    private sealed record File(List<string> Groups, List<UnitRow> Units);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var data = files.Read<File>("system/units.json");
        var groups = data.Groups.Select((g, i) => new UnitGroup { Name = g, SortOrder = i + 1 }).ToDictionary(g => g.Name);
        db.UnitGroups.AddRange(groups.Values);
        var units = new Dictionary<string, Unit>();
        var order = 0;
        foreach (var row in data.Units)
        {
            var unit = new Unit
            {
                Name = row.Name, ShortName = row.Short, SortOrder = ++order,
                Parent = row.Parent is null ? null : units[row.Parent],
                Group = row.Group is null ? null : groups[row.Group],
            };
            units[row.Name] = unit;
            db.Units.Add(unit);
        }
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The official years of seeds/system/calendar.json (named when 2023–2026 were all it held; a new database now gets every year there).</summary>
public sealed class CalendarSeed : ISeedStep
{
    public string Name => "system/calendar-2023-2026";
    public int Order => 11;

    public Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct) => OfficialCalendar.AddMissingYearsAsync(db, OfficialCalendar.Read(files), ct);

    /// <summary>"05-01..05-03" is a range, "06-22" a single day, both within <paramref name="year"/>.</summary>
    internal static IEnumerable<DateOnly> Expand(int year, IEnumerable<string> specs) => OfficialCalendar.Expand(year, specs);
}

/// <summary>
/// Databases made before 2021 and 2022 were shipped: adds the official years they lack (never touching a year already
/// there, which the Office may have edited) and gives the days off of the years they have their holidays' names.
/// </summary>
public sealed class CalendarHistorySeed : ISeedStep
{
    public string Name => "system/calendar-2021-2022";
    public int Order => 17;

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var years = OfficialCalendar.Read(files);
        await OfficialCalendar.NameDaysAsync(db, years, ct);
        await OfficialCalendar.AddMissingYearsAsync(db, years, ct);
    }
}

public sealed class DictionarySeed : ISeedStep
{
    public string Name => "system/dictionaries";
    public int Order => 12;
    private sealed record Row(string Type, List<string> Labels);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        foreach (var row in files.Read<List<Row>>("system/dictionaries.json"))
            db.DictionaryItems.AddRange(row.Labels.Select((l, i) => new DictionaryItem { Type = row.Type, Label = l, SortOrder = i + 1 }));
        await db.SaveChangesAsync(ct);
    }
}

public sealed class ParameterSeed : ISeedStep
{
    public string Name => "system/parameters";
    public int Order => 13;

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        db.Parameters.AddRange(files.Read<List<SystemParameter>>("system/parameters.json"));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Roles always; the demo accounts only in demo mode; in production the three administrators (三员) from configuration,
/// each asked for a new password at the first sign-in.
/// </summary>
public sealed class AccountsSeed(IConfiguration config, IPasswordHasher<AppUser> hasher, ILookupNormalizer normalizer, TimeProvider clock) : ISeedStep
{
    public const string DemoPassword = "Qiyang@2023";
    public string Name => "system/accounts";
    public int Order => 14;

    public Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct) => new Accounts(config, hasher, normalizer, clock, db).EnsureAsync(files, ct);
}

/// <summary>
/// Databases made before the separation of powers: the three system roles, the demo's sysadmin, secadmin and auditor,
/// or in production the three administrators from configuration when nobody holds the system administrator role yet.
/// </summary>
public sealed class ThreeAdministratorsSeed(IConfiguration config, IPasswordHasher<AppUser> hasher, ILookupNormalizer normalizer, TimeProvider clock) : ISeedStep
{
    public string Name => "system/three-administrators";
    public int Order => 15;

    public Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct) => new Accounts(config, hasher, normalizer, clock, db).EnsureAsync(files, ct);
}

/// <summary>The parameters added to the seed file after a database was made: added when missing, never overwritten.</summary>
public sealed class NewParametersSeed : ISeedStep
{
    public string Name => "system/parameters-security";
    public int Order => 16;

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var known = await db.Parameters.Select(p => p.Key).ToListAsync(ct);
        db.Parameters.AddRange(files.Read<List<SystemParameter>>("system/parameters.json").Where(p => !known.Contains(p.Key)));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>Adds what is missing of the roles and accounts; running it twice adds nothing.</summary>
internal sealed class Accounts(IConfiguration config, IPasswordHasher<AppUser> hasher, ILookupNormalizer normalizer, TimeProvider clock, AppDbContext db)
{
    private sealed record Row(string UserName, string DisplayName, string Unit, List<string> Roles);

    public async Task EnsureAsync(SeedFiles files, CancellationToken ct)
    {
        var roleIds = await db.Roles.ToDictionaryAsync(r => r.Name!, r => r.Id, ct);
        foreach (var role in AppRoles.All.Where(r => !roleIds.ContainsKey(r)))
        {
            var entity = new IdentityRole(role) { NormalizedName = normalizer.NormalizeName(role) };
            db.Roles.Add(entity);
            roleIds[role] = entity.Id;
        }
        var existing = (await db.Users.Select(u => u.UserName!).ToListAsync(ct)).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var unitIds = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        if (DemoMode.IsOn(config))
        {
            foreach (var row in files.Read<List<Row>>("system/demo-users.json").Where(r => !existing.Contains(r.UserName)))
                Add(row.UserName, row.DisplayName, unitIds[row.Unit], AccountsSeed.DemoPassword, row.Roles, mustChange: false);
        }
        else if (!await db.UserRoles.AnyAsync(ur => ur.RoleId == roleIds[AppRoles.SysAdmin], ct))
        {
            if (config["Admin:InitialPassword"] is not { Length: > 0 } password)
                throw new InvalidOperationException("生产模式需要在配置 Admin:InitialPassword 中提供系统管理员、安全管理员和安全审计员的初始密码");
            var office = await db.Units.Where(u => u.ShortName == "专班办公室").Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
            foreach (var (name, display, role) in new[]
            {
                (config["Admin:UserName"] ?? "admin", "系统管理员", AppRoles.SysAdmin), ("secadmin", "安全管理员", AppRoles.SecAdmin), ("auditor", "安全审计员", AppRoles.Auditor),
            }.Where(a => !existing.Contains(a.Item1)))
            {
                if (PasswordRules.Problem(password, name) is { } problem)
                    throw new InvalidOperationException($"配置 Admin:InitialPassword 不符合密码规则：{problem}（{PasswordRules.Hint}，且不能包含用户名）");
                Add(name, display, office, password, [role], mustChange: true);
            }
        }
        await db.SaveChangesAsync(ct);

        void Add(string userName, string displayName, int? unitId, string password, IEnumerable<string> roles, bool mustChange)
        {
            var user = new AppUser
            {
                UserName = userName, NormalizedUserName = normalizer.NormalizeName(userName), DisplayName = displayName,
                UnitId = unitId, CreatedAt = clock.UtcNow(), SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
                PasswordChangedAt = clock.UtcNow(), MustChangePassword = mustChange,
            };
            user.PasswordHash = hasher.HashPassword(user, password);
            db.Users.Add(user);
            foreach (var role in roles) db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = roleIds[role] });
        }
    }
}

/// <summary>
/// Demo databases made before a demo person was renamed so as not to share a name with an official named in the
/// source (the city leader 何爱林 shared the given name 爱林 of a leader in the circular's distribution list). Only an
/// account that still carries the old name is renamed; one an administrator has renamed since is left alone.
/// </summary>
public sealed class DemoNamesSeed(IConfiguration config) : ISeedStep
{
    public static readonly IReadOnlyDictionary<string, (string Old, string New)> Renamed = new Dictionary<string, (string, string)>
    {
        ["leader3"] = ("市级领导 何爱林", "市级领导 何志远"),
    };

    public string Name => "system/demo-names";
    public int Order => 17;
    public bool Enabled(IConfiguration _) => DemoMode.IsOn(config);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        foreach (var (userName, (old, @new)) in Renamed)
            await db.Users.Where(u => u.UserName == userName && u.DisplayName == old).ExecuteUpdateAsync(s => s.SetProperty(u => u.DisplayName, @new), ct);
    }
}
