using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Rules;

namespace QiyangConsole.Tests.Unit.Administration;

/// <summary>Units and groups named (unit names at most 100), accounts' fields and passwords, dictionary labels (at most 50) in a known dictionary.</summary>
public sealed class AdministrationRulesTests
{
    [Theory]
    [InlineData(null, "考核组别名称不能为空")]
    [InlineData("  ", "考核组别名称不能为空")]
    [InlineData("市直单位", null)]
    public void Group(string? name, string? expected) => Assert.Equal(expected, UnitRules.GroupProblem(name));

    [Theory]
    [InlineData(null, "单位名称不能为空")]
    [InlineData(" ", "单位名称不能为空")]
    [InlineData(100, null)]
    [InlineData(101, "单位名称不能超过 100 个字")]
    [InlineData("市发改局", null)]
    public void Unit(object? name, string? expected) =>
        Assert.Equal(expected, UnitRules.UnitProblem(name is int n ? " " + new string('单', n) + " " : (string?)name));

    public static TheoryData<string?, string?, int?, string[], bool, string?, string?> Users => new()
    {
        { "zhang", "张三", 1, [AppRoles.Office], true, "init-123", null },
        { "zhang", "张三", 1, [AppRoles.Office, AppRoles.Leader], false, null, null },
        { null, "张三", 1, [AppRoles.Office], false, null, "用户名不能为空" },
        { " ", "张三", 1, [AppRoles.Office], false, null, "用户名不能为空" },
        { "zhang", " ", 1, [AppRoles.Office], false, null, "姓名不能为空" },
        { "zhang", "张三", null, [AppRoles.Office], false, null, "请选择所属单位" },
        { "zhang", "张三", 1, [], false, null, "请至少选择一个角色" },
        { "zhang", "张三", 1, [AppRoles.Office, "Admin"], false, null, "角色不存在" },
        { "zhang", "张三", 1, [AppRoles.Steward], true, null, "初始密码不能为空" },
        { "zhang", "张三", 1, [AppRoles.Steward], true, "", "初始密码不能为空" },
        { "zhang", "张三", 1, [AppRoles.Steward], true, " ", null },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public void User(string? userName, string? displayName, int? unitId, string[] roles, bool creating, string? password, string? expected) =>
        Assert.Equal(expected, UserRules.EditProblem(userName, displayName, unitId, roles.ToHashSet(), AppRoles.All, creating, password));

    [Theory]
    [InlineData(null, "新密码不能为空")]
    [InlineData("", "新密码不能为空")]
    [InlineData("new-pass-1", null)]
    public void Reset_password(string? password, string? expected) => Assert.Equal(expected, UserRules.ResetPasswordProblem(password));

    [Theory]
    [InlineData(null, "industry", "字典项名称不能为空")]
    [InlineData(" ", "industry", "字典项名称不能为空")]
    [InlineData(50, "industry", null)]
    [InlineData(51, "industry", "字典项名称不能超过 50 个字")]
    [InlineData("新材料", "colour", "字典类型不存在")]
    [InlineData("新材料", "industry", null)]
    public void Dictionary_item(object? label, string type, string? expected) =>
        Assert.Equal(expected, DictionaryRules.ItemProblem(label is int n ? new string('项', n) : (string?)label, type, SettingsService.DictionaryTypes.Keys));
}
