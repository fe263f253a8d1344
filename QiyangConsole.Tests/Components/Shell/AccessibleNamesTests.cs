using System.Security.Claims;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Components.Layout;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.Projects.Pages;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components.Shell;

/// <summary>
/// What a screen reader announces for the shell's icon-only and menu buttons and for the charts: a Chinese name on a real
/// button (never a button inside MudMenu's role="button" wrapper), and the charts' figures in words.
/// </summary>
public class AccessibleNamesTests : ComponentTestBase
{
    private async Task<TestDb> ArrangeAsync(string userName, string role, string displayName)
    {
        var db = await Seeds.SeededAsync();
        await using (var ctx = db.CreateDbContext())
            db.SignIn(userName, role, userId: ctx.Users.Single(u => u.UserName == userName).Id);
        Services.AddAreas(db);
        AddAuthorization().SetAuthorized(userName).SetRoles(role).SetClaims(new Claim(AppClaims.DisplayName, displayName));
        return db;
    }

    /// <summary>No focusable element inside another control (axe nested-interactive), and every button has a name.</summary>
    private static void AssertOneNamedButton<T>(IRenderedComponent<T> rendered, string expectedName) where T : IComponent
    {
        Assert.Empty(rendered.FindAll("[role=button] button, [role=button] a, button button, button a"));
        var button = Assert.Single(rendered.FindAll("button"));
        Assert.Equal(expectedName, button.GetAttribute("aria-label"));
        Assert.Equal("menu", button.GetAttribute("aria-haspopup"));
    }

    [Fact]
    public async Task The_reminder_bell_is_one_button_named_in_chinese_with_the_unread_count()
    {
        await using var db = await ArrangeAsync("office", AppRoles.Office, "专班办公室 王敏");
        var bell = RenderInteractive<ReminderBell>();
        bell.WaitForAssertion(() => AssertOneNamedButton(bell, "提醒"));

        await using (var ctx = db.CreateDbContext())
        {
            ctx.Reminders.Add(new Reminder { Role = AppRoles.Office, Title = "督查事项临期", CreatedAt = DateTime.UtcNow });
            ctx.Reminders.Add(new Reminder { Role = AppRoles.Office, Title = "问题待交办", CreatedAt = DateTime.UtcNow });
            await ctx.SaveChangesAsync();
        }
        var withTwo = RenderInteractive<ReminderBell>();
        withTwo.WaitForAssertion(() => AssertOneNamedButton(withTwo, "提醒（2 条未读）"));
    }

    [Fact]
    public async Task The_user_menu_is_one_button_named_for_the_menu_and_the_user()
    {
        await using var db = await ArrangeAsync("steward", AppRoles.Steward, "企业管家 陈晓");
        var menu = RenderInteractive<UserMenu>();
        menu.WaitForAssertion(() => AssertOneNamedButton(menu, "用户菜单：企业管家 陈晓"));
        Assert.Contains("企业管家 陈晓", menu.Find("button").TextContent);
    }

    [Fact]
    public async Task The_breadcrumbs_are_a_named_navigation_landmark_without_placeholder_links()
    {
        await using var db = await ArrangeAsync("office", AppRoles.Office, "专班办公室 王敏");
        Services.GetRequiredService<NavigationManager>().NavigateTo("/projects/needs");
        var crumbs = RenderInteractive<Breadcrumbs>();
        var nav = crumbs.Find("nav");
        Assert.Equal("当前位置", nav.GetAttribute("aria-label"));
        Assert.Empty(crumbs.FindAll("a[href='#']"));
        Assert.Equal("page", crumbs.FindAll("a").Last().GetAttribute("aria-current"));
        Assert.Equal("招商项目", crumbs.Find("li span").TextContent);   // the section has no page: text, not a link
    }

    [Fact]
    public async Task The_project_charts_have_their_figures_in_words_and_hide_the_drawing_from_screen_readers()
    {
        await using var db = await Seeds.SeededAsync(new ChecklistTemplateSeed(), new ProjectSeed(Seeds.Config()));
        db.SignIn("office", AppRoles.Office);
        Services.AddAreas(db);
        AddAuthorization().SetAuthorized("office").SetRoles(AppRoles.Office);
        var totals = await db.Get<ProjectFigures>().TotalsAsync();

        var panel = RenderInteractive<ProjectTotalsPanel>();
        panel.WaitForAssertion(() => Assert.NotEmpty(panel.FindAll("#chart-stages-summary")));
        var months = panel.Find("#chart-months-summary").TextContent;
        foreach (var m in totals.ByMonth) Assert.Contains($"{m.Month}月 {m.Signed} 个", months);
        var stages = panel.Find("#chart-stages-summary").TextContent;
        Assert.NotEmpty(totals.ByStage);
        foreach (var s in totals.ByStage) Assert.Contains($"{s.Stage.Name()} {s.Count} 个", stages);
        Assert.All(panel.FindAll("svg.mud-chart-bar, svg.mud-chart-donut, .mud-chart svg"), svg => Assert.NotNull(svg.Closest("[aria-hidden=true]")));
    }
}
