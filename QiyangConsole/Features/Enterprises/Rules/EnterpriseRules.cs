namespace QiyangConsole.Features.Enterprises.Rules;

/// <summary>五员: the five duties of a steward; a visit records which were exercised.</summary>
[Flags]
public enum StewardDuties
{
    None = 0,
    Informant = 1,   // 信息员
    Errands = 2,     // 办事员
    Liaison = 4,     // 联络员
    Sales = 8,       // 销售员
    Safeguard = 16,  // 保障员
}

public static class Duties
{
    public static readonly IReadOnlyList<(StewardDuties Duty, string Name, string Hint)> All =
    [
        (StewardDuties.Informant, "信息员", "宣传政策、收集企业信息"),
        (StewardDuties.Errands, "办事员", "帮办代办审批事项"),
        (StewardDuties.Liaison, "联络员", "对接部门、协调问题"),
        (StewardDuties.Sales, "销售员", "推介产品、对接市场"),
        (StewardDuties.Safeguard, "保障员", "维护权益、护航安全"),
    ];

    public const StewardDuties Every = StewardDuties.Informant | StewardDuties.Errands | StewardDuties.Liaison | StewardDuties.Sales | StewardDuties.Safeguard;

    public static string Names(StewardDuties duties) =>
        string.Join("、", All.Where(d => duties.HasFlag(d.Duty)).Select(d => d.Name));

    /// <summary>Parses 信息员、办事员 (any of 、,，/ space separated) as written in an import or a seed.</summary>
    public static StewardDuties Parse(string? text)
    {
        var result = StewardDuties.None;
        foreach (var part in (text ?? "").Split(['、', ',', '，', '/', ' ', ';', '；'], StringSplitOptions.RemoveEmptyEntries))
        {
            var match = All.FirstOrDefault(d => d.Name == part.Trim());
            if (match.Name is null) throw new FormatException($"“{part}”不是五员职责之一（信息员、办事员、联络员、销售员、保障员）");
            result |= match.Duty;
        }
        return result;
    }
}

/// <summary>帮代办 modes: 咨询台领办, 辅导区导办, 一般事项帮办, 复杂事项代办.</summary>
public enum HelpMode { Lead = 1, Guide = 2, Help = 3, Proxy = 4 }

public enum HelpState { Accepted = 0, InProgress = 1, Finished = 2 }

public enum HelpAction { Start, Finish, Reopen }

public static class HelpMatters
{

    /// <summary>受理 → 办理中 → 已办结; a finished matter is closed for good (a new matter is opened instead).</summary>
    public static HelpState Next(HelpState state, HelpAction action) => (state, action) switch
    {
        (HelpState.Accepted, HelpAction.Start) => HelpState.InProgress,
        (HelpState.Accepted or HelpState.InProgress, HelpAction.Finish) => HelpState.Finished,
        (HelpState.InProgress, HelpAction.Start) => throw new InvalidOperationException("事项已在办理中"),
        (HelpState.Finished, _) => throw new InvalidOperationException("事项已办结"),
        _ => throw new InvalidOperationException("事项当前状态不能执行此操作"),
    };
}

/// <summary>百名干部联百企: the three lists kept per link.</summary>
public enum CadreList { Need = 1, Problem = 2, Task = 3 }

public enum ItemState { Open = 0, InProgress = 1, Done = 2 }

public static class CadreLists
{
}

/// <summary>Coverage and visit freshness, the figures the stewards page reports.</summary>
public static class Stewarding
{
    /// <summary>Share in percent with one decimal; an empty park counts as fully covered.</summary>
    public static decimal CoveragePercent(int covered, int all) => all == 0 ? 100m : Math.Round(covered * 100m / all, 1, MidpointRounding.AwayFromZero);

    /// <summary>An enterprise is overdue for a visit when never visited or last visited more than <paramref name="days"/> days ago.</summary>
    public static bool VisitOverdue(DateOnly? lastVisit, DateOnly today, int days) => lastVisit is not { } d || today.DayNumber - d.DayNumber > days;

    /// <summary>The date before which a last visit counts as overdue (for SQL filters).</summary>
    public static DateOnly OverdueBefore(DateOnly today, int days) => today.AddDays(-days);
}

/// <summary>The Chinese display names of the enums of this file, as users read them.</summary>
public static class EnterpriseNames
{
    public static string Name(this HelpMode m) => m switch { HelpMode.Lead => "领办", HelpMode.Guide => "导办", HelpMode.Help => "帮办", _ => "代办" };

    public static string Hint(this HelpMode m) => m switch { HelpMode.Lead => "咨询台领办", HelpMode.Guide => "辅导区导办", HelpMode.Help => "一般事项帮办", _ => "复杂事项代办" };

    public static string Name(this HelpState s) => s switch { HelpState.Accepted => "受理", HelpState.InProgress => "办理中", _ => "已办结" };

    public static string Name(this CadreList l) => l switch { CadreList.Need => "企业需求", CadreList.Problem => "问题摸排", _ => "工作任务" };

    public static string Name(this ItemState s) => s switch { ItemState.Open => "待办", ItemState.InProgress => "办理中", _ => "已办结" };
}
