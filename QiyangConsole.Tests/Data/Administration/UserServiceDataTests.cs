using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;
using Kit = QiyangConsole.Tests.Data.Enterprises.Kit;

namespace QiyangConsole.Tests.Data.Administration;

/// <summary>三员分立 in the user service: who creates accounts, who grants roles, and what nobody may do.</summary>
public class UserServiceDataTests
{
    private static async Task<string> IdAsync(TestDb db, string userName)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private static async Task<List<string>> RolesAsync(TestDb db, string userName)
    {
        await using var ctx = db.CreateDbContext();
        var id = await IdAsync(db, userName);
        return await ctx.UserRoles.Where(ur => ur.UserId == id).Join(ctx.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => r.Name!).OrderBy(n => n).ToListAsync();
    }

    [DbFact]
    public async Task The_system_administrator_creates_an_account_without_roles_and_the_security_administrator_grants_them()
    {
        await using var db = await Seeds.SeededAsync();
        var users = db.Get<UserService>();
        var unitId = (await db.Get<UnitService>().TreeAsync()).First().Id;

        db.SignIn("sysadmin", AppRoles.SysAdmin, userId: await IdAsync(db, "sysadmin"));
        await users.CreateAsync(new UserEdit { UserName = "zhangsan", DisplayName = "张三", UnitId = unitId, Password = "Start#2026a", Roles = [AppRoles.Office] });
        Assert.Empty(await RolesAsync(db, "zhangsan"));   // roles are not the system administrator's to give
        await using (var ctx = db.CreateDbContext())
        {
            var created = await ctx.Users.SingleAsync(u => u.UserName == "zhangsan");
            Assert.True(created.MustChangePassword);
        }
        var id = await IdAsync(db, "zhangsan");
        await Kit.RefusedAsync(() => users.SetRolesAsync(id, [AppRoles.Office]), DomainException.Forbidden);
        var weak = await Assert.ThrowsAsync<DomainException>(() => users.CreateAsync(new UserEdit { UserName = "lisi", DisplayName = "李四", UnitId = unitId, Password = "lisi1234" }));
        Assert.Contains("密码必须包含特殊字符", weak.Message);

        db.SignIn("secadmin", AppRoles.SecAdmin, userId: await IdAsync(db, "secadmin"));
        await users.SetRolesAsync(id, [AppRoles.Unit, AppRoles.Steward]);
        Assert.Equal([AppRoles.Steward, AppRoles.Unit], await RolesAsync(db, "zhangsan"));
        await Kit.RefusedAsync(() => users.SetRolesAsync(id, [AppRoles.Office, AppRoles.Auditor]), "安全审计员不能兼任业务角色（三员分立）");
        await Kit.RefusedAsync(() => users.SetRolesAsync(id, [AppRoles.SysAdmin, AppRoles.SecAdmin]), "系统管理员、安全管理员须由不同账号担任（三员分立）");
        Assert.Equal([AppRoles.Steward, AppRoles.Unit], await RolesAsync(db, "zhangsan"));  // nothing half written
        var self = await IdAsync(db, "secadmin");
        await Kit.RefusedAsync(() => users.SetRolesAsync(self, [AppRoles.SecAdmin, AppRoles.Office]), "安全管理员不能兼任业务角色（三员分立）");
        await Kit.RefusedAsync(() => users.SetRolesAsync(self, []), "不能修改自己的角色");
        // The security administrator neither creates accounts nor resets passwords.
        await Kit.RefusedAsync(() => users.CreateAsync(new UserEdit { UserName = "wangwu", DisplayName = "王五", UnitId = unitId, Password = "Start#2026a" }), DomainException.Forbidden);
        await Kit.RefusedAsync(() => users.ResetPasswordAsync(id, "Reset#2026a"), DomainException.Forbidden);
    }

    [DbFact]
    public async Task The_office_and_the_auditor_manage_no_accounts()
    {
        await using var db = await Seeds.SeededAsync();
        var users = db.Get<UserService>();
        var viewer = await IdAsync(db, "viewer");
        foreach (var (name, role) in new[] { ("office", AppRoles.Office), ("auditor", AppRoles.Auditor), ("leader", AppRoles.Leader) })
        {
            db.SignIn(name, role, userId: await IdAsync(db, name));
            await Kit.RefusedAsync(() => users.PageAsync(new UserQuery(null, null, null, null), 0, 10), DomainException.Forbidden);
            await Kit.RefusedAsync(() => users.SetRolesAsync(viewer, [AppRoles.Office]), DomainException.Forbidden);
            await Kit.RefusedAsync(() => users.SetDisabledAsync(viewer, true), DomainException.Forbidden);
        }
        Assert.Equal([AppRoles.Viewer], await RolesAsync(db, "viewer"));
    }

    [DbFact]
    public async Task A_reset_password_must_be_changed_at_the_next_sign_in()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin, userId: await IdAsync(db, "sysadmin"));
        await db.Get<UserService>().ResetPasswordAsync(await IdAsync(db, "viewer"), "Reset#2026a");
        await using var ctx = db.CreateDbContext();
        var viewer = await ctx.Users.SingleAsync(u => u.UserName == "viewer");
        Assert.True(viewer.MustChangePassword);
        Assert.Equal(PasswordVerificationResult.Success, new PasswordHasher<AppUser>().VerifyHashedPassword(viewer, viewer.PasswordHash!, "Reset#2026a"));
    }
}
