namespace QiyangConsole.Features.Enterprises.Rules;

/// <summary>
/// 统一社会信用代码 (GB 32100-2015): 18 characters from the code set 0-9 and A-Z without I, O, S, V, Z;
/// the 18th is the check character, 31 minus the weighted sum of the first 17 modulo 31.
/// </summary>
public static class CreditCode
{
    public const string Alphabet = "0123456789ABCDEFGHJKLMNPQRTUWXY";
    private static readonly int[] Weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28];

    /// <summary>Upper-cases and trims what was typed (codes are often copied with spaces or lower case).</summary>
    public static string Normalize(string? code) => (code ?? "").Trim().Replace(" ", "").ToUpperInvariant();

    /// <summary>Null when the code is valid, else why not (in Chinese, for the user).</summary>
    public static string? Problem(string? code)
    {
        var c = Normalize(code);
        if (c.Length == 0) return "统一社会信用代码不能为空";
        if (c.Length != 18) return $"统一社会信用代码应为 18 位，现为 {c.Length} 位";
        for (var i = 0; i < 18; i++)
            if (Alphabet.IndexOf(c[i]) < 0) return $"统一社会信用代码第 {i + 1} 位“{c[i]}”不是允许的字符（数字或除 I、O、S、V、Z 外的大写字母）";
        if (c[2..8].Any(ch => !char.IsAsciiDigit(ch))) return "统一社会信用代码第 3–8 位应为登记管理机关行政区划码（6 位数字）";
        var expected = CheckCharacter(c[..17]);
        if (c[17] != expected) return $"统一社会信用代码校验位错误（第 18 位应为“{expected}”）";
        return null;
    }

    public static bool IsValid(string? code) => Problem(code) is null;

    /// <summary>The check character for the first 17 characters (which must be in the code set).</summary>
    public static char CheckCharacter(string first17)
    {
        if (first17.Length != 17) throw new ArgumentException("需要前 17 位", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            var v = Alphabet.IndexOf(first17[i]);
            if (v < 0) throw new ArgumentException($"非法字符 {first17[i]}", nameof(first17));
            sum += v * Weights[i];
        }
        return Alphabet[(31 - sum % 31) % 31];
    }
}
