using Bunit;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Pages;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components.Administration;

public class BackupsPageTests : ComponentTestBase
{
    [Fact]
    public async Task Backing_up_now_adds_a_row_with_its_time_size_and_download_link()
    {
        await using var db = await Seeds.SeededAsync(new BackupParameterSeed());
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        Services.AddAreas(db);
        AddAuthorization().SetAuthorized("sysadmin").SetRoles(AppRoles.SysAdmin);

        var page = RenderInteractive<BackupsPage>();
        page.WaitForAssertion(() => Assert.Contains("暂无备份", page.Markup));
        Assert.Contains("保留最新 14 份", page.Markup);

        await page.Find("#backup-now").ClickAsync(new());
        var snackbar = Services.GetRequiredService<MudBlazor.ISnackbar>();
        page.WaitForAssertion(() => Assert.Contains(snackbar.ShownSnackbars, s => s.Message is { } m && m.StartsWith("已备份为 qiyang-20230518-090000.db")));
        page.WaitForAssertion(() => Assert.Single(page.FindAll("tr[data-backup]")));
        var row = page.Find("tr[data-backup]");
        Assert.Equal("qiyang-20230518-090000.db", row.GetAttribute("data-backup"));
        Assert.Matches(@"\d+ KB|\d+\.\d MB", row.TextContent);
        Assert.Equal("/system/backups/qiyang-20230518-090000.db", row.QuerySelector("a.backup-download")!.GetAttribute("href"));
        Assert.True(File.Exists(Path.Combine(db.Directory, "backups", "qiyang-20230518-090000.db")));
        Assert.DoesNotContain("暂无备份", page.Markup);
    }
}
