using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Enterprises.Rules;

/// <summary>百名干部联百企: a cadre's record, its links (an enterprise or a project), and the items on its three lists.</summary>
public static class CadreRules
{
    /// <summary>A name (at most 30) and a unit; post at most 50, phone at most 20 (the unit is checked against the stored units).</summary>
    public static string? CadreProblem(string? name, int? unitId, string? post, string? phone)
    {
        if (string.IsNullOrWhiteSpace(name)) return "请填写干部姓名";
        if (unitId is null) return "请选择干部所在单位";
        return TextLimit.Problem(name, 30, "干部姓名") ?? TextLimit.Problem(post, 50, "职务") ?? TextLimit.Problem(phone, 20, "联系电话");
    }

    /// <summary>A link is to exactly one of an enterprise and a project.</summary>
    public static string? LinkProblem(int? enterpriseId, int? projectId) =>
        enterpriseId is null == projectId is null ? "请选择一家企业或一个重点项目" : null;

    /// <summary>A list item: one of the three lists, content of at most 500 characters, a deadline from today on.</summary>
    public static string? ItemProblem(CadreList list, string? content, DateOnly? deadline, DateOnly today)
    {
        if (!Enum.IsDefined(list)) return "请选择清单（企业需求、问题摸排或工作任务）";
        if (string.IsNullOrWhiteSpace(content)) return "请填写清单事项内容";
        if (TextLimit.Problem(content, 500, "清单事项内容") is { } tooLong) return tooLong;
        if (deadline is not { } d || d < today) return "请填写不早于今天的完成期限";
        return null;
    }

    /// <summary>An item done stays done; finishing it needs the result (at most 500 characters).</summary>
    public static string? ItemUpdateProblem(ItemState current, ItemState next, string? result) =>
        current == ItemState.Done ? "该事项已办结"
        : !Enum.IsDefined(next) ? "请选择事项状态（待办、办理中或已办结）"
        : next == ItemState.Done && string.IsNullOrWhiteSpace(result) ? "办结须填写办理结果"
        : TextLimit.Problem(result, 500, "办理结果");
}
