using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Projects.Rules;

/// <summary>A leader's month on projects: the leader, the month, and days within the month's working days.</summary>
public static class EngagementChecks
{
    public static string? Problem(string? leaderId, int month) =>
        string.IsNullOrEmpty(leaderId) ? "请选择市级领导"
        : month is < 1 or > 12 ? "月份应在 1 至 12 之间"
        : null;

    public static string? DaysProblem(int year, int month, decimal days, int workingDays) =>
        days < 0 || days > workingDays ? $"{year}年{month}月共 {workingDays} 个工作日，项目工作天数应在 0 至 {workingDays} 之间"
        : decimal.Round(days, 2) != days ? "项目工作天数最多保留两位小数"
        : null;

    public static string? NoteProblem(string? note) => TextLimit.Problem(note, 500, "主要工作");
}
