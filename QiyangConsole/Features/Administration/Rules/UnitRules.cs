namespace QiyangConsole.Features.Administration.Rules;

/// <summary>Units and evaluation groups: named (a unit's name at most 100 characters); uniqueness and the tree are checked against the stored units.</summary>
public static class UnitRules
{
    public const int MaxNameLength = 100;

    public static string? GroupProblem(string? name) => (name?.Trim() ?? "").Length == 0 ? "考核组别名称不能为空" : null;

    public static string? UnitProblem(string? name)
    {
        var n = name?.Trim() ?? "";
        return n.Length == 0 ? "单位名称不能为空"
            : n.Length > MaxNameLength ? "单位名称不能超过 100 个字"
            : null;
    }
}
