using Microsoft.AspNetCore.Authorization;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Infrastructure.Auth;

/// <summary>Who may open a page or an endpoint, and the data scope it shows.</summary>
public sealed record RouteAccess(string Route, string Policy, string Scope);

/// <summary>
/// The one table of access. Each policy names the roles it lets in; each page and HTTP endpoint names its policy
/// (<c>[Authorize(Policy = …)]</c>, <c>RequireAuthorization(…)</c>), and the navigation and the services read the same
/// policies. A test checks every <c>@page</c> and every mapped endpoint against <see cref="Routes"/>, for every role.
/// </summary>
public static class Access
{
    public const string Anonymous = "Anonymous";
    public const string SignedIn = "SignedIn";
    public const string OfficeOnly = "OfficeOnly";
    public const string OfficeOrLeader = "OfficeOrLeader";
    public const string OfficeOrSteward = "OfficeOrSteward";
    public const string StewardOnly = "StewardOnly";
    public const string UnitOnly = "UnitOnly";
    /// <summary>The office, leaders and the read-only role: boards, registers and results of the whole zone.</summary>
    public const string Overseers = "Overseers";
    /// <summary>The overseers and unit liaisons: lists where a unit sees what is assigned to it.</summary>
    public const string UnitWork = "UnitWork";
    /// <summary>The overseers and stewards: lists where a steward sees its own records.</summary>
    public const string StewardWork = "StewardWork";
    /// <summary>Every business role: enterprise lists, each scoped to what the user serves.</summary>
    public const string EnterpriseWork = "EnterpriseWork";
    /// <summary>Every business role: pages about the user's own work (我的待办).</summary>
    public const string BusinessUsers = "BusinessUsers";
    /// <summary>Visit notes and photos are personal data: the Office, leaders and stewards (their own).</summary>
    public const string VisitReaders = "VisitReaders";
    /// <summary>Problems raised by enterprises and their callbacks: the Office, leaders and the units they are assigned to.</summary>
    public const string UnitCases = "UnitCases";
    /// <summary>系统管理员: accounts, units, settings, jobs and backups.</summary>
    public const string SystemAdmin = "SystemAdmin";
    /// <summary>安全管理员: roles and sessions.</summary>
    public const string SecurityAdmin = "SecurityAdmin";
    /// <summary>安全审计员: the operation and login logs, read only.</summary>
    public const string SecurityAudit = "SecurityAudit";
    /// <summary>The user list: the system administrator keeps the accounts, the security administrator grants their roles.</summary>
    public const string AccountAdmins = "AccountAdmins";
    /// <summary>The working-day calendar: kept by the system administrator, and by the Office whose clocks run on it.</summary>
    public const string CalendarKeepers = "CalendarKeepers";

    private const string Office = AppRoles.Office, Leader = AppRoles.Leader, Viewer = AppRoles.Viewer, Unit = AppRoles.Unit, Steward = AppRoles.Steward,
        SysAdmin = AppRoles.SysAdmin, SecAdmin = AppRoles.SecAdmin, Auditor = AppRoles.Auditor;

    /// <summary>The roles each policy lets in; <see cref="SignedIn"/> lets in any signed-in user, <see cref="Anonymous"/> anybody.</summary>
    public static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Policies = new Dictionary<string, IReadOnlyList<string>>
    {
        [OfficeOnly] = [Office],
        [OfficeOrLeader] = [Office, Leader],
        [OfficeOrSteward] = [Office, Steward],
        [StewardOnly] = [Steward],
        [UnitOnly] = [Unit],
        [Overseers] = [Office, Leader, Viewer],
        [UnitWork] = [Office, Leader, Viewer, Unit],
        [StewardWork] = [Office, Leader, Viewer, Steward],
        [EnterpriseWork] = [Office, Leader, Viewer, Unit, Steward],
        [BusinessUsers] = [Office, Leader, Viewer, Unit, Steward],
        [VisitReaders] = [Office, Leader, Steward],
        [UnitCases] = [Office, Leader, Unit],
        [SystemAdmin] = [SysAdmin],
        [SecurityAdmin] = [SecAdmin],
        [SecurityAudit] = [Auditor],
        [AccountAdmins] = [SysAdmin, SecAdmin],
        [CalendarKeepers] = [Office, SysAdmin],
    };

    private const string All = "全部数据";
    private const string Own = "本人";
    private const string ByRole = "单位看本单位承办的，管家看本人的，其余全部";

    /// <summary>Every page (route template as in <c>@page</c>) and every endpoint (<c>VERB pattern</c>).</summary>
    public static readonly IReadOnlyList<RouteAccess> Routes =
    [
        // Shell and account
        new("/", SignedIn, "各角色看到自己的待办与数字"),
        new("/todos", BusinessUsers, "本人待办：专班办公室的审核与交办，单位的本单位事项，管家的本人企业与走访"),
        new("/account/login", Anonymous, "—"),
        new("/account/denied", SignedIn, "—"),
        new("/account/password", SignedIn, Own),
        new("/error", Anonymous, "—"),
        new("/not-found", Anonymous, "—"),
        new("POST /account/logout", Anonymous, Own),
        new("GET /culture/set", Anonymous, "—"),
        new("GET /account/keepalive", SignedIn, Own),
        new("POST /account/large-text", SignedIn, Own),
        new("GET /healthz", Anonymous, "—"),
        new("* /{**path:file}", Anonymous, "静态文件"),

        // Investment projects
        new("/projects", Overseers, All),
        new("/projects/{Id:int}", Overseers, All),
        new("/projects/needs", UnitWork, "单位看交办本单位的需求，其余全部"),
        new("/projects/leaders", Overseers, "领导看本人，其余全部"),
        new("/projects/checklists", OfficeOnly, All),
        new("GET /projects/export.xlsx", Overseers, All),

        // Key-work supervision
        new("/work-items", SignedIn, "公开栏：全部；单位可只看本单位"),
        new("/work-items/{Id:int}", SignedIn, "公开栏：全部"),
        new("/work-items/settlement", OfficeOrLeader, All),
        new("GET /work-items/export.xlsx", SignedIn, "同公开栏"),
        new("GET /work-items/attachments/{updateId:int}", SignedIn, "同公开栏"),

        // Monthly evaluation
        new("/evaluation", Overseers, "未发布月份的评分仅办公室与领导"),
        new("/evaluation/periods/{Id:int}", Overseers, "未发布月份的评分仅办公室与领导"),
        new("/evaluation/periods/{Id:int}/print", SignedIn, "已发布通报：全部；未发布：办公室与领导"),
        new("/evaluation/statements", Overseers, All),
        new("/evaluation/quarters", Overseers, All),
        new("/evaluation/quarters/{Year:int}/{Quarter:int}", Overseers, All),
        new("/evaluation/schemes", OfficeOnly, All),
        new("/evaluation/schemes/{Year:int}", OfficeOnly, All),
        new("/evaluation/mine", SignedIn, "本单位（账号所在单位）"),
        new("GET /evaluation/periods/{id:int}/circular.xlsx", SignedIn, "已发布通报：全部；未发布：办公室与领导"),
        new("GET /evaluation/periods/{id:int}/circular.docx", SignedIn, "已发布通报：全部；未发布：办公室与领导"),
        new("GET /evaluation/periods/{id:int}/template.xlsx", OfficeOnly, All),
        new("GET /evaluation/quarters/{year:int}/{quarter:int}.xlsx", Overseers, All),

        // Enterprise stewards
        new("/enterprises", EnterpriseWork, ByRole),
        new("/enterprises/{Id:int}", EnterpriseWork, ByRole),
        new("/enterprises/{Id:int}/card", EnterpriseWork, ByRole),
        new("/enterprises/cards", EnterpriseWork, ByRole),
        new("/enterprises/stewards", Overseers, All),
        new("/enterprises/cadres", Overseers, All),
        new("/enterprises/cadres/{Id:int}", Overseers, All),
        new("/enterprises/contacts", StewardWork, All),
        new("/visits", VisitReaders, "管家看本人的，其余全部"),
        new("/visits/new", StewardOnly, Own),
        new("/visits/{Id:int}", VisitReaders, "管家看本人的，其余全部"),
        new("/help-matters", EnterpriseWork, "单位看作为窗口的，管家看本人跟办及本人企业的，其余全部"),
        new("GET /enterprises/export.xlsx", EnterpriseWork, ByRole),
        new("GET /enterprises/template.xlsx", OfficeOnly, All),
        new("GET /enterprises/cards.xlsx", EnterpriseWork, ByRole),
        new("GET /visits/export.xlsx", VisitReaders, "管家看本人的，其余全部"),
        new("GET /visits/{id:int}/photo", VisitReaders, "同走访记录"),

        // Exchanges, problems and callbacks
        new("/exchanges", UnitWork, All),
        new("/exchanges/problems", UnitCases, "单位看交办本单位的，其余全部"),
        new("/exchanges/problems/{Id:int}", UnitCases, "单位看交办本单位的，其余全部"),
        new("/callbacks", UnitCases, "单位看本单位的整改，其余全部"),
        new("GET /exchanges/problems.xlsx", UnitCases, "单位看交办本单位的，其余全部"),

        // System: three administrators, none holding all (三员分立)
        new("/system/users", AccountAdmins, "系统管理员：账号；安全管理员：角色"),
        new("/system/units", SystemAdmin, All),
        new("/system/calendar", CalendarKeepers, All),
        new("/system/dictionaries", SystemAdmin, All),
        new("/system/parameters", SystemAdmin, All),
        new("/system/jobs", SystemAdmin, All),
        new("/system/logs/operations", SecurityAudit, All),
        new("/system/logs/logins", SecurityAudit, All),
        new("/system/online", SecurityAdmin, All),
        new("* /hangfire/{**path}", SystemAdmin, All),
        new("/system/backups", SystemAdmin, All),
        new("GET /system/backups/{name}", SystemAdmin, "备份文件夹中列出的文件"),
    ];

    private static readonly Dictionary<string, RouteAccess> ByRoute = Routes.ToDictionary(r => r.Route, StringComparer.OrdinalIgnoreCase);

    /// <summary>The entry of a page template or <c>VERB pattern</c>; a route with no entry is a programming error.</summary>
    public static RouteAccess For(string route) =>
        ByRoute.TryGetValue(route, out var entry) ? entry : throw new InvalidOperationException($"No access entry for {route}: add it to Access.Routes.");

    /// <summary>Whether a user with these roles passes the policy (several roles: any one that passes is enough).</summary>
    public static bool Allows(string policy, Func<string, bool> isInRole) => policy switch
    {
        Anonymous => true,
        SignedIn => AppRoles.All.Any(isInRole),
        _ => Policies.TryGetValue(policy, out var roles)
            ? roles.Any(isInRole)
            : throw new InvalidOperationException($"Unknown access policy {policy}."),
    };

    /// <summary>
    /// Whether a user with these roles may open a link of the console (a page's path, with or without a query): a link
    /// to a page the user may not open is not shown (the overview's figures link to their lists). A templated route
    /// (a record's page) is decided by the record's own scope when opened, and counts as allowed here.
    /// </summary>
    public static bool MayOpen(string href, Func<string, bool> isInRole)
    {
        var path = href.Split('?', '#')[0];
        return !ByRoute.TryGetValue(path, out var entry) || Allows(entry.Policy, isInRole);
    }

    /// <summary>Whether a signed-in principal passes the policy (pages that hold the authentication state rather than <c>CurrentUser</c>).</summary>
    public static bool May(this System.Security.Claims.ClaimsPrincipal user, string policy) => Allows(policy, user.IsInRole);

    public static void AddAccessPolicies(this AuthorizationBuilder builder)
    {
        builder.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        foreach (var (name, roles) in Policies) builder.AddPolicy(name, p => p.RequireRole(roles));
    }
}
