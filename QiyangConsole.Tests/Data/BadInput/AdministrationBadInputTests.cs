using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>Units, groups, users, dictionaries, parameters and the calendar, tried with the bad-value corpus.</summary>
public sealed class AdministrationBadInputTests(DemoDb demo) : BadInputTests(demo)
{
    private UnitService Units => Get<UnitService>();
    private UserService Users => Get<UserService>();
    private SettingsService Settings => Get<SettingsService>();
    private CalendarService Calendar => Get<CalendarService>();

    private Task<int> UnitIdAsync(string name) => Query(ctx => ctx.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    private static UnitEdit NewUnit(string? name = "祁阳测试单位") => new() { Name = name!, ShortName = "测试", HeadName = "张三", Phone = "0746-3221234" };

    private static UserEdit NewUser(int unitId, string userName = "baduser1") => new()
    {
        UserName = userName, DisplayName = "测试用户", UnitId = unitId, Phone = "13800000000", Password = "Passw0rd!x",
    };

    private async Task<SystemParameter> ParameterAsync(string key) => await Query(ctx => ctx.Parameters.AsNoTracking().SingleAsync(p => p.Key == key));

    private async Task Parameter(string key, string? value, string name)
    {
        var p = await ParameterAsync(key);
        await Refused(() => Settings.SaveParameterAsync(key, value, p.Version), name);
    }

    private async Task NewUserRefused(Action<UserEdit> change, params string[] names)
    {
        var edit = NewUser(await UnitIdAsync("市自然资源局"), $"bad{Guid.NewGuid():N}"[..12]);
        change(edit);
        await Refused(() => Users.CreateAsync(edit), names);
    }

    private async Task RolesRefused(string userName, IReadOnlyCollection<string> roles, params string[] names)
    {
        var id = await Query(ctx => ctx.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());
        Db.SignIn("secadmin", AppRoles.SecAdmin);
        await Refused(() => Users.SetRolesAsync(id, roles), names);
    }

    public static readonly Cases<AdministrationBadInputTests> Bad = new Cases<AdministrationBadInputTests>
    {
        ["group: too long"] = t => t.Refused(() => t.Units.SaveGroupAsync(0, Corpus.TooLong(50), 9, 0), "考核组别名称", "50"),
        ["group: duplicate"] = async t =>
        {
            var existing = await t.Query(ctx => ctx.UnitGroups.Select(g => g.Name).FirstAsync());
            await t.Refused(() => t.Units.SaveGroupAsync(0, existing, 9, 0), "考核组别", "已存在");
        },
        ["unit: too long"] = t => t.Refused(() => t.Units.SaveAsync(NewUnit(Corpus.TooLong(100))), "单位名称", "100"),
        ["unit: duplicate"] = t => t.Refused(() => t.Units.SaveAsync(NewUnit("市自然资源局")), "单位名称", "已存在"),
        ["unit: parent missing"] = t => t.Refused(() => t.Units.SaveAsync(new UnitEdit { Name = "祁阳测试单位四", ParentId = 999_999 }), "上级单位"),
        ["unit: group missing"] = t => t.Refused(() => t.Units.SaveAsync(new UnitEdit { Name = "祁阳测试单位五", GroupId = -1 }), "考核组别"),
        ["unit: short name too long"] = t => t.Refused(() => t.Units.SaveAsync(new UnitEdit { Name = "祁阳测试单位一", ShortName = Corpus.TooLong(20) }), "简称", "20"),
        ["unit: head too long"] = t => t.Refused(() => t.Units.SaveAsync(new UnitEdit { Name = "祁阳测试单位二", HeadName = Corpus.TooLong(30) }), "主要负责人", "30"),
        ["unit: phone too long"] = t => t.Refused(() => t.Units.SaveAsync(new UnitEdit { Name = "祁阳测试单位三", Phone = Corpus.TooLong(30) }), "联系电话", "30"),
        ["unit: its own parent"] = async t =>
        {
            var unit = await t.Query(ctx => ctx.Units.AsNoTracking().SingleAsync(u => u.Name == "市自然资源局"));
            await t.Refused(() => t.Units.SaveAsync(new UnitEdit { Id = unit.Id, Name = unit.Name, ParentId = unit.Id, GroupId = unit.GroupId, Version = unit.Version }), "上级单位");
        },
        ["user: user name markup"] = t => t.NewUserRefused(e => e.UserName = "<script>", "用户名"),
        ["user: user name Chinese"] = t => t.NewUserRefused(e => e.UserName = "张三", "用户名"),
        ["user: user name too long"] = t => t.NewUserRefused(e => e.UserName = new string('a', 51), "用户名", "50"),
        ["user: user name taken"] = t => t.NewUserRefused(e => e.UserName = "office", "用户名", "已存在"),
        ["user: display name too long"] = t => t.NewUserRefused(e => e.DisplayName = Corpus.TooLong(50), "姓名", "50"),
        ["user: no unit"] = t => t.NewUserRefused(e => e.UnitId = null, "所属单位"),
        ["user: unit missing"] = t => t.NewUserRefused(e => e.UnitId = 999_999, "所属单位"),
        ["user: phone too long"] = t => t.NewUserRefused(e => e.Phone = Corpus.TooLong(30), "联系电话", "30"),
        ["roles: unknown role"] = t => t.RolesRefused("viewer", ["Root"], "角色不存在"),
        ["roles: markup"] = t => t.RolesRefused("viewer", ["<script>alert(1)</script>"], "角色不存在"),
        ["roles: two system roles"] = t => t.RolesRefused("viewer", [AppRoles.SysAdmin, AppRoles.Auditor], "三员分立"),
        ["roles: a system role with a business one"] = t => t.RolesRefused("viewer", [AppRoles.SecAdmin, AppRoles.Office], "三员分立"),
        ["user: weak password"] = t => t.NewUserRefused(e => e.Password = "123", "密码"),
        ["dictionary: too long"] = t => t.Refused(() => t.Settings.SaveItemAsync(new DictionaryItem { Type = "industry", Label = Corpus.TooLong(50) }), "字典项名称", "50"),
        ["dictionary: duplicate"] = t => t.Refused(() => t.Settings.SaveItemAsync(new DictionaryItem { Type = "industry", Label = " 新材料 " }), "字典项", "已存在"),
        ["dictionary: unknown type"] = t => t.Refused(() => t.Settings.SaveItemAsync(new DictionaryItem { Type = "<script>", Label = "新项" }), "字典类型"),
        ["parameter: days negative"] = t => t.Parameter("warning.yellowDays", "-1", "黄灯提前工作日数"),
        ["parameter: days not a number"] = t => t.Parameter("warning.yellowDays", "三", "黄灯提前工作日数"),
        ["parameter: days fraction"] = t => t.Parameter("rating.rectificationDays", "1.5", "差评整改时限"),
        ["parameter: days overflow"] = t => t.Parameter("rating.rectificationDays", "99999999999", "差评整改时限"),
        ["parameter: days beyond ten years"] = t => t.Parameter("steward.visitOverdueDays", "100000", "走访提醒天数"),
        ["parameter: percent over 100"] = t => t.Parameter("evaluation.laggingPercent", "101", "每组后进单位比例"),
        ["parameter: mode unknown"] = t => t.Parameter("evaluation.laggingMode", "=1+1", "后进单位判定方式"),
        ["parameter: target zero"] = t => t.Parameter("leader.engagementTarget", "0", "领导精力投入目标"),
        ["parameter: target over one"] = t => t.Parameter("leader.engagementTarget", "1.5", "领导精力投入目标"),
        ["parameter: unknown key"] = t => t.Refused(() => t.Settings.SaveParameterAsync("no.such", "1", 0), "参数不存在"),
        ["calendar: year 1999"] = t => t.Refused(() => t.Calendar.AddYearAsync(1999, null), "年份"),
        ["calendar: year 2101"] = t => t.Refused(() => t.Calendar.AddYearAsync(2101, null), "年份"),
        ["calendar: year negative"] = t => t.Refused(() => t.Calendar.AddYearAsync(-2023, null), "年份"),
        ["calendar: year exists"] = t => t.Refused(() => t.Calendar.AddYearAsync(2023, null), "2023", "已存在"),
        ["calendar: source too long"] = t => t.Refused(() => t.Calendar.AddYearAsync(2090, Corpus.TooLong(100)), "来源", "100"),
        ["calendar: day of a year not loaded"] = t => t.Refused(() => t.Calendar.SetDayAsync(new DateOnly(2099, 1, 1), false, "元旦"), "2099"),
        ["calendar: day name too long"] = t => t.Refused(() => t.Calendar.SetDayAsync(new DateOnly(2023, 10, 7), false, Corpus.TooLong(20)), "名称", "20"),
    }
    .Each("group: blank name", Corpus.Blank, (t, v) => t.Refused(() => t.Units.SaveGroupAsync(0, v, 9, 0), "考核组别名称"))
    .Each("unit: blank name", Corpus.Blank, (t, v) => t.Refused(() => t.Units.SaveAsync(NewUnit(v)), "单位名称"))
    .Each("user: blank user name", Corpus.Blank, (t, v) => t.NewUserRefused(e => e.UserName = v!, "用户名"))
    .Each("user: blank display name", Corpus.Blank, (t, v) => t.NewUserRefused(e => e.DisplayName = v!, "姓名"))
    .Each("user: blank password", Corpus.Blank, (t, v) => t.NewUserRefused(e => e.Password = v, "密码"))
    .Each("dictionary: blank", Corpus.Blank, (t, v) => t.Refused(() => t.Settings.SaveItemAsync(new DictionaryItem { Type = "industry", Label = v! }), "字典项名称"))
    .Each("parameter: blank", Corpus.Blank, (t, v) => t.Parameter("warning.yellowDays", v, "黄灯提前工作日数"));

    public static TheoryData<string> BadNames => Bad.Names;

    [Theory, MemberData(nameof(BadNames))]
    public async Task Refused_naming_the_field_with_nothing_saved(string name)
    {
        // Units, accounts, dictionaries and parameters are the system administrator's (三员分立); the calendar the office's too.
        Db.SignIn("sysadmin", AppRoles.SysAdmin);
        await Bad[name](this);
    }

    public static readonly Cases<AdministrationBadInputTests> Good = new Cases<AdministrationBadInputTests>
    {
        ["unit name of 100 characters outside the basic plane"] = t => t.Kept(Corpus.Supplementary(100), v => t.Units.SaveAsync(NewUnit(v)), (ctx, v) => ctx.Units.AnyAsync(u => u.Name == v)),
        ["dictionary label of 50 characters outside the basic plane"] = t => t.Kept(Corpus.Supplementary(50), v => t.Settings.SaveItemAsync(new DictionaryItem { Type = "need-type", Label = v }), (ctx, v) => ctx.DictionaryItems.AnyAsync(d => d.Label == v)),
    }
    .Each("group name", Corpus.Odd, (t, v) => t.Kept(v, v => t.Units.SaveGroupAsync(0, v, 9, 0), (ctx, v) => ctx.UnitGroups.AnyAsync(g => g.Name == v)))
    .Each("unit fields", Corpus.Odd, (t, v) => t.Kept(v, v => t.Units.SaveAsync(new UnitEdit { Name = v, ShortName = Cut(v, 20), HeadName = Cut(v, 30), Phone = Cut(v, 30) }),
        (ctx, v) => ctx.Units.AnyAsync(u => u.Name == v && u.ShortName == Cut(v, 20) && u.HeadName == Cut(v, 30))))
    .Each("user display name", Corpus.Odd, async (t, v) =>
    {
        var unit = await t.UnitIdAsync("市自然资源局");
        var userName = $"odd{Math.Abs(v.GetHashCode()) % 100000}";
        var edit = NewUser(unit, userName);
        await t.Kept(v, v => { edit.DisplayName = v; return t.Users.CreateAsync(edit); }, (ctx, v) => ctx.Users.AnyAsync(u => u.UserName == userName && u.DisplayName == v));
    })
    .Each("dictionary label", Corpus.Odd, (t, v) => t.Kept(v, v => t.Settings.SaveItemAsync(new DictionaryItem { Type = "problem-category", Label = v }), (ctx, v) => ctx.DictionaryItems.AnyAsync(d => d.Label == v)))
    .Each("calendar day name", Corpus.Odd.Take(5), (t, v) =>
    {
        var day = new DateOnly(2023, 11, 4).AddDays(7 * Array.IndexOf(Corpus.Odd, v)); // Saturdays made working days
        return t.Kept(Cut(v, 20), v => t.Calendar.SetDayAsync(day, true, v), (ctx, v) => ctx.CalendarDays.AnyAsync(d => d.Date == day && d.Name == v));
    });

    public static TheoryData<string> GoodNames => Good.Names;

    [Theory, MemberData(nameof(GoodNames))]
    public async Task Odd_text_is_kept_as_typed(string name)
    {
        Db.SignIn("sysadmin", AppRoles.SysAdmin);
        await Good[name](this);
    }

    private static string Cut(string v, int max) => Infrastructure.TextLimit.Cut(v, max);
}
