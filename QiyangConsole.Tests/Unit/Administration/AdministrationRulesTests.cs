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

    public static TheoryData<string?, string?, int?, bool, string?, string?> Users => new()
    {
        { "zhang", "张三", 1, true, "init-123", null },
        { "zhang", "张三", 1, false, null, null },
        { null, "张三", 1, false, null, "用户名不能为空" },
        { " ", "张三", 1, false, null, "用户名不能为空" },
        { "zhang", " ", 1, false, null, "姓名不能为空" },
        { "zhang", "张三", null, false, null, "请选择所属单位" },
        { "zhang", "张三", 1, true, null, "初始密码不能为空" },
        { "zhang", "张三", 1, true, "", "初始密码不能为空" },
        { "zhang", "张三", 1, true, " ", null },
    };

    [Theory]
    [MemberData(nameof(Users))]
    public void User(string? userName, string? displayName, int? unitId, bool creating, string? password, string? expected) =>
        Assert.Equal(expected, UserRules.EditProblem(userName, displayName, unitId, creating, password));

    public static TheoryData<string[], string?> RoleSets => new()
    {
        { [], null },
        { [AppRoles.Office], null },
        { [AppRoles.Unit, AppRoles.Steward], null },
        { [AppRoles.SysAdmin], null },
        { [AppRoles.Auditor], null },
        { [AppRoles.Office, "Admin"], "角色不存在" },
        { [AppRoles.SysAdmin, AppRoles.SecAdmin], "系统管理员、安全管理员须由不同账号担任（三员分立）" },
        { [AppRoles.SecAdmin, AppRoles.Auditor], "安全管理员、安全审计员须由不同账号担任（三员分立）" },
        { [AppRoles.Office, AppRoles.SysAdmin], "系统管理员不能兼任业务角色（三员分立）" },
        { [AppRoles.Auditor, AppRoles.Viewer], "安全审计员不能兼任业务角色（三员分立）" },
    };

    [Theory]
    [MemberData(nameof(RoleSets))]
    public void Roles_hold_a_system_role_alone(string[] roles, string? expected) =>
        Assert.Equal(expected, UserRules.RolesProblem(roles, AppRoles.All));

    [Theory]
    [InlineData(null, null, "密码不能为空")]
    [InlineData("a1@", null, "密码长度不能少于 8 位")]
    [InlineData("ABCDEFG1@", null, "密码必须包含小写字母")]
    [InlineData("abcdefgh@", null, "密码必须包含数字")]
    [InlineData("abcdefg12", null, "密码必须包含特殊字符（如 @、#、!）")]
    [InlineData("admin@2026x", "admin", "密码不能包含用户名")]
    [InlineData("Qiyang@2023", "office", null)]
    public void Password_rules(string? password, string? userName, string? expected) => Assert.Equal(expected, PasswordRules.Problem(password, userName));

    [Theory]
    [InlineData(0, 10000, false)]   // 0: never expires
    [InlineData(90, 90, false)]
    [InlineData(90, 91, true)]
    public void Password_age(int maxAgeDays, int daysSinceChange, bool expired)
    {
        var changed = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        Assert.Equal(expired, PasswordRules.Expired(changed, changed.AddDays(-5), changed.AddDays(daysSinceChange).AddHours(daysSinceChange == 90 ? -1 : 0), maxAgeDays));
        Assert.Equal(expired, PasswordRules.Expired(null, changed, changed.AddDays(daysSinceChange).AddHours(daysSinceChange == 90 ? -1 : 0), maxAgeDays));
    }

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
