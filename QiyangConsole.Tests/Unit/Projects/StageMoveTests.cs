using System.Globalization;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.Projects.Rules;

namespace QiyangConsole.Tests.Unit.Projects;

/// <summary>
/// What a stage move does to the stage dates, written "signed,landed,started,producing,terminated" with "-" for none:
/// going back clears the stages undone, moving forward records the new date and fills skipped stages, terminating records its date.
/// </summary>
public sealed class StageMoveTests
{
    [Theory]
    [InlineData(null, "请填写阶段日期")]
    [InlineData("2024-06-16", "阶段日期不能晚于今天")]
    [InlineData("2024-06-15", null)]
    [InlineData("2020-01-01", null)]
    public void Date(string? on, string? expected) =>
        Assert.Equal(expected, StageMove.DateProblem(on is null ? null : D(on), D("2024-06-15")));

    [Theory]
    [InlineData("2024-01-01", "-,-,-,-,-", "2024-01-01")]
    [InlineData("2024-01-01", "2024-02-01,-,-,-,-", "2024-02-01")]
    [InlineData("2024-01-01", "2024-02-01,2024-03-01,2024-04-01,2024-05-01,-", "2024-05-01")]
    // the latest, whatever the order; the termination date does not count
    [InlineData("2024-01-01", "2024-02-01,2024-01-15,-,-,2024-09-01", "2024-02-01")]
    public void Last_date(string negotiatingOn, string dates, string expected) =>
        Assert.Equal(D(expected), StageMove.LastDate(D(negotiatingOn), Dates(dates)));

    [Theory]
    // Forward one step records the new stage's date
    [InlineData(ProjectStage.Negotiating, ProjectStage.Signed, "-,-,-,-,-", "2024-06-01,-,-,-,-")]
    [InlineData(ProjectStage.Signed, ProjectStage.Landed, "2024-03-01,-,-,-,-", "2024-03-01,2024-06-01,-,-,-")]
    [InlineData(ProjectStage.Landed, ProjectStage.Started, "2024-03-01,2024-04-01,-,-,-", "2024-03-01,2024-04-01,2024-06-01,-,-")]
    [InlineData(ProjectStage.Started, ProjectStage.Producing, "2024-03-01,2024-04-01,2024-05-01,-,-", "2024-03-01,2024-04-01,2024-05-01,2024-06-01,-")]
    // Skipping stages fills the missing dates of the stages skipped with the move's date
    [InlineData(ProjectStage.Negotiating, ProjectStage.Landed, "-,-,-,-,-", "2024-06-01,2024-06-01,-,-,-")]
    [InlineData(ProjectStage.Negotiating, ProjectStage.Started, "-,-,-,-,-", "2024-06-01,2024-06-01,2024-06-01,-,-")]
    [InlineData(ProjectStage.Negotiating, ProjectStage.Producing, "-,-,-,-,-", "2024-06-01,2024-06-01,2024-06-01,2024-06-01,-")]
    // ... but keeps the dates the project really reached (kept after a step back)
    [InlineData(ProjectStage.Negotiating, ProjectStage.Signed, "2024-02-01,-,-,-,-", "2024-02-01,-,-,-,-")]
    [InlineData(ProjectStage.Signed, ProjectStage.Producing, "2024-02-01,2024-03-01,-,-,-", "2024-02-01,2024-03-01,2024-06-01,2024-06-01,-")]
    // The new stage's own date is overwritten when moving to it (落地, 开工, 投产)
    [InlineData(ProjectStage.Signed, ProjectStage.Landed, "2024-02-01,2024-03-01,-,-,-", "2024-02-01,2024-06-01,-,-,-")]
    [InlineData(ProjectStage.Landed, ProjectStage.Started, "2024-02-01,2024-03-01,2024-04-01,-,-", "2024-02-01,2024-03-01,2024-06-01,-,-")]
    [InlineData(ProjectStage.Started, ProjectStage.Producing, "2024-02-01,2024-03-01,2024-04-01,2024-05-01,-", "2024-02-01,2024-03-01,2024-04-01,2024-06-01,-")]
    // Going back clears the dates of the stages undone and records nothing
    [InlineData(ProjectStage.Producing, ProjectStage.Started, "2024-02-01,2024-03-01,2024-04-01,2024-05-01,-", "2024-02-01,2024-03-01,2024-04-01,-,-")]
    [InlineData(ProjectStage.Producing, ProjectStage.Landed, "2024-02-01,2024-03-01,2024-04-01,2024-05-01,-", "2024-02-01,2024-03-01,-,-,-")]
    [InlineData(ProjectStage.Producing, ProjectStage.Signed, "2024-02-01,2024-03-01,2024-04-01,2024-05-01,-", "2024-02-01,-,-,-,-")]
    [InlineData(ProjectStage.Producing, ProjectStage.Negotiating, "2024-02-01,2024-03-01,2024-04-01,2024-05-01,-", "-,-,-,-,-")]
    [InlineData(ProjectStage.Started, ProjectStage.Signed, "2024-02-01,2024-03-01,2024-04-01,-,-", "2024-02-01,-,-,-,-")]
    [InlineData(ProjectStage.Signed, ProjectStage.Negotiating, "2024-02-01,-,-,-,-", "-,-,-,-,-")]
    // Terminating records the date and keeps the others, from any stage
    [InlineData(ProjectStage.Negotiating, ProjectStage.Terminated, "-,-,-,-,-", "-,-,-,-,2024-06-01")]
    [InlineData(ProjectStage.Started, ProjectStage.Terminated, "2024-02-01,2024-03-01,2024-04-01,-,-", "2024-02-01,2024-03-01,2024-04-01,-,2024-06-01")]
    [InlineData(ProjectStage.Producing, ProjectStage.Terminated, "2024-02-01,2024-03-01,2024-04-01,2024-05-01,-", "2024-02-01,2024-03-01,2024-04-01,2024-05-01,2024-06-01")]
    // The same stage changes nothing (the move itself is refused by ProjectStages.Check)
    [InlineData(ProjectStage.Signed, ProjectStage.Signed, "2024-02-01,-,-,-,-", "2024-02-01,-,-,-,-")]
    public void Apply(ProjectStage from, ProjectStage to, string before, string after) =>
        Assert.Equal(Dates(after), StageMove.Apply(from, to, D("2024-06-01"), Dates(before)));

    private static StageDates Dates(string text)
    {
        var d = text.Split(',').Select(s => s == "-" ? (DateOnly?)null : D(s)).ToArray();
        return new StageDates(d[0], d[1], d[2], d[3], d[4]);
    }

    private static DateOnly D(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
