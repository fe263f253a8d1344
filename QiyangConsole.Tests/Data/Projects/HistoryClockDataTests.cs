using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Projects;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Projects;

/// <summary>
/// The 拿地即开工 clock of the shipped projects, 2021–2023, counted on the shipped calendar; and with a year's calendar
/// taken out of a copy, the project still opens and its clock names the missing year.
/// </summary>
public class HistoryClockDataTests
{
    private const string Taifeng = "泰峰锂电池Pack生产基地项目";   // permits 2021-02-22 … 03-01
    private const string Hongcheng = "宏成大米加工扩能技改项目";    // permits across the 2021 Spring Festival break
    private const string Kunneng = "湖南坤能新材料有限公司新材料生产项目";

    [DbFact]
    public async Task Every_shipped_project_with_permits_has_its_clock_counted()
    {
        await using var db = await ArrangeAsync();
        var projects = db.Get<ProjectService>();
        await using var ctx = db.CreateDbContext();
        var ids = await ctx.Projects.Where(p => p.LandAcquiredOn != null).Select(p => new { p.Id, p.LandAcquiredOn }).ToListAsync();
        Assert.Contains(ids, p => p.LandAcquiredOn!.Value.Year == 2021);
        Assert.Contains(ids, p => p.LandAcquiredOn!.Value.Year == 2022);

        foreach (var p in ids)
        {
            var clock = (await projects.DetailAsync(p.Id)).Clock;
            Assert.All(clock, s => Assert.Null(s.MissingYear));
            Assert.All(clock.Where(s => s.To is not null), s => Assert.NotNull(s.WorkingDays));
        }

        var hongcheng = await DetailAsync(db, Hongcheng);
        Assert.Equal(new int?[] { 1, 1, 1, 1 }, hongcheng.Clock.Select(s => s.WorkingDays)); // 02-10 → 02-18 is one working day: 02-11..02-17 off
        Assert.True(hongcheng.ClockAchieved);
        var taifeng = await DetailAsync(db, Taifeng);
        Assert.Equal(new int?[] { 1, 1, 3, 1 }, taifeng.Clock.Select(s => s.WorkingDays));   // works planning 02-23 → 02-26: three working days
        Assert.False(taifeng.ClockAchieved);
    }

    [DbFact]
    public async Task Without_the_2021_and_2022_calendars_a_project_of_2021_still_opens_and_its_clock_names_the_year()
    {
        await using var db = await ArrangeAsync();
        await RemoveYearsAsync(db, 2021, 2022);
        var projects = db.Get<ProjectService>();

        var taifeng = await DetailAsync(db, Taifeng);

        Assert.Equal(Taifeng, taifeng.Project.Name);
        Assert.NotEmpty(taifeng.Checklist);
        Assert.NotEmpty(taifeng.Nodes);
        Assert.All(taifeng.Clock, s => { Assert.Equal(2021, s.MissingYear); Assert.Null(s.WorkingDays); });
        Assert.False(taifeng.ClockAchieved);
        var kunneng = await DetailAsync(db, Kunneng);
        Assert.All(kunneng.Clock, s => Assert.Null(s.MissingYear));
        Assert.True(kunneng.ClockAchieved);
    }

    [DbFact]
    public async Task Without_a_years_calendar_the_leaders_engagement_names_the_year_instead_of_a_share()
    {
        await using var db = await ArrangeAsync();
        await RemoveYearsAsync(db, 2023);

        var rows = await db.Get<LeaderEngagementService>().YearAsync(2023);

        Assert.Equal(15, rows.Count);
        Assert.All(rows, r => { Assert.Equal(2023, r.MissingYear); Assert.Null(r.Share); Assert.False(r.MeetsTarget); });
    }

    internal static async Task<TestDb> ArrangeAsync()
    {
        var config = Seeds.Config();
        var db = await Seeds.SeededAsync(new ChecklistTemplateSeed(), new ProjectSeed(config), new KeyProjectSeed(config));
        db.SignIn("office", AppRoles.Office);
        return db;
    }

    /// <summary>Takes years out of the calendar of this copy, as a database would be that never had them.</summary>
    internal static async Task RemoveYearsAsync(TestDb db, params int[] years)
    {
        await using var ctx = db.CreateDbContext();
        await ctx.CalendarDays.Where(d => years.Contains(d.Date.Year)).ExecuteDeleteAsync();
        await ctx.CalendarYears.Where(y => years.Contains(y.Year)).ExecuteDeleteAsync();
    }

    private static async Task<ProjectDetail> DetailAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        var id = await ctx.Projects.Where(p => p.Name == name).Select(p => p.Id).SingleAsync();
        return await db.Get<ProjectService>().DetailAsync(id);
    }
}
