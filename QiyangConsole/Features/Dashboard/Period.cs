using System.Globalization;

namespace QiyangConsole.Features.Dashboard;

public enum PeriodKind { Year, Quarter, Month, Range }

/// <summary>
/// The days the overview counts: a year, a quarter, a month, or any from–to range (both days included). Carried in the
/// address as <c>?from=2023-01-01&amp;to=2023-05-18</c>, by the overview and by every list a figure links to.
/// </summary>
public sealed record Period(DateOnly From, DateOnly To)
{
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2099, 12, 31);

    public static Period Year(int year) => new(new DateOnly(year, 1, 1), new DateOnly(year, 12, 31));
    public static Period Quarter(int year, int quarter) => new(new DateOnly(year, quarter * 3 - 2, 1), new DateOnly(year, quarter * 3, 1).AddMonths(1).AddDays(-1));
    public static Period Month(int year, int month) => new(new DateOnly(year, month, 1), new DateOnly(year, month, 1).AddMonths(1).AddDays(-1));

    /// <summary>What the range is: a whole year, quarter or month, or a range of days.</summary>
    public PeriodKind Kind =>
        this == Year(From.Year) ? PeriodKind.Year
        : From.Day == 1 && (From.Month - 1) % 3 == 0 && this == Quarter(From.Year, (From.Month + 2) / 3) ? PeriodKind.Quarter
        : this == Month(From.Year, From.Month) ? PeriodKind.Month
        : PeriodKind.Range;

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>The first day of each month the period touches, in order (the charts' columns).</summary>
    public IReadOnlyList<DateOnly> Months()
    {
        var list = new List<DateOnly>();
        for (var m = new DateOnly(From.Year, From.Month, 1); m <= To; m = m.AddMonths(1)) list.Add(m);
        return list;
    }

    public string Label => Kind switch
    {
        PeriodKind.Year => $"{From.Year}年",
        PeriodKind.Quarter => $"{From.Year}年第{(From.Month + 2) / 3}季度",
        PeriodKind.Month => $"{From.Year}年{From.Month}月",
        _ => $"{Day(From)} 至 {Day(To)}",
    };

    /// <summary>The query the lists read: <c>from=yyyy-MM-dd&amp;to=yyyy-MM-dd</c>.</summary>
    public string Query => $"from={Day(From)}&to={Day(To)}";

    /// <summary>A link to a list with this period (and the list's own filters before it).</summary>
    public string Link(string path) => path + (path.Contains('?') ? "&" : "?") + Query;

    public static string Day(DateOnly d) => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>
    /// The period of an address's <c>from</c> and <c>to</c>: null when neither is given; a missing end is open (the
    /// earliest or latest day); a day that is not a date, or an end before the start, is refused with a Chinese message.
    /// </summary>
    public static Period? Parse(string? from, string? to, out string? problem)
    {
        problem = null;
        if (string.IsNullOrWhiteSpace(from) && string.IsNullOrWhiteSpace(to)) return null;
        if (!TryDay(from, Earliest, out var f)) { problem = "开始日期格式应为 yyyy-MM-dd"; return null; }
        if (!TryDay(to, Latest, out var t)) { problem = "结束日期格式应为 yyyy-MM-dd"; return null; }
        if (t < f) { problem = "结束日期不能早于开始日期"; return null; }
        return new Period(f, t);
    }

    private static bool TryDay(string? text, DateOnly missing, out DateOnly day)
    {
        day = missing;
        return string.IsNullOrWhiteSpace(text)
            || DateOnly.TryParseExact(text.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day) && day >= Earliest && day <= Latest;
    }
}
