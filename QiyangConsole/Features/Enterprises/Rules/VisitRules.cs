using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Enterprises.Rules;

/// <summary>走访记录: what a steward may log, checked on plain values before anything is stored.</summary>
public static class VisitRules
{
    /// <summary>A visit may be logged up to this many days back (补记).</summary>
    public const int BackDatingDays = 90;

    public const int MaxDoneLength = 1000;
    public const int MaxProblemsLength = 1000;

    public static readonly IReadOnlyList<string> PhotoTypes = [".jpg", ".jpeg", ".png", ".webp", ".heic"];

    /// <summary>Null when the visit may be logged; else the first problem, naming the field.</summary>
    public static string? Problem(int? enterpriseId, DateOnly? visitedOn, StewardDuties duties, string? done, string? problemsFound, DateOnly? nextContactOn,
        string? photoFileName, DateOnly today)
    {
        if (enterpriseId is null) return "请选择走访的企业";
        if (visitedOn is not { } on) return "请填写走访日期";
        if (on > today) return "走访日期不能晚于今天";
        if (on < today.AddDays(-BackDatingDays)) return "只能补记 90 天内的走访";
        if ((duties & Duties.Every) == StewardDuties.None) return "请至少选择一项履行的“五员”职责";
        if (string.IsNullOrWhiteSpace(done)) return "请填写走访内容（做了什么）";
        if (TextLimit.Count(done) > MaxDoneLength) return "走访内容不能超过 1000 个字";
        if (nextContactOn is { } next && next < on) return "下次联系日期不能早于走访日期";
        if (TextLimit.Count(problemsFound) > MaxProblemsLength) return "发现的问题不能超过 1000 个字";
        if (photoFileName is not null && PhotoProblem(photoFileName) is { } photo) return photo;
        return null;
    }

    /// <summary>Null when the file name has a photo extension we keep.</summary>
    public static string? PhotoProblem(string fileName) =>
        PhotoTypes.Contains(Path.GetExtension(fileName).ToLowerInvariant()) ? null : "照片应为 jpg、png、webp 或 heic 格式";

    /// <summary>A steward logs only visits made since it took the enterprise over.</summary>
    public static string? StewardSinceProblem(DateOnly visitedOn, DateOnly? stewardSince) =>
        stewardSince is { } since && visitedOn < since ? $"走访日期不能早于您担任该企业管家的日期（{AppTime.ListDate(since)}）" : null;

    /// <summary>A finding turned into an enterprise need: a type from the dictionary, a description of at most 500 characters, a deadline from today on.</summary>
    public static string? NeedProblem(string? type, IReadOnlyCollection<string> needTypes, string? description, DateOnly? deadline, DateOnly today)
    {
        if (type is null || !needTypes.Contains(type)) return "请选择需求类型";
        if (string.IsNullOrWhiteSpace(description)) return "请填写需求内容";
        if (TextLimit.Count(description) > 500) return "需求内容不能超过 500 个字";
        if (deadline is not { } d || d < today) return "请填写不早于今天的办理期限";
        return null;
    }

    /// <summary>A visit's findings are handed on once, and only when there are findings.</summary>
    public static string? ConvertProblem(bool hasProblemsFound, bool alreadyConverted) =>
        !hasProblemsFound ? "该走访没有记录发现的问题"
        : alreadyConverted ? "该走访发现的问题已经转办过"
        : null;
}
