using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.WorkItems;

/// <summary>
/// The supervision platform (重点工作) on a real, migrated SQLite file with the system seeds only:
/// refusals that change nothing, who may act, the whole loop, the month-end settlement, the
/// evaluation reading it, and the morning lights job.
/// </summary>
public class WorkItemDataTests
{
    private const string Office = "office";
    private const string Liaison = "unit";
    private const string Natural = "市自然资源局";
    private const string Transport = "市交通运输局";
    private const string NotLeadUnit = "只有牵头单位的联络员可以办理此事项";

    // ---- a. Bad input changes nothing ----------------------------------------------------------

    [DbFact]
    public async Task Refused_input_changes_nothing()
    {
        await using var db = await Seeds.SeededAsync();
        db.Clock.Now = At(2023, 6, 5);
        var natural = await UnitIdAsync(db, Natural);
        var items = db.Get<WorkItemService>();
        AsOffice(db);

        var past = await Assert.ThrowsAsync<DomainException>(() => items.CreateAsync(Edit("清理批而未供土地", natural, new DateOnly(2023, 6, 2))));
        Assert.Equal("办理期限 2023-06-02 早于今天，请重新填写", past.Message);
        var untitled = await Assert.ThrowsAsync<DomainException>(() => items.CreateAsync(Edit("   ", natural, new DateOnly(2023, 6, 20))));
        Assert.Equal("事项名称不能为空", untitled.Message);
        var edit = Edit("清理批而未供土地", natural, new DateOnly(2023, 6, 20));
        edit.Source = "群众来信";
        var source = await Assert.ThrowsAsync<DomainException>(() => items.CreateAsync(edit));
        Assert.Equal("请选择事项来源", source.Message);
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(0, await ctx.WorkItems.CountAsync());
            Assert.Equal(0, await ctx.WorkItemUpdates.CountAsync());
            Assert.Equal(0, await ctx.AuditEntries.CountAsync(a => a.Entity == nameof(WorkItem)));
        }

        // Today itself is an acceptable deadline (and shows yellow).
        var dueToday = await items.CreateAsync(Edit("当日办结事项", natural, new DateOnly(2023, 6, 5)));
        Assert.Equal(WarningLight.Yellow, (await ItemAsync(db, dueToday)).Light);

        var id = await items.CreateAsync(Edit("清理批而未供土地", natural, new DateOnly(2023, 6, 20)));
        await items.AssignAsync(id);
        AsLiaison(db, natural, Natural);
        await items.AcceptAsync(id);
        var timeline = await TimelineCountAsync(db, id);
        Assert.Equal(3, timeline);

        var noEvidence = await Assert.ThrowsAsync<DomainException>(() => items.SubmitCloseOutAsync(id, "  "));
        Assert.Equal("销号申请须填写办结情况和佐证说明", noEvidence.Message);
        var tooMuch = await Assert.ThrowsAsync<DomainException>(() => items.UpdateAsync(id, "已完成 80%", 101));
        Assert.Equal("完成进度应在 0 至 100 之间", tooMuch.Message);
        var earlier = await Assert.ThrowsAsync<DomainException>(() => items.RequestExtensionAsync(id, new DateOnly(2023, 6, 19), "需补充材料"));
        Assert.Equal("延期后的期限须晚于当前期限", earlier.Message);
        var same = await Assert.ThrowsAsync<DomainException>(() => items.RequestExtensionAsync(id, new DateOnly(2023, 6, 20), "需补充材料"));
        Assert.Equal("延期后的期限须晚于当前期限", same.Message);
        var noReason = await Assert.ThrowsAsync<DomainException>(() => items.RequestExtensionAsync(id, new DateOnly(2023, 6, 30), " "));
        Assert.Equal("请填写延期原因", noReason.Message);

        // The deadline passes: no extension any more.
        db.Clock.Now = At(2023, 6, 21);
        var late = await Assert.ThrowsAsync<DomainException>(() => items.RequestExtensionAsync(id, new DateOnly(2023, 6, 30), "需补充材料"));
        Assert.Equal("已超过办理期限 2023-06-20，不能再申请延期，逾期按原期限计算", late.Message);

        var item = await ItemAsync(db, id);
        Assert.Equal(WorkItemState.InProgress, item.State);
        Assert.Equal(0, item.Percent);
        Assert.Null(item.ExtendedDeadline);
        Assert.Equal(new DateOnly(2023, 6, 20), item.Deadline);
        Assert.Equal(timeline, await TimelineCountAsync(db, id));
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(0, await ctx.Extensions.CountAsync());
            Assert.Equal(0, await ctx.Reminders.CountAsync(r => r.Role == AppRoles.Office));
            Assert.Equal(2, await ctx.WorkItems.CountAsync());
        }
    }

    // ---- b. Who may act ------------------------------------------------------------------------

    [DbFact]
    public async Task Only_the_lead_units_liaison_handles_an_item_and_only_the_office_assigns_and_decides()
    {
        await using var db = await Seeds.SeededAsync();
        db.Clock.Now = At(2023, 6, 5);
        var natural = await UnitIdAsync(db, Natural);
        var transport = await UnitIdAsync(db, Transport);
        var items = db.Get<WorkItemService>();
        AsOffice(db);
        var assigned = await items.CreateAsync(Edit("清理批而未供土地", natural, new DateOnly(2023, 6, 20)));
        await items.AssignAsync(assigned);
        var registered = await items.CreateAsync(Edit("编制村庄规划", natural, new DateOnly(2023, 6, 30)));

        // The office is not the lead unit.
        var officeAccepts = await Assert.ThrowsAsync<DomainException>(() => items.AcceptAsync(assigned));
        Assert.Equal(NotLeadUnit, officeAccepts.Message);

        // Another unit's liaison cannot touch it.
        AsLiaison(db, transport, Transport);
        var other = await Assert.ThrowsAsync<DomainException>(() => items.AcceptAsync(assigned));
        Assert.Equal(NotLeadUnit, other.Message);
        var otherExtension = await Assert.ThrowsAsync<DomainException>(() => items.RequestExtensionAsync(assigned, new DateOnly(2023, 6, 30), "需协调"));
        Assert.Equal(NotLeadUnit, otherExtension.Message);
        Assert.False((await items.DetailAsync(assigned)).CanActAsUnit);

        // The lead unit's liaison cannot do the office's part.
        AsLiaison(db, natural, Natural);
        var detail = await items.DetailAsync(assigned);
        Assert.True(detail.CanActAsUnit);
        Assert.False(detail.CanActAsOffice);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => items.AssignAsync(registered))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => items.UrgeAsync(assigned, "请加快"))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => items.CreateAsync(Edit("自行立项", natural, new DateOnly(2023, 6, 30))))).Message);

        await items.AcceptAsync(assigned);
        await items.SubmitCloseOutAsync(assigned, "已办结");
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => items.ApproveCloseOutAsync(assigned))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => items.ReturnCloseOutAsync(assigned, "材料不全"))).Message);

        Assert.Equal(WorkItemState.Registered, (await ItemAsync(db, registered)).State);
        Assert.Equal(WorkItemState.CloseOutPending, (await ItemAsync(db, assigned)).State);
        await using var ctx = db.CreateDbContext();
        Assert.Equal(2, await ctx.WorkItems.CountAsync());
        Assert.Equal(1, await ctx.WorkItemUpdates.CountAsync(u => u.WorkItemId == registered));
    }

    // ---- c. The whole loop ---------------------------------------------------------------------

    [DbFact]
    public async Task An_item_goes_from_registration_through_an_extension_and_a_returned_close_out_to_closed()
    {
        await using var db = await Seeds.SeededAsync();
        db.Clock.Now = At(2023, 6, 5);
        var natural = await UnitIdAsync(db, Natural);
        var transport = await UnitIdAsync(db, Transport);
        var items = db.Get<WorkItemService>();
        const string title = "推进浯溪片区土地收储";
        AsOffice(db);

        // 立项: Mon 06-05 → Thu 06-08 is 3 working days, so yellow from the start.
        var id = await items.CreateAsync(Edit(title, natural, new DateOnly(2023, 6, 8), transport, natural));
        var item = await ItemAsync(db, id);
        Assert.Equal(WorkItemState.Registered, item.State);
        Assert.Equal(WarningLight.Yellow, item.Light);
        Assert.Equal(0, item.Percent);
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(new[] { transport }, await ctx.WorkItemCoUnits.Where(c => c.WorkItemId == id).Select(c => c.UnitId).ToListAsync());  // the lead unit is not its own co-unit
        Assert.Equal(At(2023, 6, 5).UtcDateTime, item.CreatedAt);
        Assert.Equal(new[] { Transport }, (await items.DetailAsync(id)).CoUnits);

        // 交办
        Tick(db);
        await items.AssignAsync(id);
        Assert.Equal(WorkItemState.Assigned, (await ItemAsync(db, id)).State);
        await using (var ctx = db.CreateDbContext())
        {
            var assigned = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.DedupKey == $"work-assigned-{id}");
            Assert.Equal(natural, assigned.UnitId);
            Assert.Null(assigned.Role);
            Assert.Equal($"新交办重点工作：{title}", assigned.Title);
            Assert.Equal($"/work-items/{id}", assigned.Link);
            Assert.False(await ctx.ReminderReads.AnyAsync(r => r.ReminderId == assigned.Id));
        }

        // 承办 and a progress report
        AsLiaison(db, natural, Natural);
        Tick(db);
        await items.AcceptAsync(id);
        Assert.Equal(WorkItemState.InProgress, (await ItemAsync(db, id)).State);
        Tick(db);
        await items.UpdateAsync(id, "  已完成土地测绘，正在组织评估  ", 60);
        item = await ItemAsync(db, id);
        Assert.Equal(WorkItemState.InProgress, item.State);
        Assert.Equal(60, item.Percent);

        // 延期申请: pending, nothing changes on the item yet
        Tick(db);
        await items.RequestExtensionAsync(id, new DateOnly(2023, 6, 30), "评估机构进场时间推迟");
        Extension extension;
        await using (var ctx = db.CreateDbContext())
        {
            extension = await ctx.Extensions.AsNoTracking().SingleAsync(e => e.WorkItemId == id);
            Assert.Equal(ExtensionState.Pending, extension.State);
            Assert.Equal(new DateOnly(2023, 6, 30), extension.RequestedDeadline);
            Assert.Equal("评估机构进场时间推迟", extension.Reason);
            Assert.Equal(Liaison, extension.RequestedBy);
            Assert.Equal(1, await ctx.Reminders.CountAsync(r => r.Role == AppRoles.Office && r.Title == $"延期待审批：{title}"));
        }
        item = await ItemAsync(db, id);
        Assert.Null(item.ExtendedDeadline);
        Assert.Equal(WarningLight.Yellow, item.Light);
        var second = await Assert.ThrowsAsync<DomainException>(() => items.RequestExtensionAsync(id, new DateOnly(2023, 7, 7), "再延一周"));
        Assert.Equal("已有待审批的延期申请", second.Message);

        // The office approves: the new deadline counts and the light is recomputed (06-05 → 06-30: green).
        AsOffice(db);
        Tick(db);
        await items.DecideExtensionAsync(extension.Id, true, null);
        item = await ItemAsync(db, id);
        Assert.Equal(new DateOnly(2023, 6, 30), item.ExtendedDeadline);
        Assert.Equal(new DateOnly(2023, 6, 8), item.Deadline);
        Assert.Equal(new DateOnly(2023, 6, 30), item.EffectiveDeadline);
        Assert.Equal(WarningLight.Green, item.Light);
        Assert.Equal(WorkItemState.InProgress, item.State);
        await using (var ctx = db.CreateDbContext())
        {
            var decided = await ctx.Extensions.AsNoTracking().SingleAsync(e => e.Id == extension.Id);
            Assert.Equal(ExtensionState.Approved, decided.State);
            Assert.Equal(Office, decided.DecidedBy);
            Assert.Equal(db.Clock.Now.UtcDateTime, decided.DecidedAt);
        }
        var again = await Assert.ThrowsAsync<DomainException>(() => items.DecideExtensionAsync(extension.Id, false, "重复审批"));
        Assert.Equal("该延期申请已审批", again.Message);

        // 销号申请, returned with a reason
        AsLiaison(db, natural, Natural);
        Tick(db);
        await items.SubmitCloseOutAsync(id, "收储协议已签订");
        Assert.Equal(WorkItemState.CloseOutPending, (await ItemAsync(db, id)).State);
        AsOffice(db);
        var noReason = await Assert.ThrowsAsync<DomainException>(() => items.ReturnCloseOutAsync(id, " "));
        Assert.Equal("退回须填写原因", noReason.Message);
        Assert.Equal(WorkItemState.CloseOutPending, (await ItemAsync(db, id)).State);
        Tick(db);
        await items.ReturnCloseOutAsync(id, "缺少收储协议扫描件");
        Assert.Equal(WorkItemState.Returned, (await ItemAsync(db, id)).State);
        await using (var ctx = db.CreateDbContext())
        {
            var returned = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.Title == $"销号被退回：{title}");
            Assert.Equal(natural, returned.UnitId);
            Assert.Null(returned.Role);
        }

        // Resubmitted and approved
        AsLiaison(db, natural, Natural);
        Tick(db);
        await items.SubmitCloseOutAsync(id, "已补充收储协议扫描件");
        AsOffice(db);
        Tick(db);
        await items.ApproveCloseOutAsync(id);
        item = await ItemAsync(db, id);
        Assert.Equal(WorkItemState.Closed, item.State);
        Assert.Equal(new DateOnly(2023, 6, 5), item.ClosedOn);
        Assert.Equal(100, item.Percent);
        Assert.Equal(WarningLight.None, item.Light);
        Assert.Equal(db.Clock.Now.UtcDateTime, item.LastUpdateAt);
        var closed = await Assert.ThrowsAsync<DomainException>(() => items.UrgeAsync(id, null));
        Assert.Equal("该事项已销号", closed.Message);

        await using (var ctx = db.CreateDbContext())
        {
            var timeline = await ctx.WorkItemUpdates.AsNoTracking().Where(u => u.WorkItemId == id).OrderBy(u => u.Id).ToListAsync();
            Assert.Equal(new[]
            {
                UpdateKind.Registered, UpdateKind.Assigned, UpdateKind.Accepted, UpdateKind.Progress, UpdateKind.ExtensionRequested,
                UpdateKind.ExtensionApproved, UpdateKind.CloseOutSubmitted, UpdateKind.Returned, UpdateKind.CloseOutSubmitted, UpdateKind.Closed,
            }, timeline.Select(u => u.Kind));
            Assert.Equal(new[] { Office, Office, Liaison, Liaison, Liaison, Office, Liaison, Office, Liaison, Office }, timeline.Select(u => u.By));
            Assert.Equal(new string?[] { null, null, Natural, Natural, Natural, null, Natural, null, Natural, null }, timeline.Select(u => u.UnitName));
            Assert.Equal(Enumerable.Range(0, 10).Select(i => At(2023, 6, 5).AddMinutes(5 * i).UtcDateTime), timeline.Select(u => u.At));
            Assert.Equal($"立项：{title}，期限 2023-06-08", timeline[0].Text);
            var progress = timeline[3];
            Assert.Equal("已完成土地测绘，正在组织评估", progress.Text);
            Assert.Equal(60, progress.Percent);
            Assert.Equal("申请延期至 2023-06-30：评估机构进场时间推迟", timeline[4].Text);
            Assert.Equal("同意延期至 2023-06-30", timeline[5].Text);
            Assert.Equal("审核退回：缺少收储协议扫描件", timeline[7].Text);
            Assert.Equal("审核通过，予以销号", timeline[9].Text);

            // 操作日志: the insert, and one change per step (the clock moved each time, so every step touched the row).
            var log = await ctx.AuditEntries.AsNoTracking().Where(a => a.Entity == nameof(WorkItem) && a.EntityKey == id.ToString()).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(11, log.Count);
            Assert.Equal("新增", log[0].Action);
            Assert.All(log.Skip(1), a => Assert.Equal("修改", a.Action));
            Assert.Equal(Office, log[^1].UserName);
            Assert.Contains("\"ClosedOn\":\"2023-06-05\"", log[^1].NewValues ?? "", StringComparison.Ordinal);
            Assert.Equal(Natural, log[3].UnitName);  // the acceptance, logged with the liaison's unit

            // The row's version followed the changes.
            Assert.Equal(10, (await ctx.WorkItems.AsNoTracking().SingleAsync(i => i.Id == id)).Version);
        }

        // The detail lists the timeline newest first.
        var detail = await items.DetailAsync(id);
        Assert.Equal(UpdateKind.Closed, detail.Timeline[0].Kind);
        Assert.Equal(UpdateKind.Registered, detail.Timeline[^1].Kind);
        Assert.Equal(Natural, detail.Item.LeadUnit!.Name);
        Assert.Single(detail.Extensions);
    }

    // ---- d. Settlement ---------------------------------------------------------------------------

    [DbFact]
    public async Task A_month_is_settled_from_the_suggestions_once_per_item_and_is_locked_by_the_evaluation_review()
    {
        await using var db = await Seeds.SeededAsync();
        var items = db.Get<WorkItemService>();
        var settlements = db.Get<SettlementService>();
        var natural = await UnitIdAsync(db, Natural);
        var transport = await UnitIdAsync(db, Transport);

        // Not in June's settlement: an item closed in May, and one never assigned.
        db.Clock.Now = At(2023, 5, 18);
        AsOffice(db);
        var closedInMay = await items.CreateAsync(Edit("五月已办结事项", natural, new DateOnly(2023, 5, 31)));
        var neverAssigned = await items.CreateAsync(Edit("尚未交办事项", transport, new DateOnly(2023, 6, 9)));
        await items.AssignAsync(closedInMay);
        AsLiaison(db, natural, Natural);
        await items.AcceptAsync(closedInMay);
        await items.SubmitCloseOutAsync(closedInMay, "已办结");
        AsOffice(db);
        await items.ApproveCloseOutAsync(closedInMay);

        var june = await JuneItemsAsync(db, items);  // the clock is now 2023-07-03, the office signed in

        // Nor one created in July.
        var july = await items.CreateAsync(Edit("七月新交办事项", transport, new DateOnly(2023, 7, 10)));
        await items.AssignAsync(july);

        var rows = await settlements.MonthAsync(2023, 6);
        Assert.Equal(new[] { june.OnTime, june.Overdue, june.NotDue }.Order(), rows.Select(r => r.WorkItemId).Order());
        Assert.DoesNotContain(rows, r => r.WorkItemId == closedInMay || r.WorkItemId == neverAssigned || r.WorkItemId == july);
        Assert.Equal(new[] { june.Overdue, june.OnTime }, rows.Where(r => r.UnitId == natural).Select(r => r.WorkItemId));  // by deadline
        var row = rows.ToDictionary(r => r.WorkItemId);
        Assert.Equal(SettlementResult.Done, row[june.OnTime].Suggested);
        Assert.Equal(SettlementResult.Overdue, row[june.Overdue].Suggested);
        Assert.Equal(SettlementResult.NotDone, row[june.NotDue].Suggested);
        Assert.All(rows, r => Assert.Equal(r.Suggested, r.Result));
        Assert.All(rows, r => Assert.False(r.IsSaved));
        Assert.All(rows, r => Assert.Equal(0, r.Version));
        Assert.Equal(WorkItemState.Closed, row[june.OnTime].State);
        Assert.Equal(WorkItemState.InProgress, row[june.Overdue].State);
        Assert.Equal(Natural, row[june.Overdue].UnitName);
        Assert.Equal(Transport, row[june.NotDue].UnitName);
        Assert.Equal(transport, row[june.NotDue].UnitId);
        Assert.Equal(new DateOnly(2023, 6, 12), row[june.Overdue].EffectiveDeadline);

        await settlements.SaveAsync(2023, 6, rows);
        await using (var ctx = db.CreateDbContext())
        {
            var saved = await ctx.Settlements.AsNoTracking().Where(s => s.Year == 2023 && s.Month == 6).ToDictionaryAsync(s => s.WorkItemId);
            Assert.Equal(3, saved.Count);
            Assert.Equal(SettlementResult.Done, saved[june.OnTime].Result);
            Assert.Equal(SettlementResult.Overdue, saved[june.Overdue].Result);
            Assert.Equal(SettlementResult.NotDone, saved[june.NotDue].Result);
            Assert.Equal(natural, saved[june.Overdue].UnitId);
            Assert.Equal(transport, saved[june.NotDue].UnitId);
            Assert.All(saved.Values, s => Assert.Equal(Office, s.SettledBy));
            Assert.All(saved.Values, s => Assert.Equal(At(2023, 7, 3).UtcDateTime, s.SettledAt));
            Assert.All(saved.Values, s => Assert.Null(s.Comment));

            var units = await SettlementService.UnitsAsync(ctx, 2023, 6);
            Assert.NotNull(units);
            Assert.Equal(2, units.Count);
            Assert.Equal(new UnitSettlement(natural, 1, 0, 1), units[natural]);
            Assert.Equal(new UnitSettlement(transport, 0, 1, 0), units[transport]);
            Assert.Null(await SettlementService.UnitsAsync(ctx, 2023, 5));
        }

        // Settling again replaces the month's rows; it does not add to them.
        var again = await settlements.MonthAsync(2023, 6);
        var stale = await settlements.MonthAsync(2023, 6);
        Assert.All(again, r => Assert.True(r.IsSaved));
        var notDue = again.Single(r => r.WorkItemId == june.NotDue);
        notDue.Result = SettlementResult.Overdue;
        notDue.Comment = "  进度明显滞后，按逾期处理  ";
        await settlements.SaveAsync(2023, 6, again);
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(3, await ctx.Settlements.CountAsync(s => s.Year == 2023 && s.Month == 6));
            Assert.Equal(1, await ctx.Settlements.CountAsync(s => s.WorkItemId == june.NotDue));
            var changed = await ctx.Settlements.AsNoTracking().SingleAsync(s => s.WorkItemId == june.NotDue);
            Assert.Equal(SettlementResult.Overdue, changed.Result);
            Assert.Equal("进度明显滞后，按逾期处理", changed.Comment);
            Assert.Equal(1, changed.Version);
            var units = await SettlementService.UnitsAsync(ctx, 2023, 6);
            Assert.NotNull(units);
            Assert.Equal(new UnitSettlement(transport, 0, 0, 1), units[transport]);
            Assert.Equal(new UnitSettlement(natural, 1, 0, 1), units[natural]);
        }
        var third = (await settlements.MonthAsync(2023, 6)).Single(r => r.WorkItemId == june.NotDue);
        Assert.Equal(SettlementResult.NotDone, third.Suggested);
        Assert.Equal(SettlementResult.Overdue, third.Result);
        Assert.Equal("进度明显滞后，按逾期处理", third.Comment);
        Assert.Equal(1, third.Version);

        // A save from a page loaded before that change is a conflict.
        var conflict = await Assert.ThrowsAsync<DomainException>(() => settlements.SaveAsync(2023, 6, stale));
        Assert.Equal(DomainException.Conflict, conflict.Message);

        // Other refusals
        var future = await Assert.ThrowsAsync<DomainException>(() => settlements.SaveAsync(2023, 9, []));
        Assert.Equal("2023年9月尚未结束，月末后才能结账", future.Message);
        var longComment = await settlements.MonthAsync(2023, 6);
        longComment[0].Comment = new string('慢', 201);
        Assert.Equal("点评意见不能超过 200 个字", (await Assert.ThrowsAsync<DomainException>(() => settlements.SaveAsync(2023, 6, longComment))).Message);
        AsLiaison(db, natural, Natural);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => settlements.MonthAsync(2023, 6))).Message);
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => settlements.SaveAsync(2023, 6, [third]))).Message);
        AsOffice(db);

        // Once the month's evaluation is reviewed, the settlement is fixed.
        await using (var ctx = db.CreateDbContext())
        {
            var scheme = new IndicatorScheme { Year = 2023, Name = "2023年度优化发展环境工作考核方案" };
            ctx.IndicatorSchemes.Add(scheme);
            ctx.EvaluationPeriods.Add(new EvaluationPeriod { Year = 2023, Month = 6, Scheme = scheme, State = PeriodState.Reviewed, ReviewedBy = Office, ReviewedAt = db.Clock.Now.UtcDateTime });
            await ctx.SaveChangesAsync();
        }
        var locked = await settlements.MonthAsync(2023, 6);
        locked.Single(r => r.WorkItemId == june.NotDue).Result = SettlementResult.NotDone;
        var reviewed = await Assert.ThrowsAsync<DomainException>(() => settlements.SaveAsync(2023, 6, locked));
        Assert.Equal("2023年6月考核已审核，结账点评不能再修改", reviewed.Message);
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(SettlementResult.Overdue, (await ctx.Settlements.AsNoTracking().SingleAsync(s => s.WorkItemId == june.NotDue)).Result);
            Assert.Equal(3, await ctx.Settlements.CountAsync());
        }
    }

    // ---- e. The evaluation reads the settlement --------------------------------------------------

    [DbFact]
    public async Task The_evaluation_waits_for_the_settlement_and_then_scores_the_indicator_from_it()
    {
        await using var db = await Seeds.SeededAsync();
        var items = db.Get<WorkItemService>();
        var june = await JuneItemsAsync(db, items);  // the clock is now 2023-07-03, the office signed in
        var evaluation = db.Get<EvaluationService>();
        var scores = db.Get<ScoreService>();
        var settlements = db.Get<SettlementService>();

        await evaluation.CreateSchemeAsync(2023);
        await evaluation.SaveIndicatorAsync(2023, new Indicator { Name = "重点工作推进", Kind = IndicatorKind.Base, Source = ScoreSource.WorkItemSettlement, MaxPoints = 20 });
        var period = await evaluation.CreatePeriodAsync(2023, 6);

        var before = await scores.SheetAsync(period);
        var indicator = Assert.Single(before.Indicators);
        Assert.Equal(ScoreSource.WorkItemSettlement, indicator.Source);
        Assert.Equal(20m, indicator.MaxPoints);
        Assert.Empty(before.Cells);  // nothing to show until the month is settled

        var refused = await Assert.ThrowsAsync<DomainException>(() => evaluation.TransitionAsync(period, PeriodAction.Review, 0));
        Assert.Contains("尚未结账点评", refused.Message);
        Assert.Equal("2023年6月重点工作尚未结账点评，请先在“重点工作 → 结账点评”中结账", refused.Message);
        var stillOpen = await evaluation.PeriodAsync(period);
        Assert.Equal(PeriodState.Open, stillOpen.State);
        Assert.Null(stillOpen.ReviewedBy);
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(0, await ctx.Scores.CountAsync(s => s.PeriodId == period));

        await settlements.SaveAsync(2023, 6, await settlements.MonthAsync(2023, 6));

        // 市自然资源局: 1 of 2 overdue → 10; 市交通运输局: 1 not yet due → 20; units without items → 20.
        var sheet = await scores.SheetAsync(period);
        Assert.Equal(43, sheet.Units.Count);
        Assert.Equal(43, sheet.Cells.Count);
        var naturalCell = sheet.Cells[(june.Natural, indicator.Id)];
        Assert.Equal(10m, naturalCell.Points);
        Assert.True(naturalCell.IsDerived);
        Assert.Equal(20m, sheet.Cells[(june.Transport, indicator.Id)].Points);
        Assert.All(sheet.Units.Where(u => u.Id != june.Natural), u => Assert.Equal(20m, sheet.Cells[(u.Id, indicator.Id)].Points));
        Assert.All(sheet.Cells.Values, c => Assert.True(c.IsDerived));
        Assert.Equal(10m, sheet.TotalOf(june.Natural).Total);
        Assert.Equal(20m, sheet.TotalOf(june.Transport).Total);

        // Entering points by hand on it is refused.
        var entered = await Assert.ThrowsAsync<DomainException>(() => scores.SaveAsync(period, [new ScoreInput(june.Natural, indicator.Id, 20m, 0)]));
        Assert.Equal($"{Natural}的“重点工作推进”由重点工作结账点评自动计算，不能手工录入", entered.Message);

        await evaluation.TransitionAsync(period, PeriodAction.Review, (await evaluation.PeriodAsync(period)).Version);
        var reviewed = await evaluation.PeriodAsync(period);
        Assert.Equal(PeriodState.Reviewed, reviewed.State);
        Assert.Equal(Office, reviewed.ReviewedBy);
        await using (var ctx = db.CreateDbContext())
        {
            var stored = await ctx.Scores.AsNoTracking().Where(s => s.PeriodId == period).ToListAsync();
            Assert.Equal(43, stored.Count);
            Assert.All(stored, s => Assert.True(s.IsDerived));
            Assert.All(stored, s => Assert.Equal(indicator.Id, s.IndicatorId));
            Assert.Equal(10m, stored.Single(s => s.UnitId == june.Natural).Points);
            Assert.Equal(20m, stored.Single(s => s.UnitId == june.Transport).Points);
            Assert.All(stored.Where(s => s.UnitId != june.Natural), s => Assert.Equal(20m, s.Points));
        }

        // The reviewed month's settlement can no longer be changed.
        var locked = await Assert.ThrowsAsync<DomainException>(async () => await settlements.SaveAsync(2023, 6, await settlements.MonthAsync(2023, 6)));
        Assert.Equal("2023年6月考核已审核，结账点评不能再修改", locked.Message);
    }

    // ---- f. The lights job -----------------------------------------------------------------------

    [DbFact]
    public async Task The_morning_job_turns_the_lights_and_reminds_once_per_item_per_day()
    {
        await using var db = await Seeds.SeededAsync();
        db.Clock.Now = At(2023, 6, 5);
        var natural = await UnitIdAsync(db, Natural);
        var items = db.Get<WorkItemService>();
        AsOffice(db);
        const string overdueTitle = "完成不动产登记历史遗留问题清理";
        const string dueSoonTitle = "编制国土空间总体规划";
        var overdue = await items.CreateAsync(Edit(overdueTitle, natural, new DateOnly(2023, 6, 20)));
        var dueSoon = await items.CreateAsync(Edit(dueSoonTitle, natural, new DateOnly(2023, 6, 26)));
        var registered = await items.CreateAsync(Edit("尚未交办事项", natural, new DateOnly(2023, 6, 20)));
        var closed = await items.CreateAsync(Edit("已销号事项", natural, new DateOnly(2023, 6, 9)));
        await items.AssignAsync(overdue);
        await items.AssignAsync(dueSoon);
        await items.AssignAsync(closed);
        AsLiaison(db, natural, Natural);
        await items.AcceptAsync(overdue);
        await items.AcceptAsync(closed);
        await items.SubmitCloseOutAsync(closed, "已办结");
        AsOffice(db);
        await items.ApproveCloseOutAsync(closed);
        Assert.Equal(WarningLight.Green, (await ItemAsync(db, overdue)).Light);
        Assert.Equal(WarningLight.Green, (await ItemAsync(db, dueSoon)).Light);
        Assert.Equal(WarningLight.Green, (await ItemAsync(db, registered)).Light);
        Assert.Equal(WarningLight.None, (await ItemAsync(db, closed)).Light);
        var remindersBefore = await ReminderKeysAsync(db);

        var job = db.Get<WorkItemLightsJob>();

        // Wed 06-21: 06-20 has passed (red); 06-26 is 2 working days away over the Dragon Boat holiday (06-25 is worked): yellow.
        db.Clock.Now = At(2023, 6, 21, 6, 30);
        var first = await job.RunAsync();
        Assert.Equal("检查 3 项，灯色变化 3 项，黄灯 1 项，红灯 1 项，新增提醒 3 条", first);
        Assert.Equal(WarningLight.Red, (await ItemAsync(db, overdue)).Light);
        Assert.Equal(WarningLight.Yellow, (await ItemAsync(db, dueSoon)).Light);
        Assert.Equal(WarningLight.Red, (await ItemAsync(db, registered)).Light);  // lit, but no reminder before it is assigned
        Assert.Equal(WarningLight.None, (await ItemAsync(db, closed)).Light);

        await using (var ctx = db.CreateDbContext())
        {
            var added = (await ctx.Reminders.AsNoTracking().ToListAsync()).Where(r => !remindersBefore.Contains(r.DedupKey ?? "")).ToDictionary(r => r.DedupKey ?? "");
            Assert.Equal(new[] { $"work-due-{dueSoon}-20230621", $"work-overdue-{overdue}-20230621", $"work-overdue-office-{overdue}-20230621" }.Order(StringComparer.Ordinal),
                added.Keys.Order(StringComparer.Ordinal));
            var toUnit = added[$"work-overdue-{overdue}-20230621"];
            Assert.Equal(natural, toUnit.UnitId);
            Assert.Null(toUnit.Role);
            Assert.Equal($"已逾期（期限 2023-06-20）：{overdueTitle}", toUnit.Title);
            Assert.Equal($"/work-items/{overdue}", toUnit.Link);
            var toOffice = added[$"work-overdue-office-{overdue}-20230621"];
            Assert.Null(toOffice.UnitId);
            Assert.Equal(AppRoles.Office, toOffice.Role);
            Assert.Equal($"逾期未销号：{overdueTitle}", toOffice.Title);
            var dueReminder = added[$"work-due-{dueSoon}-20230621"];
            Assert.Equal(natural, dueReminder.UnitId);
            Assert.Null(dueReminder.Role);
            Assert.Equal($"即将到期（2023-06-26）：{dueSoonTitle}", dueReminder.Title);
            Assert.All(added.Values, r => Assert.Equal(At(2023, 6, 21, 6, 30).UtcDateTime, r.CreatedAt));
        }

        // Run again the same day: nothing new.
        db.Clock.Now = At(2023, 6, 21, 11, 0);
        var second = await job.RunAsync();
        Assert.Equal("检查 3 项，灯色变化 0 项，黄灯 1 项，红灯 1 项，新增提醒 0 条", second);
        Assert.Equal(remindersBefore.Count + 3, (await ReminderKeysAsync(db)).Count);

        // Sun 06-25 is a makeup working day; the job reminds again, once, under that day's key.
        db.Clock.Now = At(2023, 6, 25, 6, 30);
        var third = await job.RunAsync();
        Assert.Equal("检查 3 项，灯色变化 0 项，黄灯 1 项，红灯 1 项，新增提醒 3 条", third);
        var keys = await ReminderKeysAsync(db);
        Assert.Equal(remindersBefore.Count + 6, keys.Count);
        Assert.Contains($"work-due-{dueSoon}-20230625", keys);
        Assert.Contains($"work-overdue-{overdue}-20230625", keys);
        Assert.Contains($"work-overdue-office-{overdue}-20230625", keys);

        await using (var ctx = db.CreateDbContext())
        {
            var runs = await ctx.JobRuns.AsNoTracking().Where(r => r.JobName == WorkItemLightsJob.Id).OrderBy(r => r.Id).ToListAsync();
            Assert.Equal(3, runs.Count);
            Assert.Equal(new[] { "2023-06-21", "2023-06-21", "2023-06-25" }, runs.Select(r => r.Argument));
            Assert.Equal(new[] { first, second, third }, runs.Select(r => r.Message));
            Assert.All(runs, r => Assert.True(r.Succeeded));
            Assert.All(runs, r => Assert.NotNull(r.EndedAt));
            Assert.Equal(At(2023, 6, 21, 6, 30).UtcDateTime, runs[0].StartedAt);
        }
    }

    // ---- Helpers -------------------------------------------------------------------------------

    /// <summary>June 2023 for 市自然资源局 (one closed on time, one open past its deadline) and 市交通运输局 (one not yet due).</summary>
    private sealed record JuneItems(int Natural, int Transport, int OnTime, int Overdue, int NotDue);

    /// <summary>Creates June's items; leaves the clock at 2023-07-03 09:00 with the office signed in.</summary>
    private static async Task<JuneItems> JuneItemsAsync(TestDb db, WorkItemService items)
    {
        var natural = await UnitIdAsync(db, Natural);
        var transport = await UnitIdAsync(db, Transport);
        db.Clock.Now = At(2023, 6, 5);
        AsOffice(db);
        var onTime = await items.CreateAsync(Edit("编制国土空间总体规划", natural, new DateOnly(2023, 6, 20)));
        var overdue = await items.CreateAsync(Edit("完成不动产登记历史遗留问题清理", natural, new DateOnly(2023, 6, 12)));
        var notDue = await items.CreateAsync(Edit("推进国道改扩建工程", transport, new DateOnly(2023, 7, 20)));
        foreach (var id in new[] { onTime, overdue, notDue }) await items.AssignAsync(id);

        AsLiaison(db, natural, Natural);
        await items.AcceptAsync(onTime);
        await items.AcceptAsync(overdue);
        AsLiaison(db, transport, Transport);
        await items.AcceptAsync(notDue);

        db.Clock.Now = At(2023, 6, 15);
        AsLiaison(db, natural, Natural);
        await items.SubmitCloseOutAsync(onTime, "规划成果已通过专家评审");
        AsOffice(db);
        await items.ApproveCloseOutAsync(onTime);

        db.Clock.Now = At(2023, 7, 3);
        Assert.Equal(new DateOnly(2023, 6, 15), (await ItemAsync(db, onTime)).ClosedOn);
        return new JuneItems(natural, transport, onTime, overdue, notDue);
    }

    private static WorkItemEdit Edit(string title, int leadUnitId, DateOnly deadline, params int[] coUnitIds) => new()
    {
        Title = title, Source = "会议", Urgency = Urgency.Urgent, LeadUnitId = leadUnitId, CoUnitIds = coUnitIds,
        ResponsibleLeader = "市政府分管副市长", Deadline = deadline,
    };

    private static void AsOffice(TestDb db) => db.SignIn(Office, AppRoles.Office);

    private static void AsLiaison(TestDb db, int unitId, string unitName) => db.SignIn(Liaison, AppRoles.Unit, unitId, unitName);

    private static DateTimeOffset At(int year, int month, int day, int hour = 9, int minute = 0) =>
        new(year, month, day, hour, minute, 0, TimeSpan.FromHours(8));

    private static void Tick(TestDb db) => db.Clock.Now = db.Clock.Now.AddMinutes(5);

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

    /// <summary>
    /// Two console instances running the morning job at the same moment (a manual run beside the schedule): the reminder's
    /// unique key lets each reminder in once, whichever run gets there first; a run that loses the race fails and
    /// Hangfire runs it again, finding nothing left to do.
    /// </summary>
    [DbFact]
    public async Task Two_morning_jobs_at_once_remind_once()
    {
        await using var db = await Seeds.SeededAsync();
        db.Clock.Now = At(2023, 6, 5);
        var natural = await UnitIdAsync(db, Natural);
        var items = db.Get<WorkItemService>();
        AsOffice(db);
        for (var i = 0; i < 6; i++) await items.AssignAsync(await items.CreateAsync(Edit($"并发提醒事项{i}", natural, new DateOnly(2023, 6, 20))));
        int before;
        await using (var ctx = db.CreateDbContext()) before = await ctx.Reminders.CountAsync(r => r.DedupKey != null);
        db.Clock.Now = At(2023, 6, 21, 6, 30);

        var runs = Enumerable.Range(0, 2).Select(_ => Task.Run(async () =>
        {
            await using var scope = db.Services.GetRequiredService<IServiceScopeFactory>().CreateAsyncScope();
            try { return await scope.ServiceProvider.GetRequiredService<WorkItemLightsJob>().RunAsync(); }
            catch (Exception e) when (e is DomainException or DbUpdateException) { return "lost: " + e.GetType().Name; }
        })).ToList();
        var results = await Task.WhenAll(runs);
        Assert.Contains(results, r => !r.StartsWith("lost"));

        await using (var ctx = db.CreateDbContext())
        {
            var keys = await ctx.Reminders.AsNoTracking().Where(r => r.DedupKey != null).Select(r => r.DedupKey!).ToListAsync();
            Assert.Equal(keys.Count, keys.Distinct().Count());
            Assert.True(keys.Count >= before + 6, $"{keys.Count} reminders, {before} before");   // at least each item's overdue reminder
        }
        var again = await db.Get<WorkItemLightsJob>().RunAsync();
        Assert.EndsWith("新增提醒 0 条", again);
    }

    private static async Task<HashSet<string>> ReminderKeysAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        return (await ctx.Reminders.AsNoTracking().Select(r => r.DedupKey ?? "").ToListAsync()).ToHashSet();
    }
}
