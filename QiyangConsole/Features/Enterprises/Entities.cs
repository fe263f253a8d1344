using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Projects;

namespace QiyangConsole.Features.Enterprises;

/// <summary>园区企业: an enterprise in the park, with its current steward (企业管家).</summary>
public class Enterprise : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    /// <summary>统一社会信用代码, normalised to upper case; unique.</summary>
    public required string CreditCode { get; set; }
    public required string Industry { get; set; }
    /// <summary>规上: above designated size.</summary>
    public bool IsAboveSize { get; set; }
    public string? Address { get; set; }
    public string? ContactPerson { get; set; }
    public string? ContactPhone { get; set; }
    public string? Zone { get; set; }
    public string? StewardId { get; set; }
    public AppUser? Steward { get; set; }
    public DateOnly? StewardSince { get; set; }
    public int Version { get; set; }
}

/// <summary>管家任命: who looked after an enterprise, from when to when, and why it changed.</summary>
public class StewardAssignment : INotAudited
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public required string StewardId { get; set; }
    public AppUser? Steward { get; set; }
    public DateOnly From { get; set; }
    public DateOnly? To { get; set; }
    public string? Reason { get; set; }
    public required string By { get; set; }
}

/// <summary>驻企联络室: every 规上 enterprise has one, for 定人、定时、定点 service.</summary>
public class LiaisonRoom : IVersioned
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public required string Place { get; set; }
    public required string Schedule { get; set; }
    public required string OnDuty { get; set; }
    public int Version { get; set; }
}

/// <summary>走访记录: a steward's visit, the duties exercised and what came of it.</summary>
public class Visit : IVersioned
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public required string StewardId { get; set; }
    public AppUser? Steward { get; set; }
    public DateOnly VisitedOn { get; set; }
    public StewardDuties Duties { get; set; }
    public required string Done { get; set; }
    public string? ProblemsFound { get; set; }
    public DateOnly? NextContactOn { get; set; }
    public string? PhotoPath { get; set; }
    /// <summary>The enterprise need the problem was turned into.</summary>
    public int? NeedId { get; set; }
    /// <summary>The problem-list item the problem was turned into.</summary>
    public int? ProblemId { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>帮代办事项: 1+1+N — one matter, one agent following it all the way, N approval windows.</summary>
public class HelpMatter : IVersioned
{
    public int Id { get; set; }
    public int EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public required string Name { get; set; }
    public HelpMode Mode { get; set; }
    public required string AgentId { get; set; }
    public AppUser? Agent { get; set; }
    public HelpState State { get; set; }
    public DateOnly AcceptedOn { get; set; }
    public DateOnly? PromisedOn { get; set; }
    public DateOnly? FinishedOn { get; set; }
    public string? Result { get; set; }
    public List<HelpMatterWindow> Windows { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>The +N: an approval window (unit) that handles part of a matter.</summary>
public class HelpMatterWindow : INotAudited
{
    public int Id { get; set; }
    public int MatterId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
}

/// <summary>联企干部: one of the cadres of 百名干部联百企.</summary>
public class Cadre : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string? Post { get; set; }
    public string? Phone { get; set; }
    public int Version { get; set; }
}

/// <summary>A cadre's link to an enterprise or to a key project (exactly one of the two).</summary>
public class CadreLink : INotAudited
{
    public int Id { get; set; }
    public int CadreId { get; set; }
    public Cadre? Cadre { get; set; }
    public int? EnterpriseId { get; set; }
    public Enterprise? Enterprise { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
}

/// <summary>An entry in one of a link's three lists: 企业需求, 问题摸排, 工作任务.</summary>
public class CadreListItem : IVersioned
{
    public int Id { get; set; }
    public int LinkId { get; set; }
    public CadreLink? Link { get; set; }
    public CadreList List { get; set; }
    public required string Content { get; set; }
    public int OwnerUnitId { get; set; }
    public Unit? OwnerUnit { get; set; }
    public DateOnly Deadline { get; set; }
    public ItemState State { get; set; }
    public DateOnly? DoneOn { get; set; }
    public string? Result { get; set; }
    public int Version { get; set; }
}

/// <summary>企业服务爱心联络卡: a department's 24-hour one-to-one contact, maintained by the Office.</summary>
public class ServiceContact : IVersioned
{
    public int Id { get; set; }
    public required string Department { get; set; }
    public required string Name { get; set; }
    public required string Phone { get; set; }
    public string? Duty { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}
