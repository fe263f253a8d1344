using Bunit;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Components.Layout;
using QiyangConsole.Features.Administration;

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
