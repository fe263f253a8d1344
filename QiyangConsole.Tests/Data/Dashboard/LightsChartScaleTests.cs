using System.Diagnostics;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Tests.Support;
using Xunit.Abstractions;

namespace QiyangConsole.Tests.Data.Dashboard;

/// <summary>
/// The lights chart at the province's size (20,000 work items over three years, one in eight extended): it still equals
/// the lights computed record by record, and the time of one uncomputed chart set is written to the test output.
/// </summary>
public sealed class LightsChartScaleTests(ITestOutputHelper output)
{
    [DbFact]
    public async Task Twenty_thousand_items_give_the_lights_computed_record_by_record()
    {
        await using var db = await Seeds.SeededAsync();
        db.Clock.Now = new DateTimeOffset(2023, 11, 20, 9, 0, 0, TimeSpan.FromHours(8));
        var random = new Random(14);
        await using (var ctx = db.CreateDbContext())
        {
            var units = ctx.Units.Select(u => u.Id).ToList();
            var start = new DateTime(2021, 1, 1, 2, 0, 0, DateTimeKind.Utc);
            var items = Enumerable.Range(0, 20_000).Select(i =>
            {
                var created = start.AddDays(random.Next(0, 1050)).AddHours(random.Next(0, 24));
                var deadline = DateOnly.FromDateTime(created).AddDays(random.Next(5, 120));
                var closed = random.Next(3) == 0 ? null : (DateOnly?)DateOnly.FromDateTime(created).AddDays(random.Next(1, 150));
                if (closed > new DateOnly(2023, 11, 20)) closed = null;
                return new WorkItem
                {
                    Title = $"规模测试事项{i}", Source = "会议", LeadUnitId = units[i % units.Count], Deadline = deadline, CreatedAt = created,
                    State = closed is null ? WorkItemState.InProgress : WorkItemState.Closed, ClosedOn = closed,
                };
            }).ToList();
            ctx.WorkItems.AddRange(items);
            await ctx.SaveChangesAsync();
            ctx.Extensions.AddRange(items.Where((_, i) => i % 8 == 0).Select(i => new Extension
            {
                WorkItemId = i.Id, RequestedDeadline = i.Deadline.AddDays(30), Reason = "规模测试", State = ExtensionState.Approved,
                RequestedAt = i.CreatedAt.AddDays(2), DecidedAt = i.Deadline.AddDays(-1).ToDateTime(new TimeOnly(8, 0), DateTimeKind.Utc),
            }));
            await ctx.SaveChangesAsync();
        }

        db.SignIn("office", AppRoles.Office);
        var year = Period.Year(2023);
        var clock = Stopwatch.StartNew();
        var charts = await db.Get<ChartService>().ChartsAsync(year);
        output.WriteLine($"charts for 2023 over 20,000 items, computed once: {clock.ElapsedMilliseconds} ms");
        for (var run = 0; run < 5; run++)
        {
            QiyangConsole.Infrastructure.FigureCache.Changed();
            clock.Restart();
            await db.Get<ChartService>().ChartsAsync(year);
            output.WriteLine($"again (figures recomputed): {clock.ElapsedMilliseconds} ms");
        }
        for (var run = 0; run < 3; run++)
        {
            clock.Restart();
            await using var ctx = db.CreateDbContext();
            var histories = await WorkItemHistories.ReadAsync(ctx, year.From, year.To, null);
            var read = clock.ElapsedMilliseconds;
            var cal = await db.Get<QiyangConsole.Features.Administration.Calendar.CalendarService>().GetAsync();
            clock.Restart();
            QiyangConsole.Features.WorkItems.Rules.LightHistory.ByMonth(histories, year.From, year.To, new DateOnly(2023, 11, 20), 3, cal.CountWorkingDays);
            output.WriteLine($"{histories.Count} items alive in 2023 read in {read} ms, lit month by month in {clock.ElapsedMilliseconds} ms");
        }
        Assert.True(ChartDataTests.Series(charts.Single(c => c.Title == ChartDataTests.Lights), "红灯").Sum() > 0);
        await ChartDataTests.AssertRecordByRecordAsync(db, year, null);
    }
}
