using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Pages;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components.Administration;

/// <summary>The working-day calendar page: each holiday's whole break, weekend days too, and every day under its own name.</summary>
public class CalendarPageTests : ComponentTestBase
{
    private async Task<TestDb> ArrangeAsync(string url)
    {
        var db = await Seeds.SeededAsync();
        db.SignIn("office", AppRoles.Office);
        Services.AddAreas(db);
        AddAuthorization().SetAuthorized("office").SetRoles(AppRoles.Office);
        Services.GetRequiredService<NavigationManager>().NavigateTo(url);
        return db;
    }

    [Fact]
    public async Task A_year_shows_its_breaks_and_names_each_day_instead_of_one_generic_label()
    {
        await using var db = await ArrangeAsync("/system/calendar?year=2021");

        var page = RenderInteractive<CalendarPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#calendar-breaks")));
        Assert.Contains("国办发明电〔2020〕27号", page.Markup);
        var breaks = page.FindAll("#calendar-breaks tbody tr").Select(r => string.Join("|", r.QuerySelectorAll("td").Select(td => td.TextContent.Trim()))).ToList();
        Assert.Equal(
        [
            "元旦|2021-01-01 至 2021-01-03|3",
            "春节|2021-02-11 至 2021-02-17|7",
            "清明节|2021-04-03 至 2021-04-05|3",
            "劳动节|2021-05-01 至 2021-05-05|5",
            "端午节|2021-06-12 至 2021-06-14|3",
            "中秋节|2021-09-19 至 2021-09-21|3",
            "国庆节|2021-10-01 至 2021-10-07|7",
            "调休上班|2021-02-07（周日）、2021-02-20（周六）、2021-04-25（周日）、2021-05-08（周六）、2021-09-18（周六）、2021-09-26（周日）、2021-10-09（周六）",
        ], breaks);
        foreach (var (date, name) in new[]
        {
            ("2021-01-01", "元旦"), ("2021-02-13", "春节"), ("2021-02-14", "春节"), ("2021-02-07", "调休上班"), ("2021-04-03", "清明节"),
            ("2021-05-01", "劳动节"), ("2021-06-14", "端午节"), ("2021-09-19", "中秋节"), ("2021-10-02", "国庆节"), ("2021-10-09", "调休上班"),
        })
        {
            var day = page.Find($"button[data-date='{date}']");
            Assert.Equal(name, day.QuerySelector(".cal-name")?.TextContent);
            Assert.StartsWith($"{date} ", day.QuerySelector(".cal-state")!.TextContent);   // the button's name says the date
        }
        Assert.Null(page.Find("button[data-date='2021-03-13']").QuerySelector(".cal-name")); // an ordinary Saturday has no name
        Assert.Contains("off", page.Find("button[data-date='2021-02-13']").ClassList);
        Assert.DoesNotContain("exception", page.Find("button[data-date='2021-02-13']").ClassList); // a weekend day off is no exception to the week
        Assert.Contains("exception", page.Find("button[data-date='2021-02-11']").ClassList);
        // Day off or working day in words and in a mark (休/班), not by the cell's colour or outline alone.
        string State(string date) => page.Find($"button[data-date='{date}'] .cal-state").TextContent;
        Assert.Equal("2021-02-13 休息日", State("2021-02-13"));
        Assert.Equal("休", page.Find("button[data-date='2021-02-13'] .cal-mark").TextContent);
        Assert.Equal("2021-03-13 休息日", State("2021-03-13"));
        Assert.Equal("2021-02-07 工作日（调整）", State("2021-02-07"));
        Assert.Equal("班", page.Find("button[data-date='2021-02-07'] .cal-mark").TextContent);
        Assert.Equal("2021-02-11 休息日（调整）", State("2021-02-11"));
        Assert.Equal("2021-03-15 工作日", State("2021-03-15"));
        Assert.Empty(page.FindAll("button[data-date='2021-03-15'] .cal-mark"));
        Assert.DoesNotContain("法定节假日", page.Markup);
        Assert.Contains("工作日 250 天", page.Find("#calendar-summary").TextContent);
    }

    [Fact]
    public async Task A_break_across_the_year_end_is_shown_whole()
    {
        await using var db = await ArrangeAsync("/system/calendar?year=2023");

        var page = RenderInteractive<CalendarPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("#calendar-breaks")));
        var text = page.Find("#calendar-breaks").TextContent;
        Assert.Contains("2022-12-31 至 2023-01-02", text);
        Assert.Contains("中秋节、国庆节", text);
        Assert.Contains("2023-09-29 至 2023-10-06", text);
        Assert.Contains("2023-12-30 至 2024-01-01", text);
    }

    [Fact]
    public async Task A_link_to_a_missing_year_opens_it_with_the_message_and_the_year_ready_to_add()
    {
        await using var db = await ArrangeAsync("/system/calendar?year=2020");

        var page = RenderInteractive<CalendarPage>();

        page.WaitForAssertion(() => Assert.Contains("2020年的工作日历尚未载入", page.Markup));
        Assert.Empty(page.FindAll("#calendar-breaks"));
        Assert.Equal("2020", page.Find(".mud-input-slot").GetAttribute("value"));
    }
}
