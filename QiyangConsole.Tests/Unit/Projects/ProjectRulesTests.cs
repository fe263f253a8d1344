using System.Globalization;
using System.Text.Json;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.Projects.Rules;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Unit.Projects;

/// <summary>
/// 在谈 → 已签约 → 已落地 → 已开工 → 已投产 (or 已终止); the 拿地即开工 clock on the official calendar
/// (seeds/system/calendar.json); a contact leader's share of working days against the one-third target.
/// </summary>
public sealed class ProjectRulesTests
{
    private static readonly Lazy<WorkCalendar> Official = new(LoadFromSeed);
    private static readonly ClockLimits Limits = new(CertificateDays: 1, PlanningDays: 2, ConstructionDays: 1);

    // ---- Stages --------------------------------------------------------------------------------

    [Theory]
    [InlineData(ProjectStage.Negotiating, "在谈")]
    [InlineData(ProjectStage.Signed, "已签约")]
    [InlineData(ProjectStage.Landed, "已落地")]
    [InlineData(ProjectStage.Started, "已开工")]
    [InlineData(ProjectStage.Producing, "已投产")]
    [InlineData(ProjectStage.Terminated, "已终止")]
    public void Stage_name(ProjectStage stage, string name) => Assert.Equal(name, stage.Name());

    [Theory]
    // The same stage again
    [InlineData(ProjectStage.Signed, ProjectStage.Signed, "2023-03-01", null, null, "项目已处于该阶段")]
    [InlineData(ProjectStage.Terminated, ProjectStage.Terminated, "2023-03-01", null, "重复终止", "项目已处于该阶段")]
    // 已终止 is final, with or without a reason
    [InlineData(ProjectStage.Terminated, ProjectStage.Signed, "2023-03-01", null, null, "项目已终止")]
    [InlineData(ProjectStage.Terminated, ProjectStage.Negotiating, "2023-03-01", null, "重新洽谈", "项目已终止")]
    // Terminating needs a reason
    [InlineData(ProjectStage.Signed, ProjectStage.Terminated, "2023-03-01", "2023-02-01", null, "终止项目须填写原因")]
    [InlineData(ProjectStage.Signed, ProjectStage.Terminated, "2023-03-01", "2023-02-01", "   ", "终止项目须填写原因")]
    [InlineData(ProjectStage.Signed, ProjectStage.Terminated, "2023-03-01", "2023-02-01", "企业投资计划调整", null)]
    [InlineData(ProjectStage.Negotiating, ProjectStage.Terminated, "2023-03-01", null, "企业放弃投资", null)]
    // Going back needs a reason
    [InlineData(ProjectStage.Started, ProjectStage.Signed, "2023-03-01", null, null, "阶段由“已开工”退回“已签约”须填写原因")]
    [InlineData(ProjectStage.Signed, ProjectStage.Negotiating, "2023-03-01", null, " ", "阶段由“已签约”退回“在谈”须填写原因")]
    [InlineData(ProjectStage.Producing, ProjectStage.Landed, "2023-03-01", null, null, "阶段由“已投产”退回“已落地”须填写原因")]
    [InlineData(ProjectStage.Started, ProjectStage.Signed, "2023-03-01", null, "用地手续退回重办", null)]
    // Forward: no earlier than the last stage date
    [InlineData(ProjectStage.Signed, ProjectStage.Landed, "2023-02-28", "2023-03-01", null, "“已落地”日期不能早于上一阶段日期 2023-03-01")]
    [InlineData(ProjectStage.Negotiating, ProjectStage.Producing, "2023-01-09", "2023-01-10", null, "“已投产”日期不能早于上一阶段日期 2023-01-10")]
    [InlineData(ProjectStage.Signed, ProjectStage.Landed, "2023-03-01", "2023-03-01", null, null)]
    [InlineData(ProjectStage.Signed, ProjectStage.Landed, "2023-03-02", "2023-03-01", null, null)]
    [InlineData(ProjectStage.Negotiating, ProjectStage.Signed, "2023-03-02", null, null, null)]
    [InlineData(ProjectStage.Landed, ProjectStage.Producing, "2023-05-02", "2023-04-01", null, null)]
    public void Check(ProjectStage from, ProjectStage to, string on, string? lastStageDate, string? reason, string? expected) =>
        Assert.Equal(expected, ProjectStages.Check(from, to, D(on), lastStageDate is null ? null : D(lastStageDate), reason));

    [Fact]
    public void Forward_lists_the_five_stages_in_order_without_terminated()
    {
        Assert.Equal(new[] { ProjectStage.Negotiating, ProjectStage.Signed, ProjectStage.Landed, ProjectStage.Started, ProjectStage.Producing }, ProjectStages.Forward);
        Assert.DoesNotContain(ProjectStage.Terminated, ProjectStages.Forward);
    }

    // ---- 拿地即开工 ------------------------------------------------------------------------------

    [Fact]
    public void The_kunneng_case_takes_one_working_day_a_step_and_is_achieved()
    {
        // 湖南坤能: land Monday 03-06, certificate 03-07, both planning permits 03-08, construction 03-09.
        var steps = Steps("2023-03-06", "2023-03-07", "2023-03-08", "2023-03-08", "2023-03-09");

        Assert.Equal(new[] { "不动产权证", "建设用地规划许可证", "建设工程规划许可证", "施工许可证" }, steps.Select(s => s.Name));
        Assert.Equal(new int?[] { 1, 1, 1, 1 }, steps.Select(s => s.WorkingDays));
        Assert.Equal(new int[] { 1, 2, 2, 1 }, steps.Select(s => s.Limit));
        Assert.All(steps, s => Assert.True(s.OnTime));
        Assert.Equal(D("2023-03-06"), steps[0].From);
        Assert.Equal(D("2023-03-07"), steps[0].To);
        Assert.Equal(D("2023-03-07"), steps[1].From);
        Assert.Equal(D("2023-03-07"), steps[2].From);
        Assert.Equal(D("2023-03-08"), steps[3].From);
        Assert.True(PermitClock.Achieved(steps));
    }

    [Fact]
    public void A_certificate_two_working_days_after_the_land_is_late_and_not_achieved()
    {
        var steps = Steps("2023-03-06", "2023-03-08", "2023-03-09", "2023-03-09", "2023-03-10");

        Assert.Equal(2, steps[0].WorkingDays);
        Assert.False(steps[0].OnTime);
        Assert.Equal(new bool?[] { true, true, true }, steps.Skip(1).Select(s => s.OnTime));
        Assert.False(PermitClock.Achieved(steps));

        // Two working days past the limit (Thursday 03-09): late as well.
        var later = Steps("2023-03-06", "2023-03-09", "2023-03-10", "2023-03-10", "2023-03-13");
        Assert.Equal(3, later[0].WorkingDays);
        Assert.False(later[0].OnTime);
        Assert.False(PermitClock.Achieved(later));
    }

    [Fact]
    public void A_planning_permit_on_its_limit_is_on_time_and_one_day_more_is_late()
    {
        // Certificate Tue 03-07: two working days end Thu 03-09.
        var onLimit = Steps("2023-03-06", "2023-03-07", "2023-03-09", "2023-03-09", "2023-03-10");
        Assert.Equal(2, onLimit[1].WorkingDays);
        Assert.True(onLimit[1].OnTime);
        Assert.True(PermitClock.Achieved(onLimit));

        var late = Steps("2023-03-06", "2023-03-07", "2023-03-08", "2023-03-10", "2023-03-13");
        Assert.True(late[1].OnTime);
        Assert.Equal(3, late[2].WorkingDays);
        Assert.False(late[2].OnTime);
        Assert.False(PermitClock.Achieved(late));
    }

    [Fact]
    public void A_weekend_does_not_count()
    {
        // Land Friday 03-10, certificate Monday 03-13: one working day.
        var steps = Steps("2023-03-10", "2023-03-13", "2023-03-15", "2023-03-14", "2023-03-16");

        Assert.Equal(1, steps[0].WorkingDays);
        Assert.True(steps[0].OnTime);
        Assert.Equal(new int?[] { 1, 2, 1, 1 }, steps.Select(s => s.WorkingDays));
        Assert.True(PermitClock.Achieved(steps));
    }

    [Fact]
    public void The_qingming_holiday_does_not_count()
    {
        // 2023-04-05 (Wednesday) is 清明节: land Tue 04-04, certificate Thu 04-06 is one working day.
        var steps = Steps("2023-04-04", "2023-04-06", "2023-04-07", "2023-04-10", "2023-04-11");

        Assert.Equal(new int?[] { 1, 1, 2, 1 }, steps.Select(s => s.WorkingDays));
        Assert.True(PermitClock.Achieved(steps));

        // Without the holiday the same dates would be two working days: the plain weekday count is not used.
        Assert.Equal(2, Weekdays(D("2023-04-04"), D("2023-04-06")));
    }

    [Fact]
    public void The_makeup_sunday_counts_as_a_working_day()
    {
        // Sunday 2023-04-23 is a 调休 workday: land Friday 04-21, certificate that Sunday is one working day…
        var onSunday = Steps("2023-04-21", "2023-04-23", "2023-04-24", "2023-04-25", "2023-04-26");
        Assert.Equal(new int?[] { 1, 1, 2, 1 }, onSunday.Select(s => s.WorkingDays));
        Assert.True(PermitClock.Achieved(onSunday));

        // …and a certificate on Monday 04-24 is two, so late.
        var onMonday = Steps("2023-04-21", "2023-04-24", "2023-04-25", "2023-04-25", "2023-04-26");
        Assert.Equal(2, onMonday[0].WorkingDays);
        Assert.False(onMonday[0].OnTime);
        Assert.False(PermitClock.Achieved(onMonday));
    }

    [Fact]
    public void Missing_dates_leave_the_step_pending_and_the_clock_not_achieved()
    {
        var none = PermitClock.Steps(null, null, null, null, null, Limits, Official.Value.CountWorkingDays);
        Assert.Equal(4, none.Count);
        Assert.All(none, s => { Assert.Null(s.WorkingDays); Assert.Null(s.OnTime); });
        Assert.False(PermitClock.Achieved(none));

        // Everything but the construction permit: three on time, one pending.
        var noConstruction = PermitClock.Steps(D("2023-03-06"), D("2023-03-07"), D("2023-03-08"), D("2023-03-08"), null, Limits, Official.Value.CountWorkingDays);
        Assert.Equal(new bool?[] { true, true, true }, noConstruction.Take(3).Select(s => s.OnTime));
        Assert.Null(noConstruction[3].OnTime);
        Assert.Null(noConstruction[3].WorkingDays);
        Assert.Equal(D("2023-03-08"), noConstruction[3].From);
        Assert.False(PermitClock.Achieved(noConstruction));

        // One planning permit missing: the construction step has no start.
        var oneMissing = PermitClock.Steps(D("2023-03-06"), D("2023-03-07"), D("2023-03-08"), null, D("2023-03-09"), Limits, Official.Value.CountWorkingDays);
        Assert.Null(oneMissing[2].OnTime);
        Assert.Null(oneMissing[3].From);
        Assert.Null(oneMissing[3].WorkingDays);
        Assert.Null(oneMissing[3].OnTime);
        Assert.False(PermitClock.Achieved(oneMissing));
    }

    [Fact]
    public void The_construction_permit_counts_from_the_later_planning_permit()
    {
        // Land planning 03-08, works planning 03-09 (later), construction 03-10: one day after the later.
        var worksLater = Steps("2023-03-06", "2023-03-07", "2023-03-08", "2023-03-09", "2023-03-10");
        Assert.Equal(D("2023-03-09"), worksLater[3].From);
        Assert.Equal(1, worksLater[3].WorkingDays);
        Assert.True(worksLater[3].OnTime);
        Assert.True(PermitClock.Achieved(worksLater));

        // The other way round.
        var landLater = Steps("2023-03-06", "2023-03-07", "2023-03-09", "2023-03-08", "2023-03-10");
        Assert.Equal(D("2023-03-09"), landLater[3].From);
        Assert.Equal(1, landLater[3].WorkingDays);
        Assert.True(PermitClock.Achieved(landLater));
    }

    [Fact]
    public void Limits_come_from_the_parameters()
    {
        var steps = PermitClock.Steps(D("2023-03-06"), D("2023-03-08"), D("2023-03-13"), D("2023-03-13"), D("2023-03-15"),
            new ClockLimits(CertificateDays: 2, PlanningDays: 3, ConstructionDays: 2), Official.Value.CountWorkingDays);
        Assert.Equal(new int?[] { 2, 3, 3, 2 }, steps.Select(s => s.WorkingDays));
        Assert.Equal(new int[] { 2, 3, 3, 2 }, steps.Select(s => s.Limit));
        Assert.True(PermitClock.Achieved(steps));
    }

    [Theory]
    [InlineData(0, 1, true)]
    [InlineData(1, 1, true)]
    [InlineData(2, 1, false)]
    public void A_step_is_on_time_up_to_its_limit(int days, int limit, bool onTime) =>
        Assert.Equal(onTime, new ClockStep("不动产权证", D("2023-03-06"), D("2023-03-06").AddDays(days), days, limit).OnTime);

    // ---- 领导精力投入 ----------------------------------------------------------------------------

    [Fact]
    public void Engagement_share_is_days_over_working_days_to_four_places()
    {
        Assert.Null(Engagement.Share(5, 0));
        Assert.Null(Engagement.Share(0, 0));
        Assert.Null(Engagement.Share(5, -1));
        Assert.Equal(0.3333m, Engagement.Share(7, 21));
        Assert.Equal(0m, Engagement.Share(0, 21));
        Assert.Equal(1m, Engagement.Share(21, 21));
        Assert.Equal(0.5m, Engagement.Share(10.5m, 21));
        Assert.Equal(0.3889m, Engagement.Share(7, 18));
        Assert.True(Engagement.Share(7, 21) >= 0.3333m);
        Assert.False(Engagement.Share(6.9m, 21) >= 0.3333m);
    }

    // ---- Helpers -------------------------------------------------------------------------------

    private static IReadOnlyList<ClockStep> Steps(string land, string certificate, string landPlanning, string worksPlanning, string construction) =>
        PermitClock.Steps(D(land), D(certificate), D(landPlanning), D(worksPlanning), D(construction), Limits, Official.Value.CountWorkingDays);

    private static int Weekdays(DateOnly from, DateOnly to)
    {
        var count = 0;
        for (var d = from.AddDays(1); d <= to; d = d.AddDays(1))
            if (d.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday)) count++;
        return count;
    }

    private sealed record YearRow(int Year, string Source, List<string> Off, List<string> Makeup);

    /// <summary>The calendar exactly as <see cref="CalendarSeed"/> loads it from seeds/system/calendar.json.</summary>
    private static WorkCalendar LoadFromSeed()
    {
        var json = File.ReadAllText(Path.Combine(Seeds.Directory, "system", "calendar.json"));
        var rows = JsonSerializer.Deserialize<List<YearRow>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))
            ?? throw new InvalidOperationException("seeds/system/calendar.json is empty");
        var exceptions = rows
            .SelectMany(r => CalendarSeed.Expand(r.Year, r.Off).Select(d => KeyValuePair.Create(d, false))
                .Concat(CalendarSeed.Expand(r.Year, r.Makeup).Select(d => KeyValuePair.Create(d, true))))
            .ToList();
        return new WorkCalendar(rows.Select(r => r.Year).ToList(), exceptions);
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
