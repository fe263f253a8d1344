namespace QiyangConsole.Features.Exchanges.Rules;

/// <summary>政企交流活动: a year in range for the list; a place and a date for an event.</summary>
public static class ExchangeEventRules
{
    public static string? YearProblem(int year) => year is < 2000 or > 2100 ? "年份应在 2000 至 2100 之间" : null;

    public static string? Problem(string? place, DateOnly date) =>
        (place?.Trim() ?? "").Length == 0 ? "请填写活动地点"
        : date == default ? "请填写活动日期"
        : null;
}
