namespace QiyangConsole.Features.Enterprises.Rules;

/// <summary>Text longer than allowed, counted after trimming; the message names the field.</summary>
public static class TextLimit
{
    public static string? Problem(string? text, int max, string field) =>
        text is not null && text.Trim().Length > max ? $"{field}不能超过 {max} 个字" : null;
}
