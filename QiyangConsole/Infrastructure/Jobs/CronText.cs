namespace QiyangConsole.Infrastructure.Jobs;

/// <summary>Reads the few cron shapes the console uses in Chinese; anything else is shown as is.</summary>
public static class CronText
{
    public static string Describe(string cron)
    {
        var p = cron.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (p.Length != 5 || !int.TryParse(p[0], out var minute) || !int.TryParse(p[1], out var hour)) return cron;
        var time = $"{hour:00}:{minute:00}";
        var text = (p[2], p[3], p[4]) switch
        {
            ("*", "*", "*") => $"每天 {time}",
            (var day, "*", "*") when int.TryParse(day, out var d) => $"每月{d}日 {time}",
            ("*", "*", var week) when int.TryParse(week, out var w) && w >= 0 => $"每周{"日一二三四五六"[w % 7]} {time}",
            _ => null,
        };
        return text is null ? cron : text + "（北京时间）";
    }
}
