using System.Globalization;
using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Administration.Calendar;
using QiyangConsole.Features.Projects.Rules;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Unit.Projects;

/// <summary>拿地即开工 when a permit's span needs a year whose calendar is missing: that step says so, the others are still counted.</summary>
public sealed class PermitClockCalendarTests
{
    private static readonly ClockLimits Limits = new();
    private static readonly Lazy<WorkCalendar> Only2023 = new(() =>
        OfficialCalendar.Build(OfficialCalendar.Read(new SeedFiles(Seeds.Directory)).Where(y => y.Year == 2023)));

    [Fact]
    public void A_step_that_crosses_into_a_missing_year_names_it_and_the_rest_are_counted()
    {
        var steps = Steps("2022-12-30", "2023-01-03", "2023-01-04", "2023-01-05", "2023-01-06");

        Assert.Equal(new int?[] { 2022, null, null, null }, steps.Select(s => s.MissingYear));
        Assert.Equal(new int?[] { null, 1, 2, 1 }, steps.Select(s => s.WorkingDays));
        Assert.Equal(new bool?[] { null, true, true, true }, steps.Select(s => s.OnTime));
        Assert.Equal(2022, PermitClock.MissingYear(steps));
        Assert.False(PermitClock.Achieved(steps));
    }

    [Fact]
    public void Every_step_of_a_year_without_a_calendar_names_it()
    {
        var steps = Steps("2021-02-22", "2021-02-23", "2021-02-24", "2021-02-26", "2021-03-01");

        Assert.All(steps, s => { Assert.Equal(2021, s.MissingYear); Assert.Null(s.WorkingDays); Assert.Null(s.OnTime); });
        Assert.Equal(2021, PermitClock.MissingYear(steps));
    }

    [Fact]
    public void A_permit_not_yet_issued_is_pending_not_missing()
    {
        var steps = Steps("2021-02-22", null, null, null, null);

        Assert.All(steps, s => Assert.Null(s.MissingYear));
        Assert.Null(PermitClock.MissingYear(steps));
    }

    [Fact]
    public void Within_loaded_years_nothing_is_missing()
    {
        var steps = Steps("2023-03-06", "2023-03-07", "2023-03-08", "2023-03-08", "2023-03-09");

        Assert.Null(PermitClock.MissingYear(steps));
        Assert.True(PermitClock.Achieved(steps));
    }

    private static IReadOnlyList<ClockStep> Steps(string land, string? certificate, string? landPlanning, string? worksPlanning, string? construction) =>
        PermitClock.Steps(D(land), D(certificate), D(landPlanning), D(worksPlanning), D(construction), Limits, Only2023.Value.CountWorkingDays);

    private static DateOnly? D(string? text) => text is null ? null : DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
