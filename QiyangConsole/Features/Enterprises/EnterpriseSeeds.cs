using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Enterprises;

/// <summary>The park zones dictionary (configuration, every mode).</summary>
public sealed class ParkZoneSeed : ISeedStep
{
    public string Name => "enterprises/park-zones";
    public int Order => 15;

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        if (await db.DictionaryItems.AnyAsync(d => d.Type == "park-zone", ct)) return;
        string[] zones = ["高新区核心区", "科技工业园", "黎家坪片区", "观音滩片区"];
        db.DictionaryItems.AddRange(zones.Select((z, i) => new DictionaryItem { Type = "park-zone", Label = z, SortOrder = i + 1 }));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>The departments' 24-hour one-to-one contacts printed on every contact card (demo people).</summary>
public sealed class ServiceContactSeed(IConfiguration config) : ISeedStep
{
    public string Name => "enterprises/service-contacts";
    public int Order => 23;
    public bool Enabled(IConfiguration _) => DemoMode.IsOn(config);
    private sealed record Row(string Department, string Name, string Phone, string? Duty);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        db.ServiceContacts.AddRange(files.Read<List<Row>>("enterprises/service-contacts.json")
            .Select((r, i) => new ServiceContact { Department = r.Department, Name = r.Name, Phone = r.Phone, Duty = r.Duty, SortOrder = i + 1 }));
        await db.SaveChangesAsync(ct);
    }
}

/// <summary>
/// Demo enterprises with valid credit codes, ten stewards covering all of them (with some history), liaison rooms
/// for every 规上 enterprise, visits over the last half year (dated from the day of seeding) and the help-agent
/// matters since 2022 (186 finished).
/// </summary>
public sealed class EnterpriseSeed(IConfiguration config, IPasswordHasher<AppUser> hasher, ILookupNormalizer normalizer, TimeProvider clock) : ISeedStep
{
    public string Name => "enterprises/demo";
    public int Order => 24;
    public bool Enabled(IConfiguration _) => DemoMode.IsOn(config);

    private sealed record StewardRow(string UserName, string DisplayName);
    private sealed record Previous(string Steward, DateOnly From, DateOnly To, string Reason);
    private sealed record Room(string Place, string Schedule, string OnDuty);
    private sealed record EnterpriseRow(string Name, string CreditCode, string Industry, bool AboveSize, string? Address, string? Contact, string? Phone, string? Zone,
        string Steward, DateOnly StewardSince, Previous? Previous, Room? Room);
    private sealed record EnterpriseFile(List<EnterpriseRow> Enterprises);
    private sealed record VisitRow(string Enterprise, string Steward, int DaysAgo, string Duties, string Done, string? Problems, int? NextInDays);
    private sealed record VisitFile(List<VisitRow> Visits);
    private sealed record MatterRow(string Enterprise, string Name, HelpMode Mode, string Agent, List<string> Windows, DateOnly AcceptedOn, DateOnly? FinishedOn, HelpState State, string? Result);
    private sealed record MatterFile(List<MatterRow> Matters);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var stewards = await AddStewardsAsync(db, files.Read<List<StewardRow>>("enterprises/stewards.json"), ct);
        var units = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var enterprises = new Dictionary<string, Enterprise>();
        foreach (var r in files.Read<EnterpriseFile>("enterprises/enterprises.json").Enterprises)
        {
            if (!CreditCode.IsValid(r.CreditCode)) throw new InvalidOperationException($"种子数据中 {r.Name} 的统一社会信用代码无效");
            var e = new Enterprise
            {
                Name = r.Name, CreditCode = r.CreditCode, Industry = r.Industry, IsAboveSize = r.AboveSize, Address = r.Address, ContactPerson = r.Contact, ContactPhone = r.Phone,
                Zone = r.Zone, StewardId = stewards[r.Steward], StewardSince = r.StewardSince,
            };
            db.Enterprises.Add(e);
            enterprises[r.Name] = e;
        }
        await db.SaveChangesAsync(ct);
        foreach (var r in files.Read<EnterpriseFile>("enterprises/enterprises.json").Enterprises)
        {
            var e = enterprises[r.Name];
            if (r.Previous is { } p)
                db.StewardAssignments.Add(new StewardAssignment { EnterpriseId = e.Id, StewardId = stewards[p.Steward], From = p.From, To = p.To, Reason = p.Reason, By = "专班办公室" });
            db.StewardAssignments.Add(new StewardAssignment { EnterpriseId = e.Id, StewardId = e.StewardId!, From = r.StewardSince, By = "专班办公室", Reason = r.Previous is null ? "首次配备" : null });
            if (r.Room is { } room) db.LiaisonRooms.Add(new LiaisonRoom { EnterpriseId = e.Id, Place = room.Place, Schedule = room.Schedule, OnDuty = room.OnDuty });
        }
        var today = clock.Today();
        foreach (var v in files.Read<VisitFile>("enterprises/visits.json").Visits)
        {
            var on = today.AddDays(-v.DaysAgo);
            db.Visits.Add(new Visit
            {
                EnterpriseId = enterprises[v.Enterprise].Id, StewardId = stewards[v.Steward], VisitedOn = on, Duties = Duties.Parse(v.Duties), Done = v.Done, ProblemsFound = v.Problems,
                NextContactOn = v.NextInDays is { } n ? on.AddDays(n) : null, CreatedAt = TimeZoneInfo.ConvertTimeToUtc(on.ToDateTime(new TimeOnly(17, 0)), AppTime.Zone),
            });
        }
        foreach (var m in files.Read<MatterFile>("enterprises/help-matters.json").Matters)
            db.HelpMatters.Add(new HelpMatter
            {
                EnterpriseId = enterprises[m.Enterprise].Id, Name = m.Name, Mode = m.Mode, AgentId = stewards[m.Agent], State = m.State, AcceptedOn = m.AcceptedOn, FinishedOn = m.FinishedOn,
                Result = m.Result, Windows = m.Windows.Select(w => new HelpMatterWindow { UnitId = units[w] }).ToList(),
            });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The stewards (demo accounts, the demo password; "steward" exists already), all in 高新区企业服务中心.</summary>
    private async Task<Dictionary<string, string>> AddStewardsAsync(AppDbContext db, List<StewardRow> rows, CancellationToken ct)
    {
        var role = await db.Roles.Where(r => r.Name == AppRoles.Steward).Select(r => r.Id).FirstAsync(ct);
        var unit = await db.Units.Where(u => u.Name == "高新区企业服务中心").Select(u => (int?)u.Id).FirstOrDefaultAsync(ct);
        var existing = await db.Users.ToDictionaryAsync(u => u.UserName!, ct);
        string? hash = null;
        var ids = new Dictionary<string, string>();
        foreach (var (r, i) in rows.Select((r, i) => (r, i)))
        {
            var phone = $"1397467{1001 + i * 37:0000}";
            if (existing.TryGetValue(r.UserName, out var user)) { user.PhoneNumber ??= phone; ids[r.UserName] = user.Id; continue; }
            user = new AppUser
            {
                UserName = r.UserName, NormalizedUserName = normalizer.NormalizeName(r.UserName), DisplayName = r.DisplayName, UnitId = unit, PhoneNumber = phone,
                CreatedAt = clock.UtcNow(), SecurityStamp = Guid.NewGuid().ToString("N"), LockoutEnabled = true,
            };
            user.PasswordHash = hash ??= hasher.HashPassword(user, AccountsSeed.DemoPassword);
            db.Users.Add(user);
            db.UserRoles.Add(new IdentityUserRole<string> { UserId = user.Id, RoleId = role });
            ids[r.UserName] = user.Id;
        }
        await db.SaveChangesAsync(ct);
        return ids;
    }
}

/// <summary>百名干部联百企: 164 cadres linked to 172 enterprises and 150 key projects, with their three lists.</summary>
public sealed class CadreSeed(IConfiguration config) : ISeedStep
{
    public string Name => "enterprises/cadres";
    public int Order => 25;
    public bool Enabled(IConfiguration _) => DemoMode.IsOn(config);

    private sealed record Item(string List, string? Enterprise, string? Project, string Content, string OwnerUnit, DateOnly Deadline, ItemState State);
    private sealed record Row(string Name, string Unit, string? Post, string? Phone, List<string> Enterprises, List<string> Projects, List<Item> Items);
    private sealed record CadreFile(List<Row> Cadres);

    public async Task RunAsync(AppDbContext db, SeedFiles files, CancellationToken ct)
    {
        var units = await db.Units.ToDictionaryAsync(u => u.Name, u => u.Id, ct);
        var enterprises = await db.Enterprises.ToDictionaryAsync(e => e.Name, e => e.Id, ct);
        var projects = await db.Projects.ToDictionaryAsync(p => p.Name, p => p.Id, ct);
        var lists = Enum.GetValues<CadreList>().ToDictionary(l => l.Name());
        foreach (var r in files.Read<CadreFile>("enterprises/cadres.json").Cadres)
        {
            var cadre = new Cadre { Name = r.Name, UnitId = units[r.Unit], Post = r.Post, Phone = r.Phone };
            db.Cadres.Add(cadre);
            var links = r.Enterprises.Select(e => new CadreLink { Cadre = cadre, EnterpriseId = enterprises[e] })
                .Concat(r.Projects.Select(p => new CadreLink { Cadre = cadre, ProjectId = projects[p] })).ToList();
            db.CadreLinks.AddRange(links);
            foreach (var i in r.Items)
            {
                var link = i.Enterprise is { } en ? links.First(l => l.EnterpriseId == enterprises[en]) : links.First(l => l.ProjectId == projects[i.Project!]);
                db.CadreListItems.Add(new CadreListItem
                {
                    Link = link, List = lists[i.List], Content = i.Content, OwnerUnitId = units[i.OwnerUnit], Deadline = i.Deadline, State = i.State,
                    DoneOn = i.State == ItemState.Done ? i.Deadline.AddDays(-5) : null, Result = i.State == ItemState.Done ? "已按期办结" : null,
                });
            }
        }
        await db.SaveChangesAsync(ct);
    }
}
