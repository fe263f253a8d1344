using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Administration;

public class FoundationDataTests
{
    [Fact]
    public void Each_engine_has_a_migration_for_every_model_change()
    {
        // No server is contacted: the model is compared with each engine's last migration snapshot.
        using var sqlite = new AppDbContext(new DbContextOptionsBuilder<AppDbContext>().UseSqlite("Data Source=:memory:").Options);
        Assert.False(sqlite.Database.HasPendingModelChanges(),
            "SQLite: dotnet ef migrations add <Name> --context AppDbContext --output-dir Data/Migrations --namespace QiyangConsole.Data.Migrations");
        using var postgres = new PostgreSqlDbContext(new DbContextOptionsBuilder<AppDbContext>().UseNpgsql("Host=localhost;Database=none").Options);
        Assert.False(postgres.Database.HasPendingModelChanges(),
            "PostgreSQL: dotnet ef migrations add <Name> --context PostgreSqlDbContext --output-dir Data/Migrations/PostgreSql --namespace QiyangConsole.Data.Migrations.PostgreSql");
    }

    [Fact]
    public async Task Migrations_apply_to_an_empty_file_and_WAL_can_be_set()
    {
        await using var db = await TestDb.CreateAsync();
        await using var ctx = db.CreateDbContext();
        Assert.Empty(await ctx.Database.GetPendingMigrationsAsync());
        Assert.NotEmpty(await ctx.Database.GetAppliedMigrationsAsync());
        await ctx.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        var mode = await ctx.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync();
        Assert.Equal("wal", mode.Single());
    }

    [DbFact]
    public async Task Seeding_twice_adds_nothing_the_second_time()
    {
        await using var db = await TestDb.CreateAsync();
        var config = Seeds.Config();
        await Seeds.Runner(db, config).RunAsync();
        var counts = await CountsAsync(db);
        await Seeds.Runner(db, config).RunAsync();
        Assert.Equal(counts, await CountsAsync(db));
        Assert.Equal(10, counts.Users);  // one per role (three of them the system administrators), and three contact city leaders for the projects
        Assert.Equal(43, counts.EvaluatedUnits);
        Assert.Equal(6, counts.Years);
    }

    [DbFact]
    public async Task Production_mode_seeds_no_demo_users_and_the_three_administrators_from_configuration()
    {
        await using var db = await TestDb.CreateAsync();
        await Seeds.Runner(db, Seeds.Config(demo: false, adminPassword: "Prod#2026x")).RunAsync();
        await using var ctx = db.CreateDbContext();
        var users = await ctx.Users.OrderBy(u => u.UserName).ToListAsync();
        Assert.Equal(["admin", "auditor", "secadmin"], users.Select(u => u.UserName));
        Assert.All(users, u => Assert.True(u.MustChangePassword, $"{u.UserName} must choose its own password first"));
        var roles = await ctx.UserRoles.Join(ctx.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        Assert.Equal([AppRoles.SysAdmin, AppRoles.Auditor, AppRoles.SecAdmin], users.Select(u => roles.Single(r => r.UserId == u.Id).Name));
    }

    [DbTheory]
    [InlineData("short1!", "密码长度不能少于 8 位")]
    [InlineData("password1", "密码必须包含特殊字符")]
    [InlineData("admin#2026x", "密码不能包含用户名")]
    public async Task Production_mode_refuses_an_initial_password_that_breaks_the_rules(string password, string expected)
    {
        await using var db = await TestDb.CreateAsync();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Seeds.Runner(db, Seeds.Config(demo: false, adminPassword: password)).RunAsync());
        Assert.Contains("Admin:InitialPassword", ex.Message);
        Assert.Contains(expected, ex.Message);
        await using var ctx = db.CreateDbContext();
        Assert.Empty(await ctx.Users.ToListAsync());
    }

    [DbFact]
    public async Task Production_mode_without_a_password_refuses_to_start_and_writes_nothing_of_that_step()
    {
        await using var db = await TestDb.CreateAsync();
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => Seeds.Runner(db, Seeds.Config(demo: false)).RunAsync());
        Assert.Contains("Admin:InitialPassword", ex.Message);
        await using var ctx = db.CreateDbContext();
        Assert.Empty(await ctx.Roles.ToListAsync());
        Assert.False(await ctx.SeedRecords.AnyAsync(r => r.Name == "system/accounts"));
    }

    [DbFact]
    public async Task The_operation_log_records_who_what_old_and_new_values()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin, unitName: "专班办公室");
        var units = db.Get<UnitService>();
        var row = (await units.TreeAsync()).Single(u => u.Name == "市商务局");
        await units.SaveAsync(new UnitEdit { Id = row.Id, Name = "市商务和粮食局", ParentId = row.ParentId, GroupId = row.GroupId, HeadName = "周强", SortOrder = row.SortOrder, Version = row.Version, IsActive = true });

        await using var ctx = db.CreateDbContext();
        var entry = await ctx.AuditEntries.OrderByDescending(a => a.Id).FirstAsync(a => a.Entity == "Unit");
        Assert.Equal("修改", entry.Action);
        Assert.Equal("sysadmin", entry.UserName);
        Assert.Equal("专班办公室", entry.UnitName);
        Assert.Equal("127.0.0.1", entry.Ip);
        Assert.Equal(row.Id.ToString(), entry.EntityKey);
        var old = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.OldValues!)!;
        var now = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(entry.NewValues!)!;
        Assert.Equal("市商务局", old["Name"].GetString());
        Assert.Equal("市商务和粮食局", now["Name"].GetString());
        Assert.Equal("周强", now["HeadName"].GetString());
        Assert.False(now.ContainsKey("SortOrder"), "unchanged values are left out");
        Assert.Contains("市商务和粮食局", entry.NewValues);  // Chinese kept readable, not \u escapes
    }

    [DbFact]
    public async Task Added_entities_are_logged_with_their_generated_key_and_deletes_with_old_values()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        var units = db.Get<UnitService>();
        await units.SaveAsync(new UnitEdit { Name = "市数据局", IsActive = true });
        var id = (await units.TreeAsync()).Single(u => u.Name == "市数据局").Id;
        await units.DeleteAsync(id);

        await using var ctx = db.CreateDbContext();
        var log = await ctx.AuditEntries.Where(a => a.Entity == "Unit" && a.EntityKey == id.ToString()).OrderBy(a => a.Id).ToListAsync();
        Assert.Equal(["新增", "删除"], log.Select(a => a.Action));
        Assert.Contains("市数据局", log[0].NewValues);
        Assert.Contains("市数据局", log[1].OldValues);
        Assert.Null(log[1].NewValues);
    }

    [DbFact]
    public async Task A_password_hash_never_reaches_the_log()
    {
        await using var db = await Seeds.SeededAsync();
        await using var ctx = db.CreateDbContext();
        var userLogs = await ctx.AuditEntries.Where(a => a.Entity == "AppUser").ToListAsync();
        Assert.NotEmpty(userLogs);
        Assert.All(userLogs, a => Assert.DoesNotContain("PasswordHash", a.NewValues));
    }

    [DbFact]
    public async Task The_second_of_two_overlapping_saves_is_refused_and_the_first_is_kept()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        var settings = db.Get<SettingsService>();
        var seen = (await settings.ParametersAsync()).Single(p => p.Key == "warning.yellowDays");
        await settings.SaveParameterAsync(seen.Key, "5", seen.Version);
        var ex = await Assert.ThrowsAsync<DomainException>(() => settings.SaveParameterAsync(seen.Key, "2", seen.Version));
        Assert.Equal("数据已被他人修改，请刷新后重试", ex.Message);
        Assert.Equal("5", await settings.ParameterAsync(seen.Key));
    }

    [DbFact]
    public async Task Bad_parameter_values_are_refused_naming_the_parameter()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        var settings = db.Get<SettingsService>();
        var p = (await settings.ParametersAsync()).Single(p => p.Key == "evaluation.laggingPercent");
        var ex = await Assert.ThrowsAsync<DomainException>(() => settings.SaveParameterAsync(p.Key, "150", p.Version));
        Assert.Contains("每组后进单位比例", ex.Message);
        Assert.Equal("10", await settings.ParameterAsync(p.Key));
    }

    [DbFact]
    public async Task Only_the_system_administrator_may_change_settings()
    {
        await using var db = await Seeds.SeededAsync();
        var settings = db.Get<SettingsService>();
        foreach (var (user, role) in new[] { ("unit", AppRoles.Unit), ("office", AppRoles.Office), ("secadmin", AppRoles.SecAdmin), ("auditor", AppRoles.Auditor) })
        {
            db.SignIn(user, role);
            var ex = await Assert.ThrowsAsync<DomainException>(() => settings.SaveParameterAsync("warning.yellowDays", "4", 0));
            Assert.Equal("无权访问", ex.Message);
        }
    }

    [DbFact]
    public async Task A_unit_cannot_be_moved_under_its_own_subtree()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        var units = db.Get<UnitService>();
        var tree = await units.TreeAsync();
        var parent = tree.Single(u => u.Name == "乡镇街道");
        var child = tree.Single(u => u.Name == "浯溪街道");
        var ex = await Assert.ThrowsAsync<DomainException>(() => units.SaveAsync(new UnitEdit { Id = parent.Id, Name = parent.Name, ParentId = child.Id, Version = parent.Version, IsActive = true }));
        Assert.Equal("上级单位不能是本单位或其下级单位", ex.Message);
        var dup = await Assert.ThrowsAsync<DomainException>(() => units.SaveAsync(new UnitEdit { Name = "浯溪街道", IsActive = true }));
        Assert.Contains("已存在", dup.Message);
        var withChildren = await Assert.ThrowsAsync<DomainException>(() => units.DeleteAsync(parent.Id));
        Assert.Contains("还有下级单位", withChildren.Message);
    }

    [DbFact]
    public async Task The_calendar_service_answers_from_the_database_and_an_edit_is_seen_at_once()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("office", AppRoles.Office);
        var calendar = db.Get<CalendarService>();
        var cal = await calendar.GetAsync();
        Assert.False(cal.IsWorkingDay(new DateOnly(2023, 10, 2)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2023, 10, 7)));
        Assert.Throws<CalendarMissingException>(() => cal.IsWorkingDay(new DateOnly(2027, 1, 4)));

        await calendar.AddYearAsync(2027, "国务院办公厅关于2027年部分节假日安排的通知");
        await calendar.SetDayAsync(new DateOnly(2027, 1, 1), false, "元旦");
        cal = await calendar.GetAsync();
        Assert.False(cal.IsWorkingDay(new DateOnly(2027, 1, 1)));
        Assert.True(cal.IsWorkingDay(new DateOnly(2027, 1, 4)));

        await calendar.SetDayAsync(new DateOnly(2027, 1, 1), true, null);  // back to an ordinary Friday: exception dropped
        await using var ctx = db.CreateDbContext();
        Assert.False(await ctx.CalendarDays.AnyAsync(d => d.Date == new DateOnly(2027, 1, 1)));
        var dup = await Assert.ThrowsAsync<DomainException>(() => calendar.AddYearAsync(2027, null));
        Assert.Contains("已存在", dup.Message);
    }

    private static async Task<(int Users, int EvaluatedUnits, int Years, int Days, int Dictionary, int Parameters)> CountsAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return (await ctx.Users.CountAsync(), await ctx.Units.CountAsync(u => u.GroupId != null), await ctx.CalendarYears.CountAsync(),
            await ctx.CalendarDays.CountAsync(), await ctx.DictionaryItems.CountAsync(), await ctx.Parameters.CountAsync());
    }
}
