using QiyangConsole.Features.Administration.Calendar;

namespace QiyangConsole.Features.Projects.Rules;

/// <summary>在谈 → 已签约 → 已落地 → 已开工 → 已投产, or 已终止; going back needs a reason; dates in order.</summary>
public static class ProjectStages
{
    public static readonly ProjectStage[] Forward = [ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Landed, ProjectStage.Started, ProjectStage.Producing];

    /// <summary>The Chinese reason a move is refused, or null when it is allowed.</summary>
    public static string? Check(ProjectStage from, ProjectStage to, DateOnly on, DateOnly? lastStageDate, string? reason)
    {
        if (from == to) return "项目已处于该阶段";
        if (from == ProjectStage.Terminated) return "项目已终止";
        if (to == ProjectStage.Terminated)
            return string.IsNullOrWhiteSpace(reason) ? "终止项目须填写原因"
                : lastStageDate is { } lastDate && on < lastDate ? $"终止日期不能早于上一阶段日期 {lastDate:yyyy-MM-dd}" : null;
        if (to < from && string.IsNullOrWhiteSpace(reason)) return $"阶段由“{from.Name()}”退回“{to.Name()}”须填写原因";
        if (to > from && lastStageDate is { } last && on < last) return $"“{to.Name()}”日期不能早于上一阶段日期 {last:yyyy-MM-dd}";
        return null;
    }
}

/// <summary>One permit of the clock; <paramref name="MissingYear"/> names the year whose calendar the count needed and the database lacks.</summary>
public sealed record ClockStep(string Name, DateOnly? From, DateOnly? To, int? WorkingDays, int Limit, int? MissingYear = null)
{
    public bool? OnTime => WorkingDays is { } d ? d <= Limit : null;
}

public sealed record ClockLimits(int CertificateDays = 1, int PlanningDays = 2, int ConstructionDays = 1);

/// <summary>
/// 拿地即开工: property certificate within 1 working day of land acquisition, the two planning permits
/// within 2 of the certificate, the construction permit within 1 of the later planning permit.
/// </summary>
public static class PermitClock
{
    public static IReadOnlyList<ClockStep> Steps(DateOnly? land, DateOnly? certificate, DateOnly? landPlanning, DateOnly? worksPlanning, DateOnly? construction,
        ClockLimits limits, Func<DateOnly, DateOnly, int> countWorkingDays)
    {
        DateOnly? planningDone = landPlanning is { } a && worksPlanning is { } b ? (a > b ? a : b) : null;
        return
        [
            Step("不动产权证", land, certificate, limits.CertificateDays),
            Step("建设用地规划许可证", certificate, landPlanning, limits.PlanningDays),
            Step("建设工程规划许可证", certificate, worksPlanning, limits.PlanningDays),
            Step("施工许可证", planningDone, construction, limits.ConstructionDays),
        ];

        // A step whose span crosses a year without a calendar says so; the other steps are still counted.
        ClockStep Step(string name, DateOnly? from, DateOnly? to, int limit)
        {
            if (from is not { } f || to is not { } t) return new(name, from, to, null, limit);
            try { return new(name, from, to, countWorkingDays(f, t), limit); }
            catch (CalendarMissingException missing) { return new(name, from, to, null, limit, missing.Year); }
        }
    }

    /// <summary>Achieved when every permit was issued and each within its limit.</summary>
    public static bool Achieved(IReadOnlyList<ClockStep> steps) => steps.All(s => s.OnTime == true);

    /// <summary>The first year a step could not be counted in for want of its calendar, or null when every step could.</summary>
    public static int? MissingYear(IReadOnlyList<ClockStep> steps) => steps.Select(s => s.MissingYear).FirstOrDefault(y => y is not null);
}

/// <summary>A contact leader's share of working time on projects against the one-third target.</summary>
public static class Engagement
{
    public static decimal? Share(decimal projectDays, int workingDaysInMonth) =>
        workingDaysInMonth <= 0 ? null : Math.Round(projectDays / workingDaysInMonth, 4);
}
