using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Administration;

public sealed record UserRow(string Id, string UserName, string DisplayName, string? UnitName, int? UnitId, string? Phone,
    IReadOnlyList<string> Roles, bool IsDisabled, DateTime? LastSignInAt, bool IsLockedOut);

public sealed class UserEdit
{
    public string? Id { get; set; }
    public string UserName { get; set; } = "";
    public string DisplayName { get; set; } = "";
    public int? UnitId { get; set; }
    public string? Phone { get; set; }
    public HashSet<string> Roles { get; set; } = [];
    public string? Password { get; set; }
}

public sealed record UserQuery(string? Text, int? UnitId, string? Role, bool? Disabled);

/// <summary>
/// User management, split as 等保 2.0 asks (三员分立): the system administrator creates accounts, edits them, resets
/// passwords and disables them; the security administrator grants roles and forces sessions out. Neither can do the
/// other's part, and nobody changes their own roles. Each operation gets its own scope, so no context outlives it.
/// </summary>
public sealed class UserService(IServiceScopeFactory scopes, IDbContextFactory<AppDbContext> factory, CurrentUser user, TimeProvider clock, Infrastructure.Auth.OnlineSessions online)
{
    /// <summary>Active (not disabled) users holding any of <paramref name="roles"/>: the leaders of projects, stewards, help-matter agents.</summary>
    public static IQueryable<AppUser> ActiveInRole(AppDbContext db, params string[] roles) =>
        db.Users.Where(u => !u.IsDisabled && db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && roles.Contains(r.Name!))));

    public async Task<(List<UserRow> Rows, int Total)> PageAsync(UserQuery q, int skip, int take)
    {
        user.Require(Access.AccountAdmins);
        await using var db = await factory.CreateDbContextAsync();
        var users = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(q.Text)) users = users.Where(u => u.UserName!.Contains(q.Text) || u.DisplayName.Contains(q.Text));
        if (q.UnitId is { } unitId) users = users.Where(u => u.UnitId == unitId);
        if (q.Disabled is { } disabled) users = users.Where(u => u.IsDisabled == disabled);
        if (!string.IsNullOrEmpty(q.Role))
            users = users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && db.Roles.Any(r => r.Id == ur.RoleId && r.Name == q.Role)));
        var total = await users.CountAsync();
        var page = await users.OrderBy(u => u.UnitId).ThenBy(u => u.UserName).Skip(skip).Take(take)
            .Select(u => new { u, Unit = u.Unit == null ? null : u.Unit.Name }).ToListAsync();
        var ids = page.Select(p => p.u.Id).ToList();
        var roles = await db.UserRoles.Where(ur => ids.Contains(ur.UserId))
            .Join(db.Roles, ur => ur.RoleId, r => r.Id, (ur, r) => new { ur.UserId, r.Name }).ToListAsync();
        var now = clock.GetUtcNow();
        return (page.Select(p => new UserRow(p.u.Id, p.u.UserName!, p.u.DisplayName, p.Unit, p.u.UnitId, p.u.PhoneNumber,
            roles.Where(r => r.UserId == p.u.Id).Select(r => r.Name!).ToList(), p.u.IsDisabled, p.u.LastSignInAt,
            p.u.LockoutEnd > now)).ToList(), total);
    }

    /// <summary>A new account without roles (the security administrator grants them); its first sign-in asks for a new password.</summary>
    public async Task CreateAsync(UserEdit edit) => await WithUsersAsync(Access.SystemAdmin, async users =>
    {
        Validate(edit, creating: true);
        var entity = new AppUser
        {
            UserName = edit.UserName.Trim(), DisplayName = edit.DisplayName.Trim(), UnitId = edit.UnitId,
            PhoneNumber = Blank(edit.Phone), CreatedAt = clock.UtcNow(), LockoutEnabled = true, MustChangePassword = true, PasswordChangedAt = clock.UtcNow(),
        };
        Check(await users.CreateAsync(entity, edit.Password!));
    });

    /// <summary>The account's name, unit and phone (system administrator); its roles are <see cref="SetRolesAsync"/>.</summary>
    public async Task UpdateAsync(UserEdit edit) => await WithUsersAsync(Access.SystemAdmin, async users =>
    {
        Validate(edit, creating: false);
        var entity = await users.FindByIdAsync(edit.Id!) ?? throw new DomainException(DomainException.Conflict);
        var unitChanged = entity.UnitId != edit.UnitId;
        entity.DisplayName = edit.DisplayName.Trim();
        entity.UnitId = edit.UnitId;
        entity.PhoneNumber = Blank(edit.Phone);
        Check(await users.UpdateAsync(entity));
        // A unit change reaches the user's cookie at the next sign-in; end current sessions now.
        if (unitChanged) Check(await users.UpdateSecurityStampAsync(entity));
    });

    /// <summary>Grants exactly these roles (security administrator); a system role is held alone; the user's sessions end.</summary>
    public async Task SetRolesAsync(string id, IReadOnlyCollection<string> roles) => await WithUsersAsync(Access.SecurityAdmin, async users =>
    {
        DomainException.ThrowIf(UserRules.RolesProblem(roles, AppRoles.All));
        if (id == user.UserId) throw new DomainException("不能修改自己的角色");
        var entity = await users.FindByIdAsync(id) ?? throw new DomainException(DomainException.Conflict);
        var current = await users.GetRolesAsync(entity);
        Check(await users.RemoveFromRolesAsync(entity, current.Except(roles)));
        Check(await users.AddToRolesAsync(entity, roles.Except(current)));
        Check(await users.UpdateSecurityStampAsync(entity));
    }, after: () => online.ForceOut(id));

    public async Task SetDisabledAsync(string id, bool disabled) => await WithUsersAsync(Access.SystemAdmin, async users =>
    {
        if (disabled && id == user.UserId) throw new DomainException("不能停用自己的账号");
        var entity = await users.FindByIdAsync(id) ?? throw new DomainException(DomainException.Conflict);
        entity.IsDisabled = disabled;
        Check(await users.UpdateAsync(entity));
        Check(await users.UpdateSecurityStampAsync(entity));
    }, after: () => { if (disabled) online.ForceOut(id); });

    /// <summary>强制下线: ends the user's open tabs now and its cookies (the security stamp changes); recorded in the login log.</summary>
    public async Task<int> ForceOutAsync(string id)
    {
        if (id == user.UserId) throw new DomainException("不能强制自己下线");
        var tabs = 0;
        var userName = "";
        await WithUsersAsync(Access.SecurityAdmin, async users =>
        {
            var entity = await users.FindByIdAsync(id) ?? throw new DomainException(DomainException.Conflict);
            userName = entity.UserName!;
            Check(await users.UpdateSecurityStampAsync(entity));
        }, after: () => tabs = online.ForceOut(id));
        await using var db = await factory.CreateDbContextAsync();
        db.LoginRecords.Add(new LoginRecord { At = clock.UtcNow(), UserName = userName, Succeeded = false, Reason = $"被强制下线（操作人：{user.DisplayName}）", Ip = user.Ip });
        await db.SaveChangesAsync();
        return tabs;
    }

    /// <summary>A new password set by the system administrator, who knows it: the user must change it at the next sign-in.</summary>
    public async Task ResetPasswordAsync(string id, string? password) => await WithUsersAsync(Access.SystemAdmin, async users =>
    {
        DomainException.ThrowIf(UserRules.ResetPasswordProblem(password));
        var entity = await users.FindByIdAsync(id) ?? throw new DomainException(DomainException.Conflict);
        entity.MustChangePassword = true;
        entity.PasswordChangedAt = clock.UtcNow();
        var token = await users.GeneratePasswordResetTokenAsync(entity);
        Check(await users.ResetPasswordAsync(entity, token, password!));
        await users.SetLockoutEndDateAsync(entity, null);
        await users.ResetAccessFailedCountAsync(entity);
    });

    private static void Validate(UserEdit edit, bool creating)
    {
        DomainException.ThrowIf(UserRules.EditProblem(edit.UserName, edit.DisplayName, edit.UnitId, creating, edit.Password));
    }

    private async Task WithUsersAsync(string policy, Func<UserManager<AppUser>, Task> action, Action? after = null)
    {
        user.Require(policy);
        await using var scope = scopes.CreateAsyncScope();
        var scoped = scope.ServiceProvider.GetRequiredService<CurrentUser>();
        scoped.Set(user.Principal);
        scoped.Ip = user.Ip;
        await using var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await using var tx = await db.Database.BeginTransactionAsync();
        await action(scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>());
        await tx.CommitAsync();
        after?.Invoke();
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded) throw new DomainException(string.Join("；", result.Errors.Select(e => e.Description)));
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
