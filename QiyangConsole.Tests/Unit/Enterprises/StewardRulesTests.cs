using QiyangConsole.Features.Enterprises.Rules;

namespace QiyangConsole.Tests.Unit.Enterprises;

/// <summary>企业管家 assignment (enterprises, a steward, a reason to replace an active one) and the 联络室 fields.</summary>
public sealed class StewardRulesTests
{
    [Theory]
    [InlineData(0, "s1", "请选择要分配管家的企业")]
    [InlineData(0, null, "请选择要分配管家的企业")]
    [InlineData(1, null, "请选择企业管家")]
    [InlineData(3, " ", "请选择企业管家")]
    [InlineData(1, "s1", null)]
    public void Assign(int count, string? stewardId, string? expected) => Assert.Equal(expected, StewardRules.AssignProblem(count, stewardId));

    [Theory]
    [InlineData(true, null, "更换管家须填写原因")]
    [InlineData(true, " ", "更换管家须填写原因")]
    [InlineData(true, "工作调整", null)]
    [InlineData(false, null, null)]
    public void Reassign(bool replacing, string? reason, string? expected) => Assert.Equal(expected, StewardRules.ReassignProblem(replacing, reason));

    public static TheoryData<string?, string?, string?, string?> Rooms => new()
    {
        { "园区服务中心 201", "每周三 9:00-12:00", "张三", null },
        { null, "每周三", "张三", "请填写联络室地点" },
        { " ", "每周三", "张三", "请填写联络室地点" },
        { "201", null, "张三", "请填写开放时间" },
        { "201", "每周三", " ", "请填写驻室人员" },
        { new string('地', 100), new string('时', 100), new string('人', 300), null },
        { new string('地', 101), "每周三", "张三", "联络室地点不能超过 100 个字" },
        { "201", new string('时', 101), "张三", "开放时间不能超过 100 个字" },
        { "201", "每周三", new string('人', 301), "驻室人员不能超过 300 个字" },
    };

    [Theory]
    [MemberData(nameof(Rooms))]
    public void Room(string? place, string? schedule, string? onDuty, string? expected) => Assert.Equal(expected, StewardRules.RoomProblem(place, schedule, onDuty));
}
