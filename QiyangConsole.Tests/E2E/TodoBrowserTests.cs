using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

/// <summary>我的待办 as a liaison meets it: a newly assigned item on the overview's card, followed to its page, accepted, and gone from 待承办.</summary>
[Collection(HostCollection.Name)]
public class TodoBrowserTests(HostFixture fixture, BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task A_unit_follows_a_todo_from_the_overview_accepts_the_item_and_the_todo_is_gone()
    {
        var title = $"待办跟进事项 {Guid.NewGuid().ToString("N")[..6]}";
        var id = await AssignedItemAsync(title);

        var unit = await browser.NewPageAsync(fixture.Host.BaseUrl);
        await unit.SignInAsync("unit");
        await unit.GotoAsync("/");
        await unit.WaitForInteractiveAsync();
        var card = unit.Locator("#todo-card");
        var entry = card.Locator(".todo-entries li", new() { HasText = title });
        await Assertions.Expect(entry).ToContainTextAsync("待承办");
        await Assertions.Expect(card.Locator(".todo-kinds li[data-kind='待承办']")).ToBeVisibleAsync();
        await unit.ShotAsync("todo-card-unit");

        await entry.GetByRole(AriaRole.Link, new() { Name = title }).ClickAsync();
        await unit.WaitForURLAsync($"**/work-items/{id}");
        await unit.WaitForInteractiveAsync();
        await unit.Locator("#wi-accept").ClickAsync();
        await Assertions.Expect(unit.Locator("#wi-state")).ToHaveTextAsync("办理中");

        await unit.GotoAsync("/");
        await unit.WaitForInteractiveAsync();
        await Assertions.Expect(unit.Locator("#todo-card .todo-entries li", new() { HasText = title })).ToContainTextAsync("待报送进展或申请销号");
        await Assertions.Expect(unit.Locator("#todo-card .todo-entries li", new() { HasText = title }).Filter(new() { HasText = "待承办" })).ToHaveCountAsync(0);

        // The whole list names the item's next step instead.
        await unit.GotoAsync("/todos");
        await unit.WaitForInteractiveAsync();
        var listed = unit.Locator(".todo-entries li", new() { HasText = title });
        await Assertions.Expect(listed).ToHaveCountAsync(1);
        await Assertions.Expect(listed).ToContainTextAsync("待报送进展或申请销号");
    }

    /// <summary>A work item of 市自然资源局 due today, registered and assigned by the office through the services.</summary>
    private async Task<int> AssignedItemAsync(string title)
    {
        using var scope = fixture.Host.Services.CreateScope();
        var services = scope.ServiceProvider;
        int unitId;
        await using (var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync())
            unitId = await db.Units.Where(u => u.Name == "市自然资源局").Select(u => u.Id).SingleAsync();
        services.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, "office"), new Claim(ClaimTypes.NameIdentifier, "office"), new Claim(ClaimTypes.Role, AppRoles.Office)], "test")));
        var items = services.GetRequiredService<WorkItemService>();
        // Due today: after any overdue to-dos, before later ones, so among the card's first entries.
        var id = await items.CreateAsync(new WorkItemEdit { Title = title, Source = "会议", LeadUnitId = unitId, Deadline = services.GetRequiredService<TimeProvider>().Today() });
        await items.AssignAsync(id);
        return id;
    }
}
