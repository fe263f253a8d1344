using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

/// <summary>
/// Visits at any size: a steward's pages are exactly its scope sorted, the counts are those rows' own, the figures kept for
/// a short time include a visit as soon as it is logged, and SQLite finds the rows through indexes.
/// </summary>
public sealed class VisitScaleTests
{
    [DbFact]
    public async Task A_stewards_visits_page_by_page_are_its_own_and_its_enterprises_earlier_ones_newest_first()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var other = await Kit.UserIdAsync(db, "steward2");
        List<Visit> all;
        List<int> mine;
        await using (var ctx = db.CreateDbContext())
        {
            mine = await ctx.Enterprises.Where(e => e.StewardId == me).Select(e => e.Id).ToListAsync();
            var theirs = await ctx.Enterprises.Where(e => e.StewardId == other).Select(e => e.Id).FirstAsync();
            // The former steward's visit to an enterprise that is "steward"'s now, and "steward"'s own visit to one it handed over.
            ctx.Visits.Add(new Visit { EnterpriseId = mine[0], StewardId = other, VisitedOn = Kit.Today.AddDays(-400), Duties = StewardDuties.Sales, Done = "原管家走访", CreatedAt = DateTime.UtcNow });
            ctx.Visits.Add(new Visit { EnterpriseId = theirs, StewardId = me, VisitedOn = Kit.Today.AddDays(-3), Duties = StewardDuties.Informant, Done = "移交前走访", CreatedAt = DateTime.UtcNow });
            await ctx.SaveChangesAsync();
            all = await ctx.Visits.AsNoTracking().ToListAsync();
        }
        var scope = all.Where(v => v.StewardId == me || mine.Contains(v.EnterpriseId)).ToList();
        var expected = scope.OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Select(v => v.Id).ToList();
        Assert.Contains(scope, v => v.StewardId == other);
        Assert.Contains(scope, v => !mine.Contains(v.EnterpriseId));
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = db.Get<VisitService>();

        var seen = new List<int>();
        while (true)
        {
            var (rows, total) = await visits.ListAsync(new VisitQuery(), seen.Count, 20);
            Assert.Equal(expected.Count, total);
            if (rows.Count == 0) break;
            seen.AddRange(rows.Select(r => r.Id));
        }
        Assert.Equal(expected, seen);

        var counts = await visits.CountsAsync(new VisitQuery());
        Assert.Equal(scope.Count, counts.Total);
        Assert.Equal(Duties.All.Select(d => new DutyCount(d.Duty, scope.Count(v => v.Duties.HasFlag(d.Duty)))), counts.ByDuty);
        var sales = await visits.ListAsync(new VisitQuery(Duty: StewardDuties.Sales), 0, 500);
        Assert.Equal(scope.Where(v => v.Duties.HasFlag(StewardDuties.Sales)).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Select(v => v.Id), sales.Rows.Select(r => r.Id));
        Assert.Equal(sales.Rows.Count, sales.Total);
    }

    [DbFact]
    public async Task The_figures_kept_for_a_short_time_include_a_visit_as_soon_as_it_is_logged()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = db.Get<VisitService>();
        var dashboard = db.Get<DashboardService>();
        var counts = await visits.CountsAsync(new VisitQuery());
        var overdue = await visits.OverdueAsync();
        var list = await visits.ListAsync(new VisitQuery(), 0, 20);
        var month = QiyangConsole.Features.Dashboard.Period.Month(2023, 5);
        var figures = await dashboard.FiguresAsync(month);
        var stale = overdue.Rows.First(r => r.LastVisit is not null);

        await visits.LogAsync(new VisitInput { EnterpriseId = stale.Id, VisitedOn = Kit.Today, Duties = StewardDuties.Informant | StewardDuties.Sales, Done = "上门宣讲惠企政策" });

        var after = await visits.CountsAsync(new VisitQuery());
        Assert.Equal(counts.Total + 1, after.Total);
        Assert.Equal(counts.ByDuty.Single(d => d.Duty == StewardDuties.Sales).Count + 1, after.ByDuty.Single(d => d.Duty == StewardDuties.Sales).Count);
        static int May(VisitCounts c) => c.ByMonth.SingleOrDefault(m => (m.Year, m.Month) == (2023, 5))?.Count ?? 0;
        Assert.Equal(May(counts) + 1, May(after));
        Assert.Equal(list.Total + 1, (await visits.ListAsync(new VisitQuery(), 0, 20)).Total);
        var overdueAfter = await visits.OverdueAsync();
        Assert.Equal(overdue.Total - 1, overdueAfter.Total);
        Assert.DoesNotContain(overdueAfter.Rows, r => r.Id == stale.Id);
        var visitsFigure = (await dashboard.FiguresAsync(month)).Single(f => f.Label == "我的走访");
        Assert.Equal(int.Parse(figures.Single(f => f.Label == "我的走访").Value) + 1, int.Parse(visitsFigure.Value));
    }

    [Fact]
    public async Task Visits_are_found_through_indexes_and_a_stewards_page_is_read_in_date_order()
    {
        await using var db = await TestDb.CreateAsync(); // the plan does not depend on the amount of data
        db.SignIn("steward", AppRoles.Steward, userId: "steward-id");
        var visits = db.Get<VisitService>();

        var listed = await db.PlansOf(() => visits.ListAsync(new VisitQuery(), 20, 20));
        var page = Assert.Single(listed, p => p.Sql.Contains("LIMIT"));
        Assert.False(page.SortsAll, page.ToString());
        // The total and the counts per duty and month: through the steward's and its enterprises' indexes, never the whole table.
        Assert.All(listed, p => Assert.False(p.ScansTable("v"), p.ToString()));
        var overdue = await db.PlansOf(() => visits.OverdueAsync());
        Assert.All(overdue, p => Assert.False(p.ScansTable("v"), p.ToString()));

        db.SignIn("office", AppRoles.Office);
        var office = await db.PlansOf(() => db.Get<VisitService>().OverdueAsync());
        Assert.All(office, p => Assert.False(p.ScansTable("v"), p.ToString()));
        var coverage = await db.PlansOf(() => db.Get<StewardService>().CoverageAsync());
        Assert.All(coverage, p => Assert.False(p.ScansTable("e"), p.ToString()));
    }
}
