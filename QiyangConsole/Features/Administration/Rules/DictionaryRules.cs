namespace QiyangConsole.Features.Administration.Rules;

/// <summary>字典项: a label of at most 50 characters in a known dictionary (uniqueness is checked against the stored items).</summary>
public static class DictionaryRules
{
    public const int MaxLabelLength = 50;

    public static string? ItemProblem(string? label, string type, IEnumerable<string> knownTypes)
    {
        var l = label?.Trim() ?? "";
        if (l.Length == 0) return "字典项名称不能为空";
        if (Infrastructure.TextLimit.Count(l) > MaxLabelLength) return "字典项名称不能超过 50 个字";
        if (!knownTypes.Contains(type)) return "字典类型不存在";
        return null;
    }
}
