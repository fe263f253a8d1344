using Microsoft.AspNetCore.Identity;
using QiyangConsole.Data;

namespace QiyangConsole.Features.Administration;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
    /// <summary>When the password was last set; it expires after the parameter security.passwordMaxAgeDays.</summary>
    public DateTime? PasswordChangedAt { get; set; }
    /// <summary>A new or reset account: the next sign-in must choose its own password first.</summary>
    public bool MustChangePassword { get; set; }
    /// <summary>大字版 (适老化): the user reads the console with text scaled to 130 %; kept across devices and sign-ins.</summary>
    public bool LargeText { get; set; }
}

/// <summary>考核组别: units are ranked within their group.</summary>
public class UnitGroup : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

/// <summary>单位: a node of the unit tree; evaluated units carry a group.</summary>
public class Unit : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public string? ShortName { get; set; }
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }
    public int? GroupId { get; set; }
    public UnitGroup? Group { get; set; }
    public string? HeadName { get; set; }
    public string? Phone { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}

/// <summary>字典项: the lists the areas pick from (industries, regions, problem categories …).</summary>
public class DictionaryItem : IVersioned
{
    public int Id { get; set; }
    public required string Type { get; set; }
    public required string Label { get; set; }
    public int SortOrder { get; set; }
    public bool IsEnabled { get; set; } = true;
    public int Version { get; set; }
}

/// <summary>系统参数: a named setting with a typed value kept as text.</summary>
public class SystemParameter : IVersioned
{
    public required string Key { get; set; }
    public required string Name { get; set; }
    public required string Value { get; set; }
    public string? Description { get; set; }
    public int Version { get; set; }
}

/// <summary>
/// A row of the operation or login log: append-only, sealed after the fact into a hash chain per table
/// (see <see cref="Rules.LogChain"/>). Hash and PrevHash stay null until the sealer reaches the row.
/// </summary>
public interface IChainedLog : INotAudited
{
    long Id { get; }
    DateTime At { get; }
    string UserName { get; }
    string? PrevHash { get; }
    string? Hash { get; }
}

/// <summary>操作日志: one row per entity created, changed or deleted.</summary>
public class AuditEntry : IChainedLog
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public string? UnitName { get; set; }
    public required string Action { get; set; }
    public required string Entity { get; set; }
    public required string EntityKey { get; set; }
    public string? OldValues { get; set; }
    public string? NewValues { get; set; }
    public string? Ip { get; set; }
    public string? PrevHash { get; set; }
    public string? Hash { get; set; }
}

/// <summary>登录日志.</summary>
public class LoginRecord : IChainedLog
{
    public long Id { get; set; }
    public DateTime At { get; set; }
    public required string UserName { get; set; }
    public bool Succeeded { get; set; }
    public string? Reason { get; set; }
    public string? Ip { get; set; }
    public string? UserAgent { get; set; }
    public string? PrevHash { get; set; }
    public string? Hash { get; set; }
}

/// <summary>
/// Where a log table's hash chain ends (the newest sealed row) and where it starts (the last row removed by
/// the retention job, whose hash the first remaining row must name). Rows removed at either end by any
/// other means are then found by the verification.
/// </summary>
public class LogChainState : INotAudited
{
    public required string Table { get; set; }
    public long TipId { get; set; }
    public required string TipHash { get; set; }
    public long AnchorId { get; set; }
    public required string AnchorHash { get; set; }
    public DateTime? PurgedAt { get; set; }
}

/// <summary>One run of a background job (定时任务执行记录).</summary>
public class JobRun : INotAudited
{
    public long Id { get; set; }
    public required string JobName { get; set; }
    public string? Argument { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public bool? Succeeded { get; set; }
    public string? Message { get; set; }
}

/// <summary>提醒: an in-console notice for a unit, a role or a user.</summary>
public class Reminder : INotAudited
{
    public long Id { get; set; }
    public DateTime CreatedAt { get; set; }
    public int? UnitId { get; set; }
    public string? Role { get; set; }
    public string? UserId { get; set; }
    public required string Title { get; set; }
    public string? Link { get; set; }
    /// <summary>Makes a job's reminder idempotent: the same key is not created twice.</summary>
    public string? DedupKey { get; set; }
}

/// <summary>A reminder one user has read; a unit's or role's reminder stays unread for the others.</summary>
public class ReminderRead : INotAudited
{
    public long ReminderId { get; set; }
    public required string UserId { get; set; }
    public DateTime ReadAt { get; set; }
}

/// <summary>A seeding step that ran once; a second start seeds nothing twice.</summary>
public class SeedRecord : INotAudited
{
    public required string Name { get; set; }
    public DateTime AppliedAt { get; set; }
}
