using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;
using OrgUnit = QiyangConsole.Features.Administration.Unit;

namespace QiyangConsole.Tests.E2E;

/// <summary>Two browsers with the same work item open: the second progress report is refused with the conflict message, nothing of it written, and the page shows what the first saved.</summary>
[Collection(HostCollection.Name)]
public class ConcurrentEditBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Two_browsers_report_on_one_work_item_and_the_second_report_is_refused()
    {
        var id = await AcceptedItemAsync();
        var first = await browser.NewPageAsync(fixture.Host.BaseUrl);
        var second = await browser.NewPageAsync(fixture.Host.BaseUrl);
        foreach (var page in new[] { first, second })
        {
            await page.SignInAsync("unit");
            await page.GotoAsync($"/work-items/{id}");
            await page.WaitForInteractiveAsync();
            await Assertions.Expect(page.Locator("#wi-info")).ToContainTextAsync("0%");
        }
        await first.FillAsync("#wi-progress-text", "甲：用地报批材料已上报");
        await first.FillAsync("#wi-progress-percent", "40");
        await second.FillAsync("#wi-progress-text", "乙：正在编制报批材料");
        await second.FillAsync("#wi-progress-percent", "30");

        await first.Locator("#wi-progress-save").ClickAsync();
        await Assertions.Expect(first.Locator(".mud-snackbar", new() { HasText = "保存成功" })).ToBeVisibleAsync();
        await second.Locator("#wi-progress-save").ClickAsync();
        await Assertions.Expect(second.Locator(".mud-snackbar-content-message", new() { HasText = "数据已被他人修改" })).ToHaveTextAsync(DomainException.Conflict);

        // Nothing of the second report is written; its page now shows the first's, and its text is still there to send again.
        var item = await ItemAsync(id);
        Assert.Equal(40, item.Percent);
        Assert.Equal(["甲：用地报批材料已上报"], await ReportsAsync(id));
        await Assertions.Expect(second.Locator("#wi-info")).ToContainTextAsync("40%");
        await Assertions.Expect(second.Locator("#wi-timeline")).ToContainTextAsync("甲：用地报批材料已上报");
        await Assertions.Expect(second.Locator("#wi-progress-text")).ToHaveValueAsync("乙：正在编制报批材料");
        await second.ShotAsync("work-item-conflict");

        await second.FillAsync("#wi-progress-percent", "45");
        await second.Locator("#wi-progress-save").ClickAsync();
        await Assertions.Expect(second.Locator(".mud-snackbar", new() { HasText = "保存成功" })).ToBeVisibleAsync();
        Assert.Equal(["甲：用地报批材料已上报", "乙：正在编制报批材料"], await ReportsAsync(id));
        Assert.Equal(45, (await ItemAsync(id)).Percent);
    }

    /// <summary>A work item of 市自然资源局 registered, assigned and accepted through the services, as the office and the unit would.</summary>
    private async Task<int> AcceptedItemAsync()
    {
        using var scope = fixture.Host.Services.CreateScope();
        var services = scope.ServiceProvider;
        var user = services.GetRequiredService<CurrentUser>();
        OrgUnit unit;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            unit = await db.Units.AsNoTracking().SingleAsync(u => u.Name == "市自然资源局");
        var items = services.GetRequiredService<WorkItemService>();
        user.Set(Principal("office", AppRoles.Office));
        var id = await items.CreateAsync(new WorkItemEdit
        {
            Title = $"两个浏览器同时办理的事项 {Guid.NewGuid().ToString("N")[..6]}", Source = "会议", LeadUnitId = unit.Id,
            Deadline = DateOnly.FromDateTime(DateTime.Today.AddDays(30)),
        });
        await items.AssignAsync(id);
        user.Set(Principal("unit", AppRoles.Unit, unit));
        await items.AcceptAsync(id);
        return id;
    }

    private static ClaimsPrincipal Principal(string name, string role, OrgUnit? unit = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.NameIdentifier, name), new(ClaimTypes.Role, role) };
        if (unit is not null) claims.AddRange([new Claim(AppClaims.UnitId, unit.Id.ToString()), new Claim(AppClaims.UnitName, unit.Name)]);
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private Task<WorkItem> ItemAsync(int id) => ReadAsync(db => db.WorkItems.AsNoTracking().SingleAsync(i => i.Id == id));

    private Task<List<string?>> ReportsAsync(int id) => ReadAsync(db =>
        db.WorkItemUpdates.Where(u => u.WorkItemId == id && u.Kind == UpdateKind.Progress).OrderBy(u => u.Id).Select(u => u.Text).ToListAsync());

    private async Task<T> ReadAsync<T>(Func<AppDbContext, Task<T>> read)
    {
        using var scope = fixture.Host.Services.CreateScope();
        await using var db = await scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        return await read(db);
    }
}
