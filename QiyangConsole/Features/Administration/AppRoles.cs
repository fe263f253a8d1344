using System.Security.Claims;

namespace QiyangConsole.Features.Administration;

public static class AppClaims
{
    public const string DisplayName = "qy:display_name";
    public const string UnitId = "qy:unit_id";
    public const string UnitName = "qy:unit_name";
    /// <summary>Set while the account must change its password (new, reset or expired): every page sends it to /account/password.</summary>
    public const string MustChangePassword = "qy:must_change_password";
    /// <summary>One sign-in: idle sign-out and the online list follow it.</summary>
    public const string Session = "qy:session";
}

/// <summary>
/// The roles. Five business roles of the brief, and the three system roles of 等保 2.0's separation of powers
/// (三员分立): 系统管理员 keeps accounts, units and settings; 安全管理员 grants roles and ends sessions;
/// 安全审计员 reads the logs. A system role is held alone: no account holds two of them or one with a business role.
/// </summary>
public static class AppRoles
{
    public const string Office = "Office";
    public const string Leader = "Leader";
    public const string Unit = "Unit";
    public const string Steward = "Steward";
    public const string Viewer = "Viewer";
    public const string SysAdmin = "SysAdmin";
    public const string SecAdmin = "SecAdmin";
    public const string Auditor = "Auditor";

    public static readonly IReadOnlyList<string> Business = [Office, Leader, Unit, Steward, Viewer];
    public static readonly IReadOnlyList<string> System = [SysAdmin, SecAdmin, Auditor];
    public static readonly IReadOnlyList<string> All = [.. Business, .. System];

    public static string DisplayName(string role) => role switch
    {
        Office => "专班办公室",
        Leader => "市级领导",
        Unit => "责任单位联络员",
        Steward => "企业管家",
        Viewer => "只读",
        SysAdmin => "系统管理员",
        SecAdmin => "安全管理员",
        Auditor => "安全审计员",
        _ => role,
    };

    /// <summary>What each role sees of the business records, as the user dialog explains it.</summary>
    public static string ReachText(string role) => role switch
    {
        Office or Leader => "全部数据",
        Viewer => "公开栏与已发布结果",
        Unit => "本单位的事项",
        Steward => "本人的企业与走访",
        SysAdmin => "账号、单位与系统设置",
        SecAdmin => "角色授权与在线会话",
        Auditor => "操作日志与登录日志",
        _ => "",
    };

    /// <summary>Office, leaders and the read-only role see the records of the whole zone.</summary>
    public static bool SeesWholeZone(Func<string, bool> isInRole) => isInRole(Office) || isInRole(Leader) || isInRole(Viewer);

    /// <summary>Phones, visit notes and photos: the Office and leaders; the record's owner is checked where the record is.</summary>
    public static bool SeesPersonalData(Func<string, bool> isInRole) => isInRole(Office) || isInRole(Leader);

    /// <summary>A problem with a set of roles, or null: a system role is held alone (三员分立).</summary>
    public static string? CombinationProblem(IReadOnlyCollection<string> roles)
    {
        var system = roles.Where(System.Contains).ToList();
        if (system.Count > 1) return $"{string.Join("、", system.Select(DisplayName))}须由不同账号担任（三员分立）";
        if (system.Count == 1 && roles.Count > 1) return $"{DisplayName(system[0])}不能兼任业务角色（三员分立）";
        return null;
    }
}

/// <summary>
/// The business records a user reaches: the whole zone, or the union of what each of its roles reaches — a unit's
/// records for a liaison, its own for a steward. Several roles never widen a scope beyond that union.
/// </summary>
public sealed record DataReach(bool WholeZone, int? UnitId, string? StewardId)
{
    public static DataReach Of(ClaimsPrincipal user)
    {
        if (AppRoles.SeesWholeZone(user.IsInRole)) return new(true, null, null);
        var unit = user.IsInRole(AppRoles.Unit) && int.TryParse(user.FindFirstValue(AppClaims.UnitId), out var id) ? id : (int?)null;
        var steward = user.IsInRole(AppRoles.Steward) ? user.FindFirstValue(ClaimTypes.NameIdentifier) : null;
        return new(false, unit, steward);
    }

    /// <summary>The unit id to filter by, or -1 (no record matches) when the user is no liaison.</summary>
    public int Unit => UnitId ?? -1;
    /// <summary>The steward id to filter by, or "-" (no record matches) when the user is no steward.</summary>
    public string Steward => StewardId ?? "-";
    public bool IsLiaison => UnitId is not null;
    public bool IsSteward => StewardId is not null;
    /// <summary>A steward and nothing wider: the pages that show a steward its own work.</summary>
    public bool OnlySteward => !WholeZone && IsSteward && !IsLiaison;

    /// <summary>The key of figures computed for this reach (one set for the whole zone).</summary>
    public string Key => WholeZone ? "all" : $"u{UnitId}:s{StewardId}";
}
