using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Administration.Rules;

/// <summary>Units and evaluation groups: named, within their lengths; uniqueness and the tree are checked against the stored units.</summary>
public static class UnitRules
{
    public const int MaxNameLength = 100;
    public const int MaxGroupNameLength = 50;

    public static string? GroupProblem(string? name) =>
        (name?.Trim() ?? "").Length == 0 ? "考核组别名称不能为空" : TextLimit.Problem(name, MaxGroupNameLength, "考核组别名称");

    /// <summary>A name of at most 100 characters; short name at most 20, head at most 30, phone at most 30.</summary>
    public static string? UnitProblem(string? name, string? shortName = null, string? headName = null, string? phone = null) =>
        (name?.Trim() ?? "").Length == 0 ? "单位名称不能为空"
        : TextLimit.Problem(name, MaxNameLength, "单位名称") ?? TextLimit.Problem(shortName, 20, "简称")
            ?? TextLimit.Problem(headName, 30, "主要负责人") ?? TextLimit.Problem(phone, 30, "联系电话");
}
