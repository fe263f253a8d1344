using Bunit;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Components.Layout;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Tests.Components;

public class LayoutComponentTests : ComponentTestBase
{
    [Theory]
    [InlineData(AppRoles.Office, "/system/calendar")]
    [InlineData(AppRoles.Leader, "")]
    [InlineData(AppRoles.Unit, "")]
    [InlineData(AppRoles.Steward, "")]
    [InlineData(AppRoles.Viewer, "")]
    [InlineData(AppRoles.SysAdmin, "/system/users /system/units /system/calendar /system/dictionaries /system/parameters /system/jobs /system/backups")]
    [InlineData(AppRoles.SecAdmin, "/system/users /system/online")]
    [InlineData(AppRoles.Auditor, "/system/logs/operations /system/logs/logins")]
    public void The_system_menu_shows_each_administrator_its_own_pages_only(string role, string systemPages)
    {
        AddAuthorization().SetAuthorized("someone").SetRoles(role);
        var menu = RenderInteractive<NavMenu>();
        var hrefs = menu.FindAll("a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Contains("/", hrefs);
        Assert.Contains("/account/password", hrefs);
        Assert.Equal(systemPages, string.Join(" ", hrefs.Where(h => h!.StartsWith("/system/"))));
        Assert.Equal(systemPages != "", menu.Markup.Contains("系统管理"));
    }

    [Fact]
    public void Breadcrumbs_name_the_section_and_page_of_the_current_path()
    {
        AddAuthorization().SetAuthorized("office").SetRoles(AppRoles.Office);
        var nav = Services.GetRequiredService<Microsoft.AspNetCore.Components.NavigationManager>();
        nav.NavigateTo("/system/logs/operations");
        var crumbs = RenderInteractive<Breadcrumbs>();
        var text = crumbs.Find(".app-breadcrumbs").TextContent;
        Assert.Contains("首页", text);
        Assert.Contains("系统管理", text);
        Assert.Contains("操作日志", text);
    }
}
