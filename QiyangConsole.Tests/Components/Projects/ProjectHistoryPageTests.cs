using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Projects.Pages;
using QiyangConsole.Tests.Data.Projects;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components.Projects;

/// <summary>A 2021 project on a copy without the 2021 and 2022 calendars: the page opens, the clock says which year is missing.</summary>
public class ProjectHistoryPageTests : ComponentTestBase
{
    private async Task<(TestDb Db, int Id)> ArrangeAsync(string userName, string role)
    {
        var db = await HistoryClockDataTests.ArrangeAsync();
        await HistoryClockDataTests.RemoveYearsAsync(db, 2021, 2022);
        db.SignIn(userName, role);
        Services.AddAreas(db);
        AddAuthorization().SetAuthorized(userName).SetRoles(role);
        await using var ctx = db.CreateDbContext();
        return (db, await ctx.Projects.Where(p => p.Name == "泰峰锂电池Pack生产基地项目").Select(p => p.Id).SingleAsync());
    }

    [Fact]
    public async Task The_office_sees_the_project_and_each_step_sends_it_to_the_missing_year_of_the_calendar()
    {
        var (db, id) = await ArrangeAsync("office", AppRoles.Office);
        await using var _ = db;

        var page = OpenClock(id);

        var notes = page.FindAll("#permit-clock .calendar-missing");
        Assert.Equal(4, notes.Count);
        Assert.All(notes, n => Assert.Contains("2021年：该年工作日历未载入", n.TextContent));
        Assert.All(page.FindAll("#permit-clock .calendar-missing a"), a => Assert.Equal("/system/calendar?year=2021", a.GetAttribute("href")));
        Assert.Equal(4, page.FindAll("#permit-clock .calendar-missing a").Count);
        Assert.Equal(4, page.FindAll("#permit-clock tr.clock-missing").Count);
        Assert.Contains("无法判断", page.Find("#clock-result").TextContent);
        Assert.DoesNotContain("已实现拿地即开工", page.Find("#clock-result").TextContent);
        Assert.Contains("2021-02-22", page.Find("#permit-clock").TextContent);
    }

    [Fact]
    public async Task A_viewer_reads_the_same_message_without_a_link_it_could_not_open()
    {
        var (db, id) = await ArrangeAsync("viewer", AppRoles.Viewer);
        await using var _ = db;

        var page = OpenClock(id);

        Assert.Equal(4, page.FindAll("#permit-clock .calendar-missing").Count);
        Assert.Contains("该年工作日历未载入", page.Find("#permit-clock").TextContent);
        Assert.Empty(page.FindAll("#permit-clock .calendar-missing a"));
    }

    /// <summary>Renders the project page and opens its 拿地即开工 tab (the rest of the page rendered first).</summary>
    private IRenderedComponent<ProjectPage> OpenClock(int id)
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", true));
        var page = Render<ProjectPage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Contains("泰峰锂电池Pack生产基地项目", page.Find("h1").TextContent));
        Assert.NotEmpty(page.FindAll("#five-ones"));
        page.FindAll(".mud-tab").Single(t => t.TextContent.Contains("拿地即开工")).Click();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#permit-clock")));
        return page;
    }
}
