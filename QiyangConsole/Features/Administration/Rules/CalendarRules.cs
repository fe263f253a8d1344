using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration.Rules;

/// <summary>工作日历: a year the console can hold, where its notice came from, and a day's name (e.g. 国庆节调休).</summary>
public static class CalendarRules
{
    public static string? YearProblem(int year, string? source) =>
        year is < 2000 or > 2100 ? "年份应在 2000 至 2100 之间" : TextLimit.Problem(source, 100, "日历来源");

    public static string? DayNameProblem(string? name) => TextLimit.Problem(name, 20, "日期名称");
}
