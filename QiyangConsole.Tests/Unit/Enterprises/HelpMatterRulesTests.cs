using System.Globalization;
using QiyangConsole.Features.Enterprises.Rules;

namespace QiyangConsole.Tests.Unit.Enterprises;

/// <summary>帮代办: opening a matter (enterprise, name, mode, +N windows, dates in order, 1+1 agent) and finishing it.</summary>
public sealed class HelpMatterRulesTests
{
    public static TheoryData<int?, string?, HelpMode?, int, string?, string?, string?, string?> Matters => new()
    {
        { 1, "施工许可", HelpMode.Proxy, 1, "2024-06-15", null, "agent", null },
        { null, "施工许可", HelpMode.Proxy, 1, "2024-06-15", null, "agent", "请选择企业" },
        { 1, null, HelpMode.Proxy, 1, "2024-06-15", null, "agent", "请填写事项名称" },
        { 1, " ", HelpMode.Proxy, 1, "2024-06-15", null, "agent", "请填写事项名称" },
        { 1, new string('事', 100), HelpMode.Lead, 1, "2024-06-15", null, "agent", null },
        { 1, new string('事', 101), HelpMode.Lead, 1, "2024-06-15", null, "agent", "事项名称不能超过 100 个字" },
        { 1, "施工许可", null, 1, "2024-06-15", null, "agent", "请选择帮代办方式（领办、导办、帮办或代办）" },
        { 1, "施工许可", (HelpMode)0, 1, "2024-06-15", null, "agent", "请选择帮代办方式（领办、导办、帮办或代办）" },
        { 1, "施工许可", (HelpMode)5, 1, "2024-06-15", null, "agent", "请选择帮代办方式（领办、导办、帮办或代办）" },
        { 1, "施工许可", HelpMode.Guide, 0, "2024-06-15", null, "agent", "请选择至少一个联办审批窗口（+N）" },
        { 1, "施工许可", HelpMode.Help, 3, "2024-06-15", null, "agent", null },
        { 1, "施工许可", HelpMode.Help, 1, null, null, "agent", "请填写受理日期" },
        { 1, "施工许可", HelpMode.Help, 1, "2024-06-16", null, "agent", "受理日期不能晚于今天" },
        { 1, "施工许可", HelpMode.Help, 1, "2024-06-10", "2024-06-09", "agent", "承诺办结日期不能早于受理日期" },
        { 1, "施工许可", HelpMode.Help, 1, "2024-06-10", "2024-06-10", "agent", null },
        { 1, "施工许可", HelpMode.Help, 1, "2024-06-10", "2024-06-20", "agent", null },
        { 1, "施工许可", HelpMode.Help, 1, "2024-06-10", null, null, "请选择全程跟踪的帮代办人员（1+1）" },
        { 1, "施工许可", HelpMode.Help, 1, "2024-06-10", null, "", "请选择全程跟踪的帮代办人员（1+1）" },
        { null, null, null, 0, null, null, null, "请选择企业" },
    };

    [Theory]
    [MemberData(nameof(Matters))]
    public void Create(int? enterpriseId, string? name, HelpMode? mode, int windows, string? acceptedOn, string? promisedOn, string? agentId, string? expected) =>
        Assert.Equal(expected, HelpMatterRules.CreateProblem(enterpriseId, name, mode, windows, N(acceptedOn), N(promisedOn), agentId, new DateOnly(2024, 6, 15)));

    [Theory]
    [InlineData(null, "办结须填写办理结果")]
    [InlineData(" ", "办结须填写办理结果")]
    [InlineData("已领证", null)]
    [InlineData(500, null)]
    [InlineData(501, "办理结果不能超过 500 个字")]
    public void Finish(object? result, string? expected) =>
        Assert.Equal(expected, HelpMatterRules.FinishProblem(result is int n ? new string('果', n) : (string?)result));

    private static DateOnly? N(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
