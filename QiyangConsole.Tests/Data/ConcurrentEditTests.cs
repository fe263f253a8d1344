using System.Text;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Files;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// Two people with the same record open in two browsers, on a real SQLite file: each loads the record, the first
/// saves, and the second's save (made from what it loaded) is refused with 数据已被他人修改，请刷新后重试 with nothing
/// of it written — no value, no timeline entry, no operation-log line, no stored attachment. After a reload it goes through.
/// </summary>
public class ConcurrentEditTests
{
    [DbFact]
    public async Task Score_sheet_the_second_save_of_a_cell_is_refused_whole()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn("office", AppRoles.Office, unitName: "专班办公室");
        var scores = db.Get<ScoreService>();
        var june = await db.Get<EvaluationService>().CreatePeriodAsync(2023, 6);
        var first = await scores.SheetAsync(june);
        var second = await scores.SheetAsync(june);
        var water = first.Units.Single(u => u.Name == "市水利局").Id;
        var other = first.Units.First(u => u.Id != water).Id;
        var project = first.Indicators.Single(i => i.Name == "重点项目推进").Id;
        Assert.False(first.Cells.ContainsKey((water, project)));

        // Both found the cell empty; the first fills it.
        await scores.SaveAsync(june, [new ScoreInput(water, project, 12.5m, first.Cells.GetValueOrDefault((water, project))?.Version)]);
        var logged = await AuditCountAsync(db);
        // The second's save holds another unit's cell too: nothing of it is written.
        await RefusedAsync(() => scores.SaveAsync(june,
        [
            new ScoreInput(other, project, 10m, second.Cells.GetValueOrDefault((other, project))?.Version),
            new ScoreInput(water, project, 9m, second.Cells.GetValueOrDefault((water, project))?.Version),
        ]));
        Assert.Equal(12.5m, await PointsAsync(db, june, water, project));
        Assert.Null(await PointsAsync(db, june, other, project));
        Assert.Equal(logged, await AuditCountAsync(db));

        // Both reload; the cell now has a version, and the stale one loses again.
        var a = (await scores.SheetAsync(june)).Cells[(water, project)].Version;
        var b = (await scores.SheetAsync(june)).Cells[(water, project)].Version;
        await scores.SaveAsync(june, [new ScoreInput(water, project, 14m, a)]);
        await RefusedAsync(() => scores.SaveAsync(june, [new ScoreInput(water, project, 8m, b)]));
        await RefusedAsync(() => scores.SaveAsync(june, [new ScoreInput(water, project, null, b)]));
        Assert.Equal(14m, await PointsAsync(db, june, water, project));

        var fresh = (await scores.SheetAsync(june)).Cells[(water, project)].Version;
        await scores.SaveAsync(june, [new ScoreInput(water, project, 8m, fresh)]);
        Assert.Equal(8m, await PointsAsync(db, june, water, project));
    }

    [DbFact]
    public async Task Work_item_a_step_from_a_stale_page_is_refused_with_nothing_written()
    {
        await using var db = await Seeds.SeededAsync();
        db.Clock.Now = new DateTimeOffset(2023, 6, 5, 9, 0, 0, TimeSpan.FromHours(8));
        var natural = await UnitIdAsync(db, "市自然资源局");
        var items = db.Get<WorkItemService>();
        db.SignIn("office", AppRoles.Office);
        var id = await items.CreateAsync(new WorkItemEdit { Title = "清理批而未供土地", Source = "会议", LeadUnitId = natural, Deadline = new DateOnly(2023, 6, 30) });
        await items.AssignAsync(id);
        db.SignIn("unit", AppRoles.Unit, natural, "市自然资源局");
        await items.AcceptAsync(id);

        // Two liaisons of the unit open the item.
        var seen = (await items.DetailAsync(id)).Item.Version;
        await items.UpdateAsync(id, "已完成报批材料", 40, version: seen);
        var (timeline, logged) = (await TimelineCountAsync(db, id), await AuditCountAsync(db));

        await using (var attachment = new MemoryStream(Encoding.ASCII.GetBytes("%PDF-1.4\n% progress report\n")))
            await RefusedAsync(() => items.UpdateAsync(id, "已完成 30%", 30, new Upload("进展.pdf", attachment), seen));
        await RefusedAsync(() => items.RequestExtensionAsync(id, new DateOnly(2023, 7, 15), "需补充材料", seen));
        await RefusedAsync(() => items.SubmitCloseOutAsync(id, "已办结", version: seen));
        // The Office's page was loaded before the report too.
        db.SignIn("office", AppRoles.Office);
        await RefusedAsync(() => items.UrgeAsync(id, "请加快进度", seen));

        var item = await ItemAsync(db, id);
        Assert.Equal(40, item.Percent);
        Assert.Equal(WorkItemState.InProgress, item.State);
        Assert.Equal(timeline, await TimelineCountAsync(db, id));
        Assert.Equal(logged, await AuditCountAsync(db));
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(0, await ctx.Extensions.CountAsync());
        Assert.Empty(Directory.EnumerateFiles(db.Get<DataPaths>().Attachments));

        // Reloaded, the urge goes through, and moves the version on for the next stale page.
        await items.UrgeAsync(id, "请加快进度", item.Version);
        db.SignIn("unit", AppRoles.Unit, natural, "市自然资源局");
        await RefusedAsync(() => items.UpdateAsync(id, "已完成 50%", 50, version: item.Version));
        await items.UpdateAsync(id, "已完成 50%", 50, version: (await ItemAsync(db, id)).Version);
        Assert.Equal(50, (await ItemAsync(db, id)).Percent);
    }

    [DbFact]
    public async Task Problem_a_step_from_a_stale_page_is_refused_even_when_it_only_adds_a_step()
    {
        await using var db = await Seeds.SeededAsync();
        var natural = await UnitIdAsync(db, "市自然资源局");
        var problems = db.Get<ProblemService>();
        db.SignIn("office", AppRoles.Office);
        var id = await problems.RegisterAsync(new ProblemInput { EnterpriseName = "祁阳示范实业有限公司", Description = "厂区道路未接通", Category = "基础设施" });
        await problems.AssignAsync(id, natural, 5);
        db.SignIn("unit", AppRoles.Unit, natural, "市自然资源局");
        await problems.FeedbackAsync(id, "已现场查看");

        // Feedback changes no column of the problem: the version still moves, so the second page is stale.
        var seen = (await problems.DetailAsync(id)).Problem.Version;
        await problems.FeedbackAsync(id, "已协调施工单位", seen);
        var (steps, logged) = (await StepCountAsync(db, id), await AuditCountAsync(db));
        await RefusedAsync(() => problems.FeedbackAsync(id, "正在协调", seen));
        await RefusedAsync(() => problems.ResolveAsync(id, "道路已接通", seen));
        await RefusedAsync(() => problems.RequestReturnAsync(id, "不属本单位职责", seen));
        db.SignIn("office", AppRoles.Office);
        await RefusedAsync(() => problems.ReassignAsync(id, natural, 3, seen));

        var problem = (await problems.DetailAsync(id)).Problem;
        Assert.Equal(ProblemState.InProgress, problem.State);
        Assert.Null(problem.Answer);
        Assert.Null(problem.ReturnRequest);
        Assert.Equal(steps, await StepCountAsync(db, id));
        Assert.Equal(logged, await AuditCountAsync(db));

        db.SignIn("unit", AppRoles.Unit, natural, "市自然资源局");
        await problems.ResolveAsync(id, "道路已接通", problem.Version);
        Assert.Equal(ProblemState.Resolved, (await problems.DetailAsync(id)).Problem.State);
    }

    [DbFact]
    public async Task Enterprise_the_second_edit_is_refused_and_the_first_stays()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("office", AppRoles.Office);
        var enterprises = db.Get<EnterpriseService>();
        var id = await enterprises.SaveAsync(new EnterpriseEdit { Name = "祁阳示范实业有限公司", CreditCode = Enterprises.Kit.Code(1), Industry = "建材", Address = "祁阳高新区创新路 1 号" });

        Enterprise loaded;
        await using (var ctx = db.CreateDbContext())
            loaded = await ctx.Enterprises.AsNoTracking().SingleAsync(e => e.Id == id);
        var first = EnterpriseEdit.From(loaded);
        var second = EnterpriseEdit.From(loaded);
        first.Address = "祁阳高新区创新路 9 号";
        await enterprises.SaveAsync(first);
        var logged = await AuditCountAsync(db);

        second.ContactPerson = "李明";
        second.ContactPhone = "13800000000";
        await RefusedAsync(() => enterprises.SaveAsync(second));
        await using (var ctx = db.CreateDbContext())
        {
            var saved = await ctx.Enterprises.AsNoTracking().SingleAsync(e => e.Id == id);
            Assert.Equal("祁阳高新区创新路 9 号", saved.Address);
            Assert.Null(saved.ContactPerson);
            Assert.Null(saved.ContactPhone);
            Assert.Equal(loaded.Version + 1, saved.Version);
        }
        Assert.Equal(logged, await AuditCountAsync(db));
    }

    [DbFact]
    public async Task A_lost_race_in_a_long_lived_context_leaves_no_transaction_and_no_lock_behind()
    {
        await using var db = await Seeds.SeededAsync();
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        // A context that lives on after its save fails, as Identity's does for a whole request.
        await using var longLived = db.CreateDbContext();
        var parameter = await longLived.Parameters.SingleAsync(p => p.Key == "warning.yellowDays");
        await db.Get<SettingsService>().SaveParameterAsync("warning.yellowDays", "4", parameter.Version);
        parameter.Value = "5";
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => longLived.SaveChangesAsync());
        Assert.Null(longLived.Database.CurrentTransaction);

        // Another writer gets the file at once (a lock left behind would hold it for the busy timeout).
        await using (var other = await db.OpenRawAsync())
        {
            await using var insert = other.CreateCommand();
            insert.CommandTimeout = 1;
            insert.CommandText = "UPDATE \"Parameters\" SET \"Value\" = '6' WHERE \"Key\" = 'steward.visitOverdueDays';";
            Assert.Equal(1, await insert.ExecuteNonQueryAsync());
        }
        // And the context itself saves again once it has the current row.
        await longLived.Entry(parameter).ReloadAsync();
        parameter.Value = "5";
        await longLived.SaveChangesAsync();
        Assert.Equal("5", await db.Get<SettingsService>().ParameterAsync("warning.yellowDays"));
        // One log line for the save that went through, none for the one refused.
        Assert.Single(await longLived.AuditEntries.Where(a => a.Entity == nameof(SystemParameter) && a.NewValues!.Contains("\"5\"")).ToListAsync());
    }

    private static async Task RefusedAsync(Func<Task> save) =>
        Assert.Equal(DomainException.Conflict, (await Assert.ThrowsAsync<DomainException>(save)).Message);

    private static async Task<int> AuditCountAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.AuditEntries.CountAsync();
    }

    private static async Task<decimal?> PointsAsync(TestDb db, int period, int unit, int indicator)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Scores.Where(s => s.PeriodId == period && s.UnitId == unit && s.IndicatorId == indicator).Select(s => (decimal?)s.Points).SingleOrDefaultAsync();
    }

    private static async Task<int> UnitIdAsync(TestDb db, string name)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync();
    }

    private static async Task<WorkItem> ItemAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.WorkItems.AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private static async Task<int> TimelineCountAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.WorkItemUpdates.CountAsync(u => u.WorkItemId == id);
    }

    private static async Task<int> StepCountAsync(TestDb db, int id)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.ProblemSteps.CountAsync(s => s.ProblemId == id);
    }
}
