using QiyangConsole.Data;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Features.Evaluation;

public enum IndicatorKind { Base = 0, Bonus = 1, Deduction = 2 }

/// <summary>How an indicator's points are obtained. Sources of areas not yet built are added when those areas land.</summary>
public enum ScoreSource { Entered = 0, Findings = 1, WorkItemSettlement = 2, Satisfaction = 3 }

/// <summary>考核方案: the indicators of one year.</summary>
public class IndicatorScheme : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public required string Name { get; set; }
    public List<Indicator> Indicators { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>指标: a base indicator (0..MaxPoints), or a bonus/deduction item capped at MaxPoints.</summary>
public class Indicator : IVersioned
{
    public int Id { get; set; }
    public int SchemeId { get; set; }
    public required string Name { get; set; }
    public IndicatorKind Kind { get; set; }
    public ScoreSource Source { get; set; }
    public decimal MaxPoints { get; set; }
    public int SortOrder { get; set; }
    public int Version { get; set; }
}

public enum PeriodState { Open = 0, Reviewed = 1, Ranked = 2, Issued = 3 }

/// <summary>考核月份.</summary>
public class EvaluationPeriod : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Month { get; set; }
    public int SchemeId { get; set; }
    public IndicatorScheme? Scheme { get; set; }
    public PeriodState State { get; set; }
    public string? ReviewedBy { get; set; }
    public DateTime? ReviewedAt { get; set; }
    public DateTime? RankedAt { get; set; }
    public int Version { get; set; }
}

/// <summary>督查: one inspection in a month.</summary>
public class Inspection : IVersioned
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public DateOnly Date { get; set; }
    public required string Title { get; set; }
    public string? Inspectors { get; set; }
    public List<Finding> Findings { get; set; } = [];
    public int Version { get; set; }
}

/// <summary>督查发现: a finding against a unit, optionally with a deduction on an indicator scored from findings.</summary>
public class Finding : IVersioned
{
    public int Id { get; set; }
    public int InspectionId { get; set; }
    public Inspection? Inspection { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public required string Description { get; set; }
    public int? IndicatorId { get; set; }
    public decimal Deduction { get; set; }
    public string? Evidence { get; set; }
    public int Version { get; set; }
}

/// <summary>评分表 cell: a unit's points on one indicator in one month.</summary>
public class Score : IVersioned
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int UnitId { get; set; }
    public int IndicatorId { get; set; }
    public decimal Points { get; set; }
    public bool IsDerived { get; set; }
    public string? Note { get; set; }
    public int Version { get; set; }
}

/// <summary>排名: a unit's place in its group for a month, as the ranking job computed it.</summary>
public class RankingEntry : INotAudited
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int UnitId { get; set; }
    public Unit? Unit { get; set; }
    public int GroupId { get; set; }
    public decimal IndicatorPoints { get; set; }
    public decimal Bonus { get; set; }
    public decimal Deductions { get; set; }
    public decimal Total { get; set; }
    public int Rank { get; set; }
    public int? PreviousRank { get; set; }
    public bool IsLagging { get; set; }
}

/// <summary>通报: the month's circular; issuing it locks the month.</summary>
public class Circular : IVersioned
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int Year { get; set; }
    public int? Number { get; set; }
    public required string Title { get; set; }
    public string? Summary { get; set; }
    public string Issuer { get; set; } = "祁阳市打好优化发展环境持久仗工作专班";
    public DateOnly? IssueDate { get; set; }
    public string? ReportTo { get; set; }
    public string? DistributeTo { get; set; }
    public string? CopyTo { get; set; }
    public string PrintedBy { get; set; } = "祁阳市打好优化发展环境持久仗工作专班办公室";
    /// <summary>The units named for criticism (通报批评), in the circular's order.</summary>
    public List<CircularCriticisedUnit> CriticisedUnits { get; set; } = [];
    public DateTime? IssuedAt { get; set; }
    public string? IssuedBy { get; set; }
    public int Version { get; set; }

    public Circular WithCriticised(IEnumerable<int> unitIds)
    {
        Criticise(unitIds.ToList());
        return this;
    }

    public List<int> CriticisedUnitIds() => CriticisedUnits.OrderBy(x => x.Position).Select(x => x.UnitId).ToList();

    /// <summary>Names these units, in this order; keeps the links already there. Returns whether anything changed.</summary>
    public bool Criticise(IReadOnlyList<int> unitIds)
    {
        var ids = unitIds.Distinct().ToList();
        var changed = CriticisedUnits.RemoveAll(x => !ids.Contains(x.UnitId)) > 0;
        for (var i = 0; i < ids.Count; i++)
        {
            var link = CriticisedUnits.FirstOrDefault(x => x.UnitId == ids[i]);
            if (link is null) { CriticisedUnits.Add(link = new CircularCriticisedUnit { UnitId = ids[i], Position = i }); changed = true; }
            else if (link.Position != i) { link.Position = i; changed = true; }
        }
        return changed;
    }
}

/// <summary>A unit named for criticism (通报批评) in a circular, at its place in the circular's list.</summary>
public class CircularCriticisedUnit
{
    public int CircularId { get; set; }
    public int UnitId { get; set; }
    public int Position { get; set; }
}

/// <summary>更正: a change to an issued month, with its reason; never a silent edit.</summary>
public class Amendment : INotAudited
{
    public int Id { get; set; }
    public int PeriodId { get; set; }
    public int UnitId { get; set; }
    public string UnitName { get; set; } = "";
    public string IndicatorName { get; set; } = "";
    public decimal OldPoints { get; set; }
    public decimal NewPoints { get; set; }
    public required string Reason { get; set; }
    /// <summary>What the re-ranking changed for the circular (lagging units that came in or out), if anything.</summary>
    public string? Effect { get; set; }
    public required string By { get; set; }
    public DateTime At { get; set; }
}

/// <summary>季度点评: one unit's quarter, the office's comment and whether its head makes a statement.</summary>
public class QuarterReviewEntry : IVersioned
{
    public int Id { get; set; }
    public int Year { get; set; }
    public int Quarter { get; set; }
    public int UnitId { get; set; }
    public string? Comment { get; set; }
    public bool MustMakeStatement { get; set; }
    public string? StatementBy { get; set; }
    public int Version { get; set; }
}

public enum ReviewMeeting { Monthly = 0, Quarterly = 1 }

/// <summary>
/// 表态发言: a statement made at a review meeting (月考核点评会 or 季结账点评会), by the head of a unit
/// (<see cref="UnitId"/>) or by a city leader (<see cref="LeaderId"/>); the speaker's name as it was said at the meeting.
/// </summary>
public class Statement : IVersioned
{
    public int Id { get; set; }
    public DateOnly HeldOn { get; set; }
    public ReviewMeeting Meeting { get; set; }
    public int Year { get; set; }
    /// <summary>The month reviewed at a monthly meeting, the quarter at a quarterly one.</summary>
    public int Number { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public string? LeaderId { get; set; }
    public AppUser? Leader { get; set; }
    public required string Speaker { get; set; }
    public string? Summary { get; set; }
    public int Version { get; set; }

    public bool ByLeader => LeaderId is not null;
}

/// <summary>The Chinese display names of the enums of this file, as users read them.</summary>
public static class EvaluationNames
{
    public static string Name(this PeriodState state) => state switch
    {
        PeriodState.Open => "录入中",
        PeriodState.Reviewed => "已审核",
        PeriodState.Ranked => "已排名",
        _ => "已通报",
    };

    public static string Name(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.Base => "基础指标",
        IndicatorKind.Bonus => "加分项",
        _ => "扣分项",
    };

    public static string Name(this ScoreSource source) => source switch
    {
        ScoreSource.Entered => "人工录入",
        ScoreSource.WorkItemSettlement => "重点工作结账点评",
        ScoreSource.Satisfaction => "回访满意度",
        _ => "督查发现扣分",
    };

    public static string Name(this ReviewMeeting meeting) => meeting == ReviewMeeting.Monthly ? "月考核点评会" : "季结账点评会";

    public static string MeetingTitle(this Statement s) => s.Meeting == ReviewMeeting.Monthly ? $"{s.Year}年{s.Number}月考核点评会" : $"{s.Year}年第{s.Number}季度结账点评会";
}
