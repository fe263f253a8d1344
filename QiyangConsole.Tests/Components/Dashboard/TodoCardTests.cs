using Bunit;
using QiyangConsole.Features.Dashboard;

namespace QiyangConsole.Tests.Components.Dashboard;

/// <summary>The overview's 我的待办 card: counts per kind with links, the most pressing entries (overdue first, said in words), a link to all.</summary>
public sealed class TodoCardTests : ComponentTestBase
{
    private static readonly DateOnly Today = new(2023, 5, 18);

    [Fact]
    public void The_card_counts_each_kind_and_lists_the_overdue_first_with_links()
    {
        var list = new TodoList(
        [
            new("重点工作", "待承办", 2, 0, "/work-items",
            [
                new("重点工作", "待承办", "标准厂房供地", "/work-items/7", Today.AddDays(10), false),
                new("重点工作", "待承办", "无期限事项", "/work-items/8", null, false),
            ]),
            new("政企交流", "待办理问题", 1, 1, "/exchanges/problems",
            [
                new("政企交流", "待办理问题", "甲企业：用地红线调整慢", "/exchanges/problems/3", Today.AddDays(-2), true, "已升级至分管领导"),
            ]),
        ]);

        var card = Render<TodoCard>(p => p.Add(c => c.Todos, list).Add(c => c.Shown, 2));

        Assert.Equal("我的待办", card.Find("#todo-card h2").TextContent);
        Assert.Equal("todo-card-title", card.Find("#todo-card").GetAttribute("aria-labelledby"));
        Assert.Contains("共 3 项", card.Find("#todo-summary").TextContent.Replace("\n", " ").Replace("  ", " "));
        Assert.Contains("其中已逾期 1 项", card.Find("#todo-summary").TextContent);
        var kinds = card.FindAll(".todo-kinds li");
        Assert.Equal(2, kinds.Count);
        Assert.Equal("/work-items", kinds[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("重点工作 · 待承办", kinds[0].TextContent);
        Assert.Equal("2", kinds[0].QuerySelector(".todo-count")!.TextContent);
        Assert.Contains("逾期 1", kinds[1].TextContent);

        // Two shown: the overdue problem first, then the dated item; the undated one is left for /todos.
        var entries = card.FindAll(".todo-entries li");
        Assert.Equal(2, entries.Count);
        Assert.Equal("/exchanges/problems/3", entries[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("已逾期", entries[0].TextContent);           // in words, not by colour only
        Assert.Contains("期限 2023-05-16", entries[0].TextContent);
        Assert.Contains("已升级至分管领导", entries[0].TextContent);
        Assert.Equal("/work-items/7", entries[1].QuerySelector("a")!.GetAttribute("href"));
        Assert.DoesNotContain("已逾期", entries[1].TextContent);
        Assert.Equal("/todos", card.Find("#todo-all").GetAttribute("href"));
    }

    [Fact]
    public void With_nothing_to_do_the_card_says_so()
    {
        var card = Render<TodoCard>(p => p.Add(c => c.Todos, TodoList.Empty));
        Assert.Equal("暂无待办", card.Find("#todo-none").TextContent);
        Assert.Empty(card.FindAll(".todo-entries li"));
        Assert.Equal("/todos", card.Find("#todo-all").GetAttribute("href"));
    }
}
