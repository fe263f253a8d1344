using MudBlazor;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Components.Layout;

public sealed record NavItem(string Title, string Href, string Icon, string? ShownTo = null)
{
    /// <summary>
    /// Shown to the users the page itself lets in (the policy comes from the access table), narrowed by
    /// <see cref="ShownTo"/> where a page open to more people is only worth a menu entry for some.
    /// </summary>
    public bool AllowedFor(Func<string, bool> isInRole) =>
        Access.Allows(Access.For(Href).Policy, isInRole) && (ShownTo is null || Access.Allows(ShownTo, isInRole));
}

public sealed record NavSection(string Title, string Icon, IReadOnlyList<NavItem> Items);

/// <summary>The one list of pages behind the navigation drawer and the breadcrumbs.</summary>
public static class NavCatalog
{
    public static readonly NavItem Home = new("工作台", "/", Icons.Material.Outlined.Dashboard);
    public static readonly NavItem Todos = new("我的待办", "/todos", Icons.Material.Outlined.PendingActions);

    public static readonly IReadOnlyList<NavSection> Sections =
    [
        new("招商项目", Icons.Material.Outlined.Business,
        [
            new("项目库", "/projects", Icons.Material.Outlined.Apartment),
            new("个性需求", "/projects/needs", Icons.Material.Outlined.Checklist),
            new("领导精力投入", "/projects/leaders", Icons.Material.Outlined.HowToReg),
            new("审批清单模板", "/projects/checklists", Icons.Material.Outlined.FactCheck),
        ]),
        new("企业管家", Icons.Material.Outlined.Storefront,
        [
            new("园区企业", "/enterprises", Icons.Material.Outlined.Domain),
            new("走访记录", "/visits", Icons.Material.Outlined.DirectionsWalk),
            new("帮代办", "/help-matters", Icons.Material.Outlined.TaskAlt),
            new("管家覆盖", "/enterprises/stewards", Icons.Material.Outlined.SupportAgent),
            new("百名干部联百企", "/enterprises/cadres", Icons.Material.Outlined.Groups),
            new("联络卡联系人", "/enterprises/contacts", Icons.Material.Outlined.ContactPhone),
        ]),
        new("重点工作", Icons.Material.Outlined.Assignment,
        [
            new("督查公开栏", "/work-items", Icons.Material.Outlined.ViewList),
            new("结账点评", "/work-items/settlement", Icons.Material.Outlined.FactCheck),
        ]),
        new("政企交流", Icons.Material.Outlined.Forum,
        [
            new("交流活动", "/exchanges", Icons.Material.Outlined.EmojiFoodBeverage),
            new("问题清单", "/exchanges/problems", Icons.Material.Outlined.ListAlt),
            new("回访评价", "/callbacks", Icons.Material.Outlined.Phone),
        ]),
        new("考核排名", Icons.Material.Outlined.Leaderboard,
        [
            new("月度考核", "/evaluation", Icons.Material.Outlined.FactCheck),
            new("季度点评", "/evaluation/quarters", Icons.Material.Outlined.RateReview),
            new("考核方案", "/evaluation/schemes", Icons.Material.Outlined.Rule),
            new("本单位考核", "/evaluation/mine", Icons.Material.Outlined.Assessment, Access.UnitOnly),
        ]),
        new("系统管理", Icons.Material.Outlined.Settings,
        [
            new("用户管理", "/system/users", Icons.Material.Outlined.People),
            new("单位管理", "/system/units", Icons.Material.Outlined.AccountTree),
            new("工作日历", "/system/calendar", Icons.Material.Outlined.CalendarMonth),
            new("字典管理", "/system/dictionaries", Icons.Material.Outlined.MenuBook),
            new("参数设置", "/system/parameters", Icons.Material.Outlined.Tune),
            new("定时任务", "/system/jobs", Icons.Material.Outlined.Schedule),
            new("操作日志", "/system/logs/operations", Icons.Material.Outlined.History),
            new("登录日志", "/system/logs/logins", Icons.Material.Outlined.Login),
            new("在线用户", "/system/online", Icons.Material.Outlined.Sensors),
            new("数据备份", "/system/backups", Icons.Material.Outlined.Backup),
        ]),
        new("个人中心", Icons.Material.Outlined.Person,
        [
            new("修改密码", "/account/password", Icons.Material.Outlined.Password),
        ]),
    ];

    public static IEnumerable<NavSection> For(Func<string, bool> isInRole) =>
        Sections.Select(s => s with { Items = s.Items.Where(i => i.AllowedFor(isInRole)).ToList() }).Where(s => s.Items.Count > 0);

    /// <summary>Section and page for a path: the longest matching href wins.</summary>
    public static (NavSection? Section, NavItem? Item) Find(string path)
    {
        path = "/" + path.Split('?', '#')[0].Trim('/');
        if (path == Todos.Href) return (null, Todos);
        var match = Sections.SelectMany(s => s.Items.Select(i => (Section: s, Item: i)))
            .Where(x => path == x.Item.Href || path.StartsWith(x.Item.Href + "/"))
            .OrderByDescending(x => x.Item.Href.Length).FirstOrDefault();
        return (match.Section, match.Item);
    }
}
