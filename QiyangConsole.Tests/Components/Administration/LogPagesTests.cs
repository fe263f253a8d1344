using Bunit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Pages;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components.Administration;

public class LogPagesTests : ComponentTestBase
{
    private async Task<TestDb> SignedInAsync()
    {
        var db = await Seeds.SeededAsync();
        db.SignIn("auditor", AppRoles.Auditor);
        Services.AddAreas(db);
        AddAuthorization().SetAuthorized("auditor").SetRoles(AppRoles.Auditor);
        return db;
    }

    [Fact]
    public async Task The_operation_log_verifies_its_chain_on_a_click_and_names_the_entry_changed_behind_its_back()
    {
        await using var db = await SignedInAsync();
        long total;
        await using (var ctx = db.CreateDbContext()) total = await ctx.AuditEntries.LongCountAsync();
        var page = RenderInteractive<OperationLogsPage>();
        page.WaitForAssertion(() => Assert.Contains("专班办公室", page.Markup));
        // Read and verify only: no button edits or deletes an entry.
        Assert.DoesNotContain(page.FindAll("button"), b => b.TextContent.Contains("删除") || b.TextContent.Contains("编辑") || b.TextContent.Contains("修改"));

        await page.Find("button.verify-chain").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal($"共校验 {total:N0} 条，链完整", page.Find(".chain-result").TextContent.Trim()));
        Assert.Contains("mud-alert-text-success", page.Find(".chain-result").ClassName);

        await using (var connection = new SqliteConnection(DataSetup.ConnectionString(db.Directory)))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE AuditEntries SET UserName = 'nobody' WHERE Id = 7";
            Assert.Equal(1, await command.ExecuteNonQueryAsync());
        }
        await page.Find("button.verify-chain").ClickAsync(new());
        page.WaitForAssertion(() => Assert.Equal("第 #7 条（2023-05-18 09:00 nobody）与封存时不一致：记录被改动（此前 6 条完整）", page.Find(".chain-result").TextContent.Trim()));
        Assert.Contains("mud-alert-text-error", page.Find(".chain-result").ClassName);
    }

    [Fact]
    public async Task The_login_log_verifies_its_own_chain()
    {
        await using var db = await SignedInAsync();
        await using (var ctx = db.CreateDbContext())
        {
            ctx.LoginRecords.Add(new LoginRecord { At = db.Clock.UtcNow(), UserName = "office", Succeeded = true, Reason = "登录成功", Ip = "127.0.0.1" });
            await ctx.SaveChangesAsync();
        }
        var page = RenderInteractive<LoginLogsPage>();
        page.WaitForAssertion(() => Assert.Contains("登录成功", page.Markup));

        await page.Find("button.verify-chain").ClickAsync(new());

        page.WaitForAssertion(() => Assert.Equal("共校验 1 条，链完整", page.Find(".chain-result").TextContent.Trim()));
    }
}
