using System.Globalization;

namespace QiyangConsole.Infrastructure;

/// <summary>Money is entered in 万元; large sums read better in 亿元 (1 亿元 = 10,000 万元).</summary>
public static class Money
{
    public const decimal WanPerYi = 10_000m;

    public static string Wan(decimal wan) => wan.ToString("N2", CultureInfo.InvariantCulture) + " 万元";
    public static string Yi(decimal wan) => (wan / WanPerYi).ToString("N2", CultureInfo.InvariantCulture) + " 亿元";
    public static string Auto(decimal wan) => Math.Abs(wan) >= WanPerYi ? Yi(wan) : Wan(wan);
}
