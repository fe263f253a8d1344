using System.Globalization;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Tests.Unit.Enterprises;

/// <summary>百名干部联百企: the cadre's record (lengths at their bounds), one link target, list items and their completion.</summary>
public sealed class CadreRulesTests
{
    public static TheoryData<string?, int?, string?, string?, string?> Cadres => new()
    {
        { "李明", 1, "副局长", "13800000000", null },
        { null, 1, null, null, "请填写干部姓名" },
        { " ", 1, null, null, "请填写干部姓名" },
        { "李明", null, null, null, "请选择干部所在单位" },
        { new string('名', 30), 1, null, null, null },
        { new string('名', 31), 1, null, null, "干部姓名不能超过 30 个字" },
        { "李明", 1, new string('职', 50), null, null },
        { "李明", 1, new string('职', 51), null, "职务不能超过 50 个字" },
        { "李明", 1, null, new string('1', 20), null },
        { "李明", 1, null, new string('1', 21), "联系电话不能超过 20 个字" },
        { "李明", 1, " " + new string('职', 50) + " ", null, null },
        // the first problem is reported
        { new string('名', 31), 1, new string('职', 51), new string('1', 21), "干部姓名不能超过 30 个字" },
        { "李明", 1, new string('职', 51), new string('1', 21), "职务不能超过 50 个字" },
    };

    [Theory]
    [MemberData(nameof(Cadres))]
    public void Cadre(string? name, int? unitId, string? post, string? phone, string? expected) =>
        Assert.Equal(expected, CadreRules.CadreProblem(name, unitId, post, phone));

    [Theory]
    [InlineData(null, null, "请选择一家企业或一个重点项目")]
    [InlineData(1, 2, "请选择一家企业或一个重点项目")]
    [InlineData(1, null, null)]
    [InlineData(null, 2, null)]
    public void Link(int? enterpriseId, int? projectId, string? expected) => Assert.Equal(expected, CadreRules.LinkProblem(enterpriseId, projectId));

    public static TheoryData<CadreList, string?, string?, string?> Items => new()
    {
        { CadreList.Need, "融资对接", "2024-06-15", null },
        { CadreList.Problem, "融资对接", "2024-12-31", null },
        { CadreList.Task, "融资对接", "2024-06-15", null },
        { (CadreList)0, "融资对接", "2024-06-15", "请选择清单（企业需求、问题摸排或工作任务）" },
        { (CadreList)4, "融资对接", "2024-06-15", "请选择清单（企业需求、问题摸排或工作任务）" },
        { CadreList.Need, null, "2024-06-15", "请填写清单事项内容" },
        { CadreList.Need, " ", "2024-06-15", "请填写清单事项内容" },
        { CadreList.Need, new string('事', 500), "2024-06-15", null },
        { CadreList.Need, new string('事', 501), "2024-06-15", "清单事项内容不能超过 500 个字" },
        { CadreList.Need, "融资对接", null, "请填写不早于今天的完成期限" },
        { CadreList.Need, "融资对接", "2024-06-14", "请填写不早于今天的完成期限" },
    };

    [Theory]
    [MemberData(nameof(Items))]
    public void Item(CadreList list, string? content, string? deadline, string? expected) =>
        Assert.Equal(expected, CadreRules.ItemProblem(list, content, deadline is null ? null : DateOnly.ParseExact(deadline, "yyyy-MM-dd", CultureInfo.InvariantCulture), new DateOnly(2024, 6, 15)));

    [Theory]
    [InlineData(ItemState.Done, ItemState.InProgress, "补充", "该事项已办结")]
    [InlineData(ItemState.Done, ItemState.Done, "补充", "该事项已办结")]
    [InlineData(ItemState.Open, ItemState.Done, null, "办结须填写办理结果")]
    [InlineData(ItemState.InProgress, ItemState.Done, " ", "办结须填写办理结果")]
    [InlineData(ItemState.InProgress, ItemState.Done, "已落实", null)]
    [InlineData(ItemState.Open, ItemState.InProgress, null, null)]
    public void Item_update(ItemState current, ItemState next, string? result, string? expected) =>
        Assert.Equal(expected, CadreRules.ItemUpdateProblem(current, next, result));

    [Theory]
    [InlineData(null, 5, null)]
    [InlineData("12345", 5, null)]
    [InlineData(" 12345 ", 5, null)]
    [InlineData("123456", 5, "备注不能超过 5 个字")]
    public void Text_limit(string? text, int max, string? expected) => Assert.Equal(expected, TextLimit.Problem(text, max, "备注"));
}
