using MudBlazor;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Components.Layout;

public sealed record NavItem(string Title, string Href, string Icon, IReadOnlyList<string>? Roles = null)
{
    public bool AllowedFor(Func<string, bool> isInRole) => Roles is null || Roles.Any(isInRole);
}

public sealed record NavSection(string Title, string Icon, IReadOnlyList<NavItem> Items);

/// <summary>The one list of pages behind the navigation drawer and the breadcrumbs.</summary>
public static class NavCatalog
{
    private static readonly string[] Office = [AppRoles.Office];

    public static readonly NavItem Home = new("工作台", "/", Icons.Material.Outlined.Dashboard);

    private static readonly string[] Readers = [AppRoles.Office, AppRoles.Leader, AppRoles.Viewer];
    private static readonly string[] ExchangeReaders = [AppRoles.Office, AppRoles.Leader, AppRoles.Viewer, AppRoles.Unit];
    private static readonly string[] EnterpriseReaders = [AppRoles.Office, AppRoles.Leader, AppRoles.Viewer, AppRoles.Unit, AppRoles.Steward];

    public static readonly IReadOnlyList<NavSection> Sections =
    [
        new("招商项目", Icons.Material.Outlined.Business,
        [
            new("项目库", "/projects", Icons.Material.Outlined.Apartment, Readers),
            new("个性需求", "/projects/needs", Icons.Material.Outlined.Checklist, ExchangeReaders),
            new("领导精力投入", "/projects/leaders", Icons.Material.Outlined.HowToReg, Readers),
            new("审批清单模板", "/projects/checklists", Icons.Material.Outlined.FactCheck, Office),
        ]),
        new("企业管家", Icons.Material.Outlined.Storefront,
        [
            new("园区企业", "/enterprises", Icons.Material.Outlined.Domain, EnterpriseReaders),
            new("走访记录", "/visits", Icons.Material.Outlined.DirectionsWalk, [AppRoles.Office, AppRoles.Leader, AppRoles.Viewer, AppRoles.Steward]),
            new("帮代办", "/help-matters", Icons.Material.Outlined.TaskAlt, EnterpriseReaders),
            new("管家覆盖", "/enterprises/stewards", Icons.Material.Outlined.SupportAgent, Readers),
            new("百名干部联百企", "/enterprises/cadres", Icons.Material.Outlined.Groups, Readers),
            new("联络卡联系人", "/enterprises/contacts", Icons.Material.Outlined.ContactPhone, [AppRoles.Office, AppRoles.Leader, AppRoles.Viewer, AppRoles.Steward]),
        ]),
        new("重点工作", Icons.Material.Outlined.Assignment,
        [
            new("督查公开栏", "/work-items", Icons.Material.Outlined.ViewList),
            new("结账点评", "/work-items/settlement", Icons.Material.Outlined.FactCheck, [AppRoles.Office, AppRoles.Leader]),
        ]),
        new("政企交流", Icons.Material.Outlined.Forum,
        [
            new("交流活动", "/exchanges", Icons.Material.Outlined.EmojiFoodBeverage, ExchangeReaders),
            new("问题清单", "/exchanges/problems", Icons.Material.Outlined.ListAlt, ExchangeReaders),
            new("回访评价", "/callbacks", Icons.Material.Outlined.Phone, ExchangeReaders),
        ]),
        new("考核排名", Icons.Material.Outlined.Leaderboard,
        [
            new("月度考核", "/evaluation", Icons.Material.Outlined.FactCheck, Readers),
            new("季度点评", "/evaluation/quarters", Icons.Material.Outlined.RateReview, Readers),
            new("考核方案", "/evaluation/schemes", Icons.Material.Outlined.Rule, Office),
            new("本单位考核", "/evaluation/mine", Icons.Material.Outlined.Assessment, [AppRoles.Unit]),
        ]),
        new("系统管理", Icons.Material.Outlined.Settings,
        [
            new("用户管理", "/system/users", Icons.Material.Outlined.People, Office),
            new("单位管理", "/system/units", Icons.Material.Outlined.AccountTree, Office),
            new("工作日历", "/system/calendar", Icons.Material.Outlined.CalendarMonth, Office),
            new("字典管理", "/system/dictionaries", Icons.Material.Outlined.MenuBook, Office),
            new("参数设置", "/system/parameters", Icons.Material.Outlined.Tune, Office),
            new("定时任务", "/system/jobs", Icons.Material.Outlined.Schedule, Office),
            new("操作日志", "/system/logs/operations", Icons.Material.Outlined.History, Office),
            new("登录日志", "/system/logs/logins", Icons.Material.Outlined.Login, Office),
            new("在线用户", "/system/online", Icons.Material.Outlined.Sensors, Office),
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
        var match = Sections.SelectMany(s => s.Items.Select(i => (Section: s, Item: i)))
            .Where(x => path == x.Item.Href || path.StartsWith(x.Item.Href + "/"))
            .OrderByDescending(x => x.Item.Href.Length).FirstOrDefault();
        return (match.Section, match.Item);
    }
}
