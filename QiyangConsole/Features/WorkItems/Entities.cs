using QiyangConsole.Data;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Features.WorkItems;

public enum Urgency { Normal = 0, Urgent = 1, Critical = 2 }

public enum WorkItemState { Registered = 0, Assigned = 1, InProgress = 2, CloseOutPending = 3, Returned = 4, Closed = 5 }

public enum WarningLight { None = 0, Green = 1, Yellow = 2, Red = 3 }

/// <summary>重点工作: a supervised task with a lead unit, a deadline and a public timeline.</summary>
public class WorkItem : IVersioned
{
    public int Id { get; set; }
    public required string Title { get; set; }
    public string? Description { get; set; }
    public required string Source { get; set; }
    public Urgency Urgency { get; set; }
    public int LeadUnitId { get; set; }
    public Unit? LeadUnit { get; set; }
    /// <summary>协办单位.</summary>
    public List<WorkItemCoUnit> CoUnits { get; set; } = [];
    public string? ResponsibleLeader { get; set; }
    /// <summary>The investment project the item belongs to, if any.</summary>
    public int? ProjectId { get; set; }
    public Projects.Project? Project { get; set; }
    public DateOnly Deadline { get; set; }
    /// <summary>The approved extension, if any; lateness counts from it only once approved.</summary>
    public DateOnly? ExtendedDeadline { get; set; }
    public WorkItemState State { get; set; }
    public WarningLight Light { get; set; }
    public int Percent { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastUpdateAt { get; set; }
    public DateOnly? ClosedOn { get; set; }
    public int Version { get; set; }

    public DateOnly EffectiveDeadline => ExtendedDeadline ?? Deadline;
}

/// <summary>A co-unit (协办单位) of a work item.</summary>
public class WorkItemCoUnit
{
    public int WorkItemId { get; set; }
    public int UnitId { get; set; }

    public static List<WorkItemCoUnit> Of(IEnumerable<int> unitIds) => unitIds.Distinct().Select(id => new WorkItemCoUnit { UnitId = id }).ToList();
}

public enum UpdateKind { Registered, Assigned, Accepted, Progress, Urged, ExtensionRequested, ExtensionApproved, ExtensionRejected, CloseOutSubmitted, Returned, Closed }

/// <summary>动态更新: one entry of an item's timeline (every transition and every progress report).</summary>
public class WorkItemUpdate : INotAudited
{
    public int Id { get; set; }
    public int WorkItemId { get; set; }
    public UpdateKind Kind { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public string? UnitName { get; set; }
    public string? Text { get; set; }
    public int? Percent { get; set; }
    public string? AttachmentName { get; set; }
    public string? AttachmentPath { get; set; }
}

public enum ExtensionState { Pending = 0, Approved = 1, Rejected = 2 }

/// <summary>延期: asked before the deadline, approved or rejected by the Office.</summary>
public class Extension : IVersioned
{
    public int Id { get; set; }
    public int WorkItemId { get; set; }
    public DateOnly RequestedDeadline { get; set; }
    public required string Reason { get; set; }
    public ExtensionState State { get; set; }
    public string? RequestedBy { get; set; }
    public DateTime RequestedAt { get; set; }
    public string? DecidedBy { get; set; }
    public DateTime? DecidedAt { get; set; }
    public string? DecisionNote { get; set; }
    public int Version { get; set; }
}

public enum SettlementResult { Done = 0, NotDone = 1, Overdue = 2 }

/// <summary>结账点评: an item's settlement for a month (done / not done / overdue) with a comment.</summary>
public class Settlement : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public int WorkItemId { get; set; }
    public int UnitId { get; set; }
    public SettlementResult Result { get; set; }
    public string? Comment { get; set; }
    public string? SettledBy { get; set; }
    public DateTime SettledAt { get; set; }
    public int Version { get; set; }
}

/// <summary>A month whose settlement the Office has saved (even a month with no items to settle).</summary>
public class SettlementMonth : INotAudited
{
    public int Year { get; set; }
    public int Month { get; set; }
    public required string SettledBy { get; set; }
    public DateTime SettledAt { get; set; }
}

/// <summary>The Chinese display names of the enums of this file, as users read them.</summary>
public static class WorkItemNames
{
    public static string Name(this WorkItemState state) => state switch
    {
        WorkItemState.Registered => "已立项",
        WorkItemState.Assigned => "已交办",
        WorkItemState.InProgress => "办理中",
        WorkItemState.CloseOutPending => "销号审核中",
        WorkItemState.Returned => "审核退回",
        _ => "已销号",
    };

    public static string Name(this Urgency urgency) => urgency switch
    {
        Urgency.Normal => "一般",
        Urgency.Urgent => "紧急",
        _ => "特急",
    };

    public static string Name(this WarningLight light) => light switch
    {
        WarningLight.Green => "绿灯",
        WarningLight.Yellow => "黄灯",
        WarningLight.Red => "红灯",
        _ => "已销号",
    };

    public static string Name(this SettlementResult r) => r switch
    {
        SettlementResult.Done => "已完成",
        SettlementResult.NotDone => "未完成",
        _ => "逾期",
    };

    public static string Name(this UpdateKind kind) => kind switch
    {
        UpdateKind.Registered => "立项",
        UpdateKind.Assigned => "交办",
        UpdateKind.Accepted => "承办",
        UpdateKind.Progress => "进展",
        UpdateKind.Urged => "催办",
        UpdateKind.ExtensionRequested => "延期申请",
        UpdateKind.ExtensionApproved => "延期批准",
        UpdateKind.ExtensionRejected => "延期驳回",
        UpdateKind.CloseOutSubmitted => "销号申请",
        UpdateKind.Returned => "审核退回",
        _ => "销号",
    };
}
