using Bunit;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Pages;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components.Administration;

public class ParametersPageTests : ComponentTestBase
{
    [Fact]
    public async Task The_parameters_page_lists_the_seeded_settings_and_refuses_a_bad_value_in_chinese()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        Services.AddAreas(db);
        AddAuthorization().SetAuthorized("sysadmin").SetRoles(AppRoles.SysAdmin);

        var page = RenderInteractive<ParametersPage>();
        page.WaitForAssertion(() => Assert.Contains("黄灯提前工作日数", page.Markup));
        Assert.Contains("差评整改时限(工作日)", page.Markup);

        var row = page.FindAll("tr").Single(tr => tr.InnerHtml.Contains("warning.yellowDays"));
        row.QuerySelector("input")!.Change("-1");
        var save = page.FindAll("tr").Single(tr => tr.InnerHtml.Contains("warning.yellowDays")).QuerySelector("button")!;
        await save.ClickAsync(new());
        var snackbar = Services.GetRequiredService<MudBlazor.ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message is { } m && m.Contains("黄灯提前工作日数") && m.Contains("不小于 0 的整数")));
        Assert.Equal("3", await db.Get<SettingsService>().ParameterAsync("warning.yellowDays"));
    }
}
