using QiyangConsole.Data;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Features.Exchanges;

public enum EventKind { TeaMeeting = 0, ParkNight = 1 }

/// <summary>政企交流早茶会 / 园区夜话.</summary>
public class ExchangeEvent : IVersioned
{
    public int Id { get; set; }
    public EventKind Kind { get; set; }
    public DateOnly Date { get; set; }
    public required string Place { get; set; }
    public string? Hosts { get; set; }
    /// <summary>Attending enterprises, separated by 、.</summary>
    public string? Enterprises { get; set; }
    /// <summary>Attending unit ids, comma-separated.</summary>
    public string UnitIds { get; set; } = "";
    public string? Minutes { get; set; }
    public int Version { get; set; }
}

public enum ProblemState { Registered = 0, Assigned = 1, InProgress = 2, Resolved = 3, CalledBack = 4, Closed = 5 }

/// <summary>问题清单: a problem raised by an enterprise, handled in a closed loop.</summary>
public class Problem : IVersioned
{
    public int Id { get; set; }
    public int? EventId { get; set; }
    public ExchangeEvent? Event { get; set; }
    /// <summary>The supervised work item it came from, when it did not come from an event.</summary>
    public int? WorkItemId { get; set; }
    public required string EnterpriseName { get; set; }
    /// <summary>The registered enterprise, when the problem came from the register (a steward's visit or a pick).</summary>
    public int? EnterpriseId { get; set; }
    public required string Description { get; set; }
    public required string Category { get; set; }
    public bool IsUrgent { get; set; }
    public ProblemState State { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int? LimitDays { get; set; }
    public DateOnly? Deadline { get; set; }
    public DateOnly RaisedOn { get; set; }
    public DateOnly? ResolvedOn { get; set; }
    public string? Answer { get; set; }
    /// <summary>逐级管理: 0 the responsible unit, 1 its leader in charge, 2 the office's head.</summary>
    public int EscalationLevel { get; set; }
    public string? ReturnRequest { get; set; }
    public int Version { get; set; }
}

public enum ProblemStepKind { Registered, Assigned, Feedback, ReturnRequested, Reassigned, Resolved, Escalated, CalledBack, Closed }

public class ProblemStep : INotAudited
{
    public int Id { get; set; }
    public int ProblemId { get; set; }
    public ProblemStepKind Kind { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public string? Text { get; set; }
}

public enum Rating { VerySatisfied = 5, Satisfied = 4, Basic = 3, Dissatisfied = 2, VeryDissatisfied = 1 }

/// <summary>回访: who was called about what, and the rating given.</summary>
public class Callback : IVersioned
{
    public int Id { get; set; }
    public int? ProblemId { get; set; }
    /// <summary>The finished help-agent matter (帮代办) called about.</summary>
    public int? HelpMatterId { get; set; }
    /// <summary>The service matter or problem called about.</summary>
    public required string Subject { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string Person { get; set; }
    public string? Phone { get; set; }
    public DateOnly CalledOn { get; set; }
    public required string CalledBy { get; set; }
    public Rating Rating { get; set; }
    public string? Comment { get; set; }
    public string? BadReason { get; set; }
    /// <summary>The rectification this callback re-rates, for a second rating.</summary>
    public int? RectificationId { get; set; }
    public int Version { get; set; }
}

public enum RectificationState { Open = 0, Done = 1 }

/// <summary>整改: opened by a bad rating, for the responsible unit, within a working-day limit.</summary>
public class Rectification : IVersioned
{
    public int Id { get; set; }
    public int CallbackId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly Deadline { get; set; }
    public RectificationState State { get; set; }
    public string? Answer { get; set; }
    public DateOnly? DoneOn { get; set; }
    public int Version { get; set; }
}

/// <summary>The Chinese display names of the enums of this file, as users read them.</summary>
public static class ExchangeNames
{
    public static string Name(this ProblemState s) => s switch
    {
        ProblemState.Registered => "登记",
        ProblemState.Assigned => "分类交办",
        ProblemState.InProgress => "办理中",
        ProblemState.Resolved => "已办结",
        ProblemState.CalledBack => "已回访",
        _ => "已销号",
    };

    public static string Name(this Rating r) => r switch
    {
        Rating.VerySatisfied => "非常满意",
        Rating.Satisfied => "满意",
        Rating.Basic => "基本满意",
        Rating.Dissatisfied => "不满意",
        _ => "非常不满意",
    };

    public static string Name(this EventKind k) => k == EventKind.TeaMeeting ? "政企交流早茶会" : "园区夜话";

    public static string Name(this ProblemStepKind k) => k switch
    {
        ProblemStepKind.Registered => "登记",
        ProblemStepKind.Assigned => "分类交办",
        ProblemStepKind.Feedback => "督办反馈",
        ProblemStepKind.ReturnRequested => "申请退回",
        ProblemStepKind.Reassigned => "重新交办",
        ProblemStepKind.Resolved => "已办结",
        ProblemStepKind.Escalated => "逐级督办",
        ProblemStepKind.CalledBack => "已回访",
        _ => "已销号",
    };

    public static string Name(this RectificationState s) => s == RectificationState.Done ? "已整改" : "整改中";
}
