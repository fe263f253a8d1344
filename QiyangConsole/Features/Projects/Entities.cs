using QiyangConsole.Data;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Features.Projects;

public enum ProjectStage { Negotiating = 0, Signed = 1, Landed = 2, Started = 3, Producing = 4, Terminated = 9 }

/// <summary>项目: an investment project under the five ones (一个项目、一名领导、一个专班、一套方案、一抓到底).</summary>
public class Project : IVersioned
{
    public int Id { get; set; }
    public required string Name { get; set; }
    public required string Investor { get; set; }
    public required string Industry { get; set; }
    public required string OriginRegion { get; set; }
    public required string InvestorType { get; set; }
    /// <summary>Investment in 万元; a key project (亿元重点项目) is 10,000 万元 or more.</summary>
    public decimal InvestmentWan { get; set; }
    public ProjectStage Stage { get; set; }
    public DateOnly NegotiatingOn { get; set; }
    public DateOnly? SignedOn { get; set; }
    public DateOnly? LandedOn { get; set; }
    public DateOnly? StartedOn { get; set; }
    public DateOnly? ProducingOn { get; set; }
    public DateOnly? TerminatedOn { get; set; }
    /// <summary>先进场后签约: a key project may enter the site before signing; recorded, not forbidden.</summary>
    public DateOnly? EnteredSiteOn { get; set; }
    /// <summary>The one contact city leader (a user with the Leader role).</summary>
    public required string ContactLeaderId { get; set; }
    public AppUser? ContactLeader { get; set; }
    public int LeadUnitId { get; set; }
    public Unit? LeadUnit { get; set; }
    public string? TaskForceMembers { get; set; }
    public string? PlanText { get; set; }
    public decimal? LandNeededMu { get; set; }
    public decimal? LandReadyMu { get; set; }
    public DateOnly? LandReadyOn { get; set; }
    public decimal? FactoryNeededSqm { get; set; }
    public decimal? FactoryReadySqm { get; set; }
    public DateOnly? FactoryReadyOn { get; set; }
    public DateOnly? LandAcquiredOn { get; set; }
    public DateOnly? CertificateOn { get; set; }
    public DateOnly? LandPlanningPermitOn { get; set; }
    public DateOnly? WorksPlanningPermitOn { get; set; }
    public DateOnly? ConstructionPermitOn { get; set; }
    public int Version { get; set; }

    public bool IsKey => InvestmentWan >= Infrastructure.Money.WanPerYi;
}

/// <summary>方案节点: a milestone of the plan, with its owner unit and due date.</summary>
public class PlanNode : IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string Name { get; set; }
    public DateOnly DueOn { get; set; }
    public int? OwnerUnitId { get; set; }
    public Unit? OwnerUnit { get; set; }
    public DateOnly? DoneOn { get; set; }
    public int Version { get; set; }
}

/// <summary>一抓到底: the project's follow-through timeline (stage changes, node progress, permits, comments).</summary>
public class ProjectLog : INotAudited
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public DateTime At { get; set; }
    public required string By { get; set; }
    public required string Text { get; set; }
}

public enum ChecklistState { Pending = 0, Submitted = 1, Done = 2 }

/// <summary>审批清单模板: the standard materials for the 立项 and 开工 nodes, told to the enterprise once.</summary>
public class ChecklistTemplateItem : IVersioned
{
    public int Id { get; set; }
    public required string Node { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

public class ProjectChecklistItem : IVersioned
{
    public int Id { get; set; }
    public int ProjectId { get; set; }
    public required string Node { get; set; }
    public required string Name { get; set; }
    public int SortOrder { get; set; }
    public ChecklistState State { get; set; }
    public DateOnly? ToldOn { get; set; }
    public int Version { get; set; }
}

public enum NeedState { Open = 0, InProgress = 1, Done = 2 }

/// <summary>个性需求: an enterprise need assigned to a unit (按方抓药) and tracked to done; raised for a project or, from a steward's visit, for an enterprise.</summary>
public class EnterpriseNeed : IVersioned
{
    public int Id { get; set; }
    public int? ProjectId { get; set; }
    public Project? Project { get; set; }
    public int? EnterpriseId { get; set; }
    public Enterprises.Enterprise? Enterprise { get; set; }
    public required string Type { get; set; }
    public required string Description { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public DateOnly Deadline { get; set; }
    public NeedState State { get; set; }
    public string? Answer { get; set; }
    public DateOnly? DoneOn { get; set; }
    public int Version { get; set; }
}

/// <summary>领导精力投入: days a contact leader spent on project work in a month.</summary>
public class LeaderEngagement : IVersioned
{
    public int Id { get; set; }
    public required string LeaderId { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public decimal ProjectDays { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>The Chinese display names of the enums of this file, as users read them.</summary>
public static class ProjectNames
{
    public static string Name(this ProjectStage s) => s switch
    {
        ProjectStage.Negotiating => "在谈",
        ProjectStage.Signed => "已签约",
        ProjectStage.Landed => "已落地",
        ProjectStage.Started => "已开工",
        ProjectStage.Producing => "已投产",
        _ => "已终止",
    };

    public static string Name(this ChecklistState s) => s switch { ChecklistState.Pending => "待提交", ChecklistState.Submitted => "已提交", _ => "已办结" };

    public static string Name(this NeedState s) => s switch { NeedState.Open => "待办", NeedState.InProgress => "办理中", _ => "已办结" };
}
