using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

// 园区企业 / 企业管家 / 走访 / 帮代办 / 百名干部联百企 on a real, migrated SQLite file.
// EnterpriseSeedDataTests only reads one database seeded once for the class; every other class writes and seeds its own.

/// <summary>The seeded figures and the data scopes of the register, visits and help matters (one seeded database, read only).</summary>
public sealed class EnterpriseSeedDataTests(SeededEnterpriseDb fixture) : IClassFixture<SeededEnterpriseDb>
{
    private readonly TestDb _db = fixture.Db;

    [Fact]
    public async Task The_seeds_give_the_sources_figures()
    {
        var db = _db;
        Kit.AsOffice(db);
        Assert.Equal(Kit.Today, db.Clock.Today());

        // 240 enterprises, every credit code valid and unique, the same codes as the seed file.
        await using (var ctx = db.CreateDbContext())
        {
            var codes = await ctx.Enterprises.AsNoTracking().Select(e => e.CreditCode).ToListAsync();
            Assert.Equal(240, codes.Count);
            Assert.Equal(SeedJson.Enterprises.Count, codes.Count);
            Assert.All(codes, c => Assert.True(CreditCode.IsValid(c), c));
            Assert.Equal(codes.Count, codes.Distinct().Count());
            Assert.Equal(SeedJson.Enterprises.Select(e => e.CreditCode).Order(StringComparer.Ordinal), codes.Order(StringComparer.Ordinal));
        }

        // 100% steward coverage; every 规上 enterprise has its liaison room.
        var coverage = await db.Get<StewardService>().CoverageAsync();
        Assert.Equal(240, coverage.All);
        Assert.Equal(coverage.All, coverage.Covered);
        Assert.Equal(100m, coverage.Percent);
        Assert.Empty(coverage.Uncovered);
        var aboveSize = SeedJson.Enterprises.Count(e => e.AboveSize);
        Assert.Equal(70, aboveSize);
        Assert.Equal(aboveSize, coverage.AboveSize);
        Assert.Equal(aboveSize, coverage.AboveSizeWithRoom);
        Assert.Empty(coverage.WithoutRoom);

        // 帮代办: 187 代办 matters finished since 2022 (183 by the source's 2023-05-18, 4 later), and the split by mode and state is the file's.
        var counts = await db.Get<HelpMatterService>().CountsAsync();
        var finishedSince2022 = SeedJson.Matters.Count(m => m.Mode == HelpMode.Proxy && m.State == HelpState.Finished && m.FinishedOn >= new DateOnly(2022, 1, 1));
        Assert.Equal(187, finishedSince2022);
        Assert.Equal(183, SeedJson.Matters.Count(m => m.Mode == HelpMode.Proxy && m.State == HelpState.Finished && m.FinishedOn >= new DateOnly(2022, 1, 1) && m.FinishedOn <= Kit.Today));
        Assert.Equal(finishedSince2022, counts.FinishedSince2022);
        Assert.Equal(SeedJson.Matters.Count, counts.Of());
        foreach (var g in SeedJson.Matters.GroupBy(m => (m.Mode, m.State)))
            Assert.Equal(g.Count(), counts.Of(g.Key.Mode, g.Key.State));
        Assert.Equal(SeedJson.Matters.Count(m => m.State == HelpState.InProgress), counts.Of(state: HelpState.InProgress));

        // 百名干部联百企: 164 cadres, 172 enterprises, 150 projects, and the open items of each list.
        var totals = await db.Get<CadreService>().TotalsAsync();
        Assert.Equal(164, totals.Cadres);
        Assert.Equal(172, totals.Enterprises);
        Assert.Equal(150, totals.Projects);
        Assert.Equal(SeedJson.Cadres.Count, totals.Cadres);
        Assert.Equal(SeedJson.Cadres.SelectMany(c => c.Enterprises).Distinct().Count(), totals.Enterprises);
        Assert.Equal(SeedJson.Cadres.SelectMany(c => c.Projects).Distinct().Count(), totals.Projects);
        foreach (var list in Enum.GetValues<CadreList>())
            Assert.Equal(SeedJson.Cadres.SelectMany(c => c.Items).Count(i => i.List == list.Name() && i.State != ItemState.Done), totals.OpenItems[list]);

        // The overview's cards.
        var figures = await db.Figures<EnterpriseFigures>().FiguresAsync(new QiyangConsole.Features.Dashboard.Period(new DateOnly(2023, 1, 1), Kit.Today), CancellationToken.None);
        Assert.Equal(3, figures.Count);
        Assert.Equal("企业管家覆盖率", figures[0].Label);
        Assert.Equal("100%", figures[0].Value);
        Assert.Equal("240 / 240 家企业配备管家", figures[0].Note);
        // The source: "2022年以来，成功为园区企业办结代办事项180余件" (代办 only), as of 2023-05-18.
        Assert.Equal("办结代办事项", figures[1].Label);
        Assert.Equal("183", figures[1].Value);
        Assert.Equal("2022年以来（截至2023-05-18）", figures[1].Note);
        Assert.Equal("/help-matters?mode=Proxy&state=Finished&from=2022-01-01&to=2023-05-18", figures[1].Link);
        Assert.Equal("管家走访", figures[2].Label);
        Assert.Equal(SeedJson.Visits.Count(v => Kit.Today.AddDays(-v.DaysAgo).Year == 2023).ToString(), figures[2].Value);
    }

    [Fact]
    public async Task The_key_projects_of_2021_2022_leave_the_sources_2023_landing_figures_as_they_are()
    {
        var figures = _db.Get<QiyangConsole.Features.Projects.ProjectFigures>();
        var t = await figures.TotalsAsync(2023);
        Assert.Equal((42, 1_554_600m, 14, 187_000m), (t.Signed, t.SignedWan, t.Landed, t.LandedWan));
        await using var ctx = _db.CreateDbContext();
        Assert.Equal(150, await ctx.Projects.CountAsync());
    }

    [Fact]
    public async Task Visit_counts_per_duty_and_per_month_match_the_visits_counted_one_by_one()
    {
        var me = await Kit.UserIdAsync(_db, "steward");
        List<Visit> mine;
        await using (var ctx = _db.CreateDbContext()) mine = await ctx.Visits.AsNoTracking().Where(v => v.StewardId == me).ToListAsync();
        _db.SignIn("steward", AppRoles.Steward, userId: me);

        var counts = await _db.Get<VisitService>().CountsAsync(new VisitQuery());

        Assert.Equal(mine.Count, counts.Total);
        foreach (var (duty, name, _) in Duties.All)
            Assert.True(mine.Count(v => v.Duties.HasFlag(duty)) == counts.ByDuty.Single(d => d.Duty == duty).Count, name);
        var expected = mine.Where(v => v.VisitedOn >= new DateOnly(2022, 6, 1)).GroupBy(v => (v.VisitedOn.Year, v.VisitedOn.Month)).OrderBy(g => g.Key).Select(g => new MonthCount(g.Key.Year, g.Key.Month, g.Count()));
        Assert.Equal(expected, counts.ByMonth); // the twelve months up to May 2023
        var informant = await _db.Get<VisitService>().CountsAsync(new VisitQuery(Duty: StewardDuties.Informant));
        Assert.Equal(mine.Count(v => v.Duties.HasFlag(StewardDuties.Informant)), informant.Total);
    }

    [Fact]
    public async Task A_steward_sees_only_its_own_enterprises_visits_and_matters()
    {
        var db = _db;
        var me = await Kit.UserIdAsync(db, "steward");
        var mine = SeedJson.Enterprises.Where(e => e.Steward == "steward").Select(e => e.Name).ToHashSet();
        Assert.Equal(24, mine.Count);
        List<int> ownIds;
        int othersEnterprise;
        await using (var ctx = db.CreateDbContext())
        {
            ownIds = await ctx.Enterprises.Where(e => e.StewardId == me).OrderBy(e => e.Id).Select(e => e.Id).ToListAsync();
            othersEnterprise = await ctx.Enterprises.Where(e => e.StewardId != me).OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var enterprises = db.Get<EnterpriseService>();

        // The register: exactly its 24 enterprises.
        var (rows, total) = await enterprises.ListAsync(new EnterpriseQuery(), 0, 500);
        Assert.Equal(24, total);
        Assert.Equal(24, rows.Count);
        Assert.Equal(mine.Order(StringComparer.Ordinal), rows.Select(r => r.Name).Order(StringComparer.Ordinal));
        Assert.Equal(ownIds, rows.Select(r => r.Id).Order());
        Assert.All(rows, r => Assert.Equal("企业管家 陈晓", r.Steward));
        Assert.Equal(24, (await enterprises.PickListAsync()).Count);
        // Asking for another steward's enterprises by filter gives nothing.
        var other = await Kit.UserIdAsync(db, "steward2");
        Assert.Equal(0, (await enterprises.ListAsync(new EnterpriseQuery(StewardId: other), 0, 500)).Total);

        // Its own enterprise in detail; another steward's refused.
        var own = await enterprises.DetailAsync(ownIds[0]);
        Assert.True(own.IsOwnSteward);
        await Kit.RefusedAsync(() => enterprises.DetailAsync(othersEnterprise), EnterpriseService.NotYours);
        await Kit.RefusedAsync(() => enterprises.ListByIdAsync(othersEnterprise), EnterpriseService.NotYours);
        await Kit.RefusedAsync(() => enterprises.DetailAsync(999_999), EnterpriseService.NotYours); // the same answer: ids cannot be probed

        // Contact cards only for its own enterprises.
        var cards = await db.Get<ContactCardService>().CardsAsync(new EnterpriseQuery());
        Assert.Equal(24, cards.Count);
        Assert.All(cards, c => Assert.Equal(SeedJson.ServiceContacts.Count, c.Contacts.Count));
        Assert.All(cards, c => Assert.NotNull(c.StewardPhone));

        // Visits: only its own, exactly the seed's.
        var visits = db.Get<VisitService>();
        var (visitRows, visitTotal) = await visits.ListAsync(new VisitQuery(), 0, 5000);
        var myVisits = SeedJson.Visits.Where(v => v.Steward == "steward").ToList();
        Assert.Equal(96, myVisits.Count);
        Assert.Equal(myVisits.Count, visitTotal);
        Assert.All(visitRows, v => Assert.Equal(me, v.StewardId));
        Assert.All(visitRows, v => Assert.Contains(v.EnterpriseId, ownIds));
        Assert.Equal(myVisits.Select(v => $"{v.Enterprise}|{Kit.Today.AddDays(-v.DaysAgo):yyyy-MM-dd}").Order(StringComparer.Ordinal),
            visitRows.Select(v => $"{v.Enterprise}|{v.VisitedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal));
        Assert.Equal(0, (await visits.ListAsync(new VisitQuery(StewardId: other), 0, 100)).Total);
        Assert.Equal(0, (await visits.ListAsync(new VisitQuery(EnterpriseId: othersEnterprise), 0, 100)).Total);

        // Logging a visit to another steward's enterprise is refused, and nothing is written.
        await Kit.RefusedAsync(() => visits.LogAsync(new VisitInput
        {
            EnterpriseId = othersEnterprise, VisitedOn = Kit.Today, Duties = StewardDuties.Informant, Done = "走错了企业",
        }), EnterpriseService.NotYours);
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(SeedJson.Visits.Count, await ctx.Visits.CountAsync());

        // Help matters: those it follows as agent or of its enterprises.
        var owner = SeedJson.Enterprises.ToDictionary(e => e.Name, e => e.Steward);
        var myMatters = SeedJson.Matters.Where(m => m.Agent == "steward" || owner[m.Enterprise] == "steward").ToList();
        Assert.NotEmpty(myMatters);
        var (matterRows, matterTotal) = await db.Get<HelpMatterService>().ListAsync(new HelpMatterQuery(), 0, 500);
        Assert.Equal(myMatters.Count, matterTotal);
        Assert.All(matterRows, m => Assert.True(m.Agent == "企业管家 陈晓" || ownIds.Contains(m.EnterpriseId), $"{m.Enterprise} {m.Name}"));
        Assert.Equal(myMatters.Select(m => $"{m.Enterprise}|{m.Name}|{m.AcceptedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal),
            matterRows.Select(m => $"{m.Enterprise}|{m.Name}|{m.AcceptedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal));

        // A steward does not read the coverage or the cadres.
        await Kit.RefusedAsync(() => db.Get<StewardService>().CoverageAsync(), DomainException.Forbidden);
        await Kit.RefusedAsync(() => db.Get<CadreService>().TotalsAsync(), DomainException.Forbidden);
    }

    [Fact]
    public async Task A_unit_sees_the_matters_where_it_is_a_window_and_the_office_sees_everything()
    {
        var db = _db;
        const string housing = "市住房和城乡建设局";
        var unitId = await Kit.UnitIdAsync(db, housing);
        db.SignIn("unit", AppRoles.Unit, unitId, housing);

        var expected = SeedJson.Matters.Where(m => m.Windows.Contains(housing)).ToList();
        Assert.NotEmpty(expected);
        Assert.True(expected.Count < SeedJson.Matters.Count);
        var (rows, total) = await db.Get<HelpMatterService>().ListAsync(new HelpMatterQuery(), 0, 500);
        Assert.Equal(expected.Count, total);
        Assert.All(rows, r => Assert.Contains(housing, r.Windows));
        Assert.Equal(expected.Select(m => $"{m.Enterprise}|{m.Name}|{m.AcceptedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal),
            rows.Select(m => $"{m.Enterprise}|{m.Name}|{m.AcceptedOn:yyyy-MM-dd}").Order(StringComparer.Ordinal));
        Assert.Equal(expected.Count(m => m.Mode == HelpMode.Proxy && m.State == HelpState.Finished && m.FinishedOn >= new DateOnly(2022, 1, 1)), (await db.Get<HelpMatterService>().CountsAsync()).FinishedSince2022);
        // A unit does not read the visits.
        await Kit.RefusedAsync(() => db.Get<VisitService>().ListAsync(new VisitQuery(), 0, 10), DomainException.Forbidden);

        // The Office sees all.
        Kit.AsOffice(db);
        Assert.Equal(240, (await db.Get<EnterpriseService>().ListAsync(new EnterpriseQuery(), 0, 1000)).Total);
        Assert.Equal(SeedJson.Visits.Count, (await db.Get<VisitService>().ListAsync(new VisitQuery(), 0, 10)).Total);
        Assert.Equal(SeedJson.Matters.Count, (await db.Get<HelpMatterService>().ListAsync(new HelpMatterQuery(), 0, 10)).Total);
        // So do leaders and viewers.
        db.SignIn("viewer", AppRoles.Viewer);
        Assert.Equal(240, (await db.Get<EnterpriseService>().ListAsync(new EnterpriseQuery(), 0, 10)).Total);
        Assert.Equal(SeedJson.Matters.Count, (await db.Get<HelpMatterService>().ListAsync(new HelpMatterQuery(), 0, 10)).Total);
    }

    [Fact]
    public async Task Overdue_visits_are_the_seeds_stale_or_never_visited_enterprises()
    {
        var db = _db;
        Kit.AsOffice(db);
        var days = await db.Get<SettingsService>().IntAsync("steward.visitOverdueDays", -1);
        Assert.Equal(30, days);
        var today = db.Clock.Today();
        var cutoff = today.AddDays(-days);
        var last = SeedJson.Visits.GroupBy(v => v.Enterprise).ToDictionary(g => g.Key, g => today.AddDays(-g.Min(v => v.DaysAgo)));
        List<(string Name, DateOnly? Last)> Expected(Func<SeedJson.SeedEnterprise, bool> which) => SeedJson.Enterprises.Where(which)
            .Select(e => (e.Name, Last: last.TryGetValue(e.Name, out var d) ? d : (DateOnly?)null))
            .Where(x => x.Last is null || x.Last < cutoff)
            .OrderBy(x => x.Last).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();

        // The Office: every stale enterprise of the park, never visited first.
        var all = Expected(_ => true);
        var (officeRows, officeTotal, officeDays) = await db.Get<VisitService>().OverdueAsync(500);
        Assert.Equal(30, officeDays);
        Assert.Equal(all.Count, officeTotal);
        Assert.Equal(all.Select(x => x.Name), officeRows.Select(r => r.Name));
        Assert.Equal(all.Select(x => x.Last), officeRows.Select(r => r.LastVisit));

        // The steward: exactly its own.
        var me = await Kit.UserIdAsync(db, "steward");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var expected = Expected(e => e.Steward == "steward");
        Assert.NotEmpty(expected);
        var (rows, total, stewardDays) = await db.Get<VisitService>().OverdueAsync();
        Assert.Equal(30, stewardDays);
        Assert.Equal(expected.Count, total);
        Assert.Equal(expected.Select(x => x.Name), rows.Select(r => r.Name));
        Assert.Equal(expected.Select(x => x.Last), rows.Select(r => r.LastVisit));
        Assert.All(rows, r => Assert.Equal("企业管家 陈晓", r.Steward));
        Assert.All(rows, r => Assert.True(Stewarding.VisitOverdue(r.LastVisit, today, days)));
        // The register's filter agrees.
        Assert.Equal(expected.Count, (await db.Get<EnterpriseService>().ListAsync(new EnterpriseQuery(VisitOverdue: true), 0, 100)).Total);
    }
}
