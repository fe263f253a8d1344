using Bunit;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Components.Layout;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Pages;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components;

public class LayoutComponentTests : ComponentTestBase
{
    [Theory]
    [InlineData(AppRoles.Office, true)]
    [InlineData(AppRoles.Leader, false)]
    [InlineData(AppRoles.Unit, false)]
    [InlineData(AppRoles.Steward, false)]
    [InlineData(AppRoles.Viewer, false)]
    public void The_menu_shows_system_management_only_to_the_office(string role, bool seesSystem)
    {
        AddAuthorization().SetAuthorized("someone").SetRoles(role);
        var menu = RenderInteractive<NavMenu>();
        var hrefs = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/", hrefs);
        Assert.Contains("/account/password", hrefs);
        Assert.Equal(seesSystem, hrefs.Contains("/system/users"));
        Assert.Equal(seesSystem, menu.Markup.Contains("系统管理"));
    }

    [Fact]
    public void Breadcrumbs_name_the_section_and_page_of_the_current_path()
    {
        AddAuthorization().SetAuthorized("office").SetRoles(AppRoles.Office);
        var nav = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        nav.NavigateTo("/system/logs/operations");
        var crumbs = RenderInteractive<Breadcrumbs>();
        var text = crumbs.Find(".mud-breadcrumbs").TextContent;
        Assert.Contains("首页", text);
        Assert.Contains("系统管理", text);
        Assert.Contains("操作日志", text);
    }
}

public class ParametersPageTests : ComponentTestBase
{
    [Fact]
    public async Task The_parameters_page_lists_the_seeded_settings_and_refuses_a_bad_value_in_chinese()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("office", AppRoles.Office);
        Services.AddSingleton(db.Actor);
        Services.AddSingleton(new SettingsService(db, db.Actor));
        AddAuthorization().SetAuthorized("office").SetRoles(AppRoles.Office);

        var page = RenderInteractive<ParametersPage>();
        page.WaitForAssertion(() => Assert.Contains("黄灯提前工作日数", page.Markup));
        Assert.Contains("差评整改时限(工作日)", page.Markup);

        var row = page.FindAll("tr").Single(tr => tr.InnerHtml.Contains("warning.yellowDays"));
        row.QuerySelector("input")!.Change("-1");
        var save = page.FindAll("tr").Single(tr => tr.InnerHtml.Contains("warning.yellowDays")).QuerySelector("button")!;
        await save.ClickAsync(new());
        var snackbar = Services.GetRequiredService<MudBlazor.ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message is { } m && m.Contains("黄灯提前工作日数") && m.Contains("不小于 0 的整数")));
        Assert.Equal("3", await new SettingsService(db, db.Actor).ParameterAsync("warning.yellowDays"));
    }
}
