using System.Globalization;
using QiyangConsole.Features.WorkItems.Rules;

namespace QiyangConsole.Tests.Unit.WorkItems;

/// <summary>The checks on what is typed into a work item: registration (title, source, lead unit, deadline), progress, close-out and its return.</summary>
public sealed class WorkItemChecksTests
{
    private static readonly string[] Sources = ["市委交办", "专班自定"];

    public static TheoryData<string?, string?, int?, string?, string?> Creations => new()
    {
        { "推进园区道路建设", "市委交办", 1, "2024-06-15", null },
        // title: required, at most 200 characters after trimming
        { null, "市委交办", 1, "2024-07-01", "事项名称不能为空" },
        { "  ", "市委交办", 1, "2024-07-01", "事项名称不能为空" },
        { new string('事', 200), "市委交办", 1, "2024-07-01", null },
        { " " + new string('事', 200) + " ", "市委交办", 1, "2024-07-01", null },
        { new string('事', 201), "市委交办", 1, "2024-07-01", "事项名称不能超过 200 个字" },
        // source from the dictionary
        { "事项", null, 1, "2024-07-01", "请选择事项来源" },
        { "事项", "其他", 1, "2024-07-01", "请选择事项来源" },
        { "事项", "专班自定", 1, "2024-07-01", null },
        // lead unit and deadline required; the deadline not before today
        { "事项", "市委交办", null, "2024-07-01", "请选择牵头单位" },
        { "事项", "市委交办", 1, null, "请填写办理期限" },
        { "事项", "市委交办", 1, "2024-06-14", "办理期限 2024-06-14 早于今天，请重新填写" },
        // the first problem is reported
        { "", null, null, null, "事项名称不能为空" },
        { "事项", "其他", null, "2024-06-14", "请选择事项来源" },
    };

    [Theory]
    [MemberData(nameof(Creations))]
    public void Create(string? title, string? source, int? leadUnitId, string? deadline, string? expected) =>
        Assert.Equal(expected, WorkItemChecks.CreateProblem(title, source, Sources, leadUnitId, deadline is null ? null : D(deadline), D("2024-06-15")));

    [Theory]
    [InlineData(null, 50, "请填写进展情况")]
    [InlineData(" ", 50, "请填写进展情况")]
    [InlineData("已完成初设", -1, "完成进度应在 0 至 100 之间")]
    [InlineData("已完成初设", 0, null)]
    [InlineData("已完成初设", 100, null)]
    [InlineData("已完成初设", 101, "完成进度应在 0 至 100 之间")]
    [InlineData(null, 101, "请填写进展情况")]
    public void Update(string? text, int percent, string? expected) => Assert.Equal(expected, WorkItemChecks.UpdateProblem(text, percent));

    [Theory]
    [InlineData(null, "销号申请须填写办结情况和佐证说明")]
    [InlineData("  ", "销号申请须填写办结情况和佐证说明")]
    [InlineData("道路已通车", null)]
    public void Close_out(string? evidence, string? expected) => Assert.Equal(expected, WorkItemChecks.CloseOutProblem(evidence));

    [Theory]
    [InlineData(null, "退回须填写原因")]
    [InlineData("  ", "退回须填写原因")]
    [InlineData("佐证不足", null)]
    public void Return(string? reason, string? expected) => Assert.Equal(expected, WorkItemChecks.ReturnProblem(reason));

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
