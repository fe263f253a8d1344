using System.Text;

namespace QiyangConsole.Infrastructure;

/// <summary>
/// How long a text is as the rules count it: characters after trimming, where a character is a Unicode code point. A CJK
/// character outside the basic plane (𠀀, 𠮷 in a name) or an emoji counts once, as the user sees it, not as the two UTF-16
/// units .NET stores it in; combining marks and joiners count each, so a limit also bounds what is stored.
/// </summary>
public static class TextLimit
{
    public static int Count(string? text)
    {
        if (text is null) return 0;
        var count = 0;
        foreach (var _ in text.AsSpan().Trim().EnumerateRunes()) count++;
        return count;
    }

    /// <summary>Text longer than <paramref name="max"/> characters, naming the field.</summary>
    public static string? Problem(string? text, int max, string field) => Count(text) > max ? $"{field}不能超过 {max} 个字" : null;

    /// <summary>The first <paramref name="max"/> characters of text the console composed itself (never cutting a character in two).</summary>
    public static string Cut(string text, int max)
    {
        if (text.Length <= max) return text;
        var sb = new StringBuilder(max + 1);
        var n = 0;
        foreach (var rune in text.EnumerateRunes())
        {
            if (n++ == max) break;
            sb.Append(rune.ToString());
        }
        return sb.ToString();
    }
}
