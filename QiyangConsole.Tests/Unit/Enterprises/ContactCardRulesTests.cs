using QiyangConsole.Features.Enterprises.Rules;

namespace QiyangConsole.Tests.Unit.Enterprises;

/// <summary>服务联系卡: department, contact and phone required; lengths 50, 30, 30 and 100 at their bounds.</summary>
public sealed class ContactCardRulesTests
{
    public static TheoryData<string?, string?, string?, string?, string?> Cards => new()
    {
        { "市发改局", "王五", "0746-1234567", null, null },
        { null, "王五", "0746-1234567", null, "请填写部门" },
        { " ", "王五", "0746-1234567", null, "请填写部门" },
        { "市发改局", null, "0746-1234567", null, "请填写联系人" },
        { "市发改局", "王五", " ", null, "请填写 24 小时联系电话" },
        { new string('部', 50), new string('人', 30), new string('1', 30), new string('务', 100), null },
        { new string('部', 51), "王五", "1", null, "部门不能超过 50 个字" },
        { "市发改局", new string('人', 31), "1", null, "联系人不能超过 30 个字" },
        { "市发改局", "王五", new string('1', 31), null, "联系电话不能超过 30 个字" },
        { "市发改局", "王五", "1", new string('务', 101), "服务内容不能超过 100 个字" },
    };

    [Theory]
    [MemberData(nameof(Cards))]
    public void Problem(string? department, string? name, string? phone, string? duty, string? expected) =>
        Assert.Equal(expected, ContactCardRules.Problem(department, name, phone, duty));
}
