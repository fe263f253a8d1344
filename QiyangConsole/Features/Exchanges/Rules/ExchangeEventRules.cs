using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Exchanges.Rules;

/// <summary>政企交流活动: a year in range for the list; a place and a date for an event.</summary>
public static class ExchangeEventRules
{
    public static string? YearProblem(int year) => year is < 2000 or > 2100 ? "年份应在 2000 至 2100 之间" : null;

    /// <summary>A place (at most 100 characters), a date in a plausible year, a known kind; hosts, attending enterprises and minutes within their lengths.</summary>
    public static string? Problem(string? place, DateOnly date, EventKind kind = EventKind.TeaMeeting, string? hosts = null, string? enterprises = null, string? minutes = null) =>
        (place?.Trim() ?? "").Length == 0 ? "请填写活动地点"
        : TextLimit.Problem(place, 100, "活动地点") is { } tooLong ? tooLong
        : date == default ? "请填写活动日期"
        : YearProblem(date.Year) is not null ? "活动日期应在 2000 年至 2100 年之间"
        : !Enum.IsDefined(kind) ? "请选择活动类型（早茶会或园区夜话）"
        : TextLimit.Problem(hosts, 200, "主持领导") ?? TextLimit.Problem(enterprises, 1000, "参加企业") ?? TextLimit.Problem(minutes, 5000, "活动纪要");
}
