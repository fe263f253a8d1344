namespace QiyangConsole.Infrastructure;

/// <summary>The office works on Beijing time; timestamps are stored in UTC and shown in Asia/Shanghai.</summary>
public static class AppTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Asia/Shanghai");

    public static DateTime ToLocal(DateTime utc) =>
        TimeZoneInfo.ConvertTimeFromUtc(DateTime.SpecifyKind(utc, DateTimeKind.Utc), Zone);

    public static DateOnly Today(this TimeProvider clock) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(clock.GetUtcNow(), Zone).DateTime);

    public static DateTime UtcNow(this TimeProvider clock) => clock.GetUtcNow().UtcDateTime;

    public static string ListDate(DateOnly d) => d.ToString("yyyy-MM-dd");
    public static string ListDate(DateOnly? d) => d is { } v ? ListDate(v) : "";
    public static string DocumentDate(DateOnly d) => $"{d.Year}年{d.Month}月{d.Day}日";
    public static string Stamp(DateTime utc) => ToLocal(utc).ToString("yyyy-MM-dd HH:mm:ss");
}
