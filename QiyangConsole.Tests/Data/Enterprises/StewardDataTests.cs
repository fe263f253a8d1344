using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

/// <summary>企业管家: bulk (re)assignment with history and reminders, and coverage against the 100% target.</summary>
public sealed class StewardDataTests
{
    [DbFact]
    public async Task A_disabled_steward_leaves_its_enterprises_uncovered_until_they_are_reassigned()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        await using (var ctx = db.CreateDbContext())
        {
            (await ctx.Users.SingleAsync(u => u.Id == steward2)).IsDisabled = true;
            await ctx.SaveChangesAsync();
        }
        Kit.AsOffice(db);
        var stewards = db.Get<StewardService>();
        var coverage = await stewards.CoverageAsync();
        Assert.Equal((240, 216, 90.0m), (coverage.All, coverage.Covered, coverage.Percent));
        Assert.Equal(24, coverage.Uncovered.Count);
        Assert.Equal(24, (await db.Get<EnterpriseService>().ListAsync(new EnterpriseQuery(NoSteward: true), 0, 100)).Total);
        Assert.DoesNotContain(await stewards.WorkloadAsync(), r => r.Id == steward2);

        // Taking over from a steward who left needs no reason; the history says why the old assignment ended.
        var ids = coverage.Uncovered.Select(e => e.Id).ToList();
        Assert.Equal(24, await stewards.AssignAsync(ids, steward3, null, coverage.Uncovered.ToDictionary(e => e.Id, e => e.Version)));
        Assert.Equal(100m, (await stewards.CoverageAsync()).Percent);
        await using (var ctx = db.CreateDbContext())
            Assert.All(await ctx.StewardAssignments.Where(a => a.StewardId == steward2 && a.To == Kit.Today).ToListAsync(), a => Assert.Equal("原管家已离岗", a.Reason));
    }

    [DbFact]
    public async Task Two_office_users_changing_the_same_enterprises_steward_the_second_is_refused()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        var steward4 = await Kit.UserIdAsync(db, "steward4");
        var id = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        int version;
        await using (var ctx = db.CreateDbContext()) version = (await ctx.Enterprises.SingleAsync(e => e.Id == id)).Version;
        Kit.AsOffice(db);
        var stewards = db.Get<StewardService>();
        await stewards.AssignAsync([id], steward3, "岗位调整", new Dictionary<int, int> { [id] = version });
        await Kit.RefusedAsync(() => stewards.AssignAsync([id], steward4, "另一位同事的调整", new Dictionary<int, int> { [id] = version }), DomainException.Conflict);
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(steward3, (await ctx.Enterprises.SingleAsync(e => e.Id == id)).StewardId);
            Assert.Equal(1, await ctx.StewardAssignments.CountAsync(a => a.EnterpriseId == id && a.To == null));
        }
    }

    [DbFact]
    public async Task A_unit_sees_only_the_enterprises_it_serves_and_not_the_stewards_visit_notes()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var resources = await Kit.UnitIdAsync(db, "市自然资源局");
        var kunneng = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = db.Get<VisitService>();
        var visitId = await visits.LogAsync(new VisitInput { EnterpriseId = kunneng, VisitedOn = Kit.Today, Duties = StewardDuties.Errands, Done = "了解用地需求", ProblemsFound = "二期用地报批进度慢" });
        await visits.ToNeedAsync(visitId, "其他", "协调二期用地报批", resources, Kit.Today.AddDays(10), 0);

        db.SignIn("unit", AppRoles.Unit, resources, "市自然资源局");
        var enterprises = db.Get<EnterpriseService>();
        var (rows, total) = await enterprises.ListAsync(new EnterpriseQuery(), 0, 500);
        Assert.Contains(rows, r => r.Id == kunneng);
        Assert.True(total < 240, $"a unit saw {total} enterprises");
        var detail = await enterprises.DetailAsync(kunneng);
        Assert.Empty(detail.Visits);
        Assert.Equal(0, detail.VisitCount);
        Assert.All(detail.Needs, n => Assert.Equal(resources, n.UnitId));
        Assert.Contains(detail.Needs, n => n.Description == "协调二期用地报批");
        var other = await Kit.EnterpriseIdAsync(db, "祁阳住信电气有限公司");
        if (!rows.Any(r => r.Id == other)) await Kit.RefusedAsync(() => enterprises.DetailAsync(other), EnterpriseService.NotYours);
    }

    [DbFact]
    public async Task A_steward_cannot_log_a_visit_from_before_it_took_the_enterprise_over()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        var id = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        Kit.AsOffice(db);
        await db.Get<StewardService>().AssignAsync([id], steward3, "岗位调整");
        db.SignIn("steward3", AppRoles.Steward, userId: steward3);
        await Kit.RefusedAsync(() => db.Get<VisitService>().LogAsync(new VisitInput { EnterpriseId = id, VisitedOn = Kit.Today.AddDays(-1), Duties = StewardDuties.Liaison, Done = "对接" }),
            "走访日期不能早于您担任该企业管家的日期（2023-05-18）");
        Assert.True(await db.Get<VisitService>().LogAsync(new VisitInput { EnterpriseId = id, VisitedOn = Kit.Today, Duties = StewardDuties.Liaison, Done = "对接" }) > 0);
    }

    [DbFact]
    public async Task Assigning_a_steward_in_bulk_closes_the_old_assignments_and_opens_new_ones()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        var office = await Kit.UserIdAsync(db, "office");
        var leader = await Kit.UserIdAsync(db, "leader");
        List<Enterprise> moving;
        Enterprise staying;
        await using (var ctx = db.CreateDbContext())
        {
            moving = await ctx.Enterprises.AsNoTracking().Where(e => e.StewardId == steward2 && ctx.StewardAssignments.Count(a => a.EnterpriseId == e.Id) == 1)
                .OrderBy(e => e.Id).Take(3).ToListAsync();
            staying = await ctx.Enterprises.AsNoTracking().Where(e => e.StewardId == steward3).OrderBy(e => e.Id).FirstAsync();
        }
        Assert.Equal(3, moving.Count);
        List<int> ids = [.. moving.Select(e => e.Id), staying.Id];
        var before = await SnapshotAsync(db);
        var stewards = db.Get<StewardService>();

        // Refused, and nothing written.
        var stewardId = await Kit.UserIdAsync(db, "steward");
        db.SignIn("steward", AppRoles.Steward, userId: stewardId);
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, steward3, "调整"), DomainException.Forbidden);
        Kit.AsOffice(db);
        await Kit.RefusedAsync(() => stewards.AssignAsync([], steward3, "调整"), "请选择要分配管家的企业");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, null, "调整"), "请选择企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, " ", "调整"), "请选择企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, steward3, null), "更换管家须填写原因");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, steward3, "   "), "更换管家须填写原因");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, office, "调整"), "所选用户不是在岗的企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, leader, "调整"), "所选用户不是在岗的企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync(ids, "no-such-user", "调整"), "所选用户不是在岗的企业管家");
        await Kit.RefusedAsync(() => stewards.AssignAsync([.. ids, 999_999], steward3, "调整"), "部分企业不存在，请刷新后重试");
        Assert.Equal(before, await SnapshotAsync(db));

        // Three change hands; the fourth is already steward3's and is left alone.
        Assert.Equal(3, await stewards.AssignAsync(ids, steward3, "  按片区重新划分包联企业 "));
        await using (var ctx = db.CreateDbContext())
        {
            foreach (var e in moving)
            {
                var now = await ctx.Enterprises.AsNoTracking().SingleAsync(x => x.Id == e.Id);
                Assert.Equal(steward3, now.StewardId);
                Assert.Equal(Kit.Today, now.StewardSince);
                var history = await ctx.StewardAssignments.AsNoTracking().Where(a => a.EnterpriseId == e.Id).OrderBy(a => a.Id).ToListAsync();
                Assert.Equal(2, history.Count);
                Assert.Equal(steward2, history[0].StewardId);
                Assert.Equal(e.StewardSince, history[0].From);
                Assert.Equal(Kit.Today, history[0].To);
                Assert.Equal(steward3, history[1].StewardId);
                Assert.Equal(Kit.Today, history[1].From);
                Assert.Null(history[1].To);
                Assert.Null(history[1].Reason);
                Assert.Equal("office", history[1].By);
            }
            var kept = await ctx.Enterprises.AsNoTracking().SingleAsync(x => x.Id == staying.Id);
            Assert.Equal(steward3, kept.StewardId);
            Assert.Equal(staying.StewardSince, kept.StewardSince);
            var keptHistory = await ctx.StewardAssignments.AsNoTracking().Where(a => a.EnterpriseId == staying.Id).ToListAsync();
            Assert.Equal(before.AssignmentsOf[staying.Id], keptHistory.Count);
            Assert.Null(Assert.Single(keptHistory, a => a.To == null).To);

            // One reminder for the new steward.
            var reminder = Assert.Single(await ctx.Reminders.AsNoTracking().Where(r => r.Id > before.LastReminder).ToListAsync());
            Assert.Equal(steward3, reminder.UserId);
            Assert.Equal("您新增负责 3 家企业的管家服务", reminder.Title);
            Assert.Equal("/enterprises", reminder.Link);
        }
        var afterBulk = await SnapshotAsync(db);
        Assert.Equal(before.Assignments + 3, afterBulk.Assignments);

        // Assigning again changes nothing and reminds nobody.
        Assert.Equal(0, await stewards.AssignAsync(ids, steward3, null));
        Assert.Equal(afterBulk, await SnapshotAsync(db));

        // One enterprise back to steward2: its steward3 assignment (opened without a reason) is closed with this one.
        var back = moving[0];
        Assert.Equal(1, await stewards.AssignAsync([back.Id], steward2, "退回原管家"));
        await using (var ctx = db.CreateDbContext())
        {
            var history = await ctx.StewardAssignments.AsNoTracking().Where(a => a.EnterpriseId == back.Id).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(3, history.Count);
            Assert.Equal(steward3, history[1].StewardId);
            Assert.Equal(Kit.Today, history[1].To);
            Assert.Equal("退回原管家", history[1].Reason);
            Assert.Equal(steward2, history[2].StewardId);
            Assert.Null(history[2].To);
            var reminder = await ctx.Reminders.AsNoTracking().OrderByDescending(r => r.Id).FirstAsync();
            Assert.Equal(steward2, reminder.UserId);
            Assert.Equal($"您已被确定为“{back.Name}”的企业管家", reminder.Title);
            Assert.Equal($"/enterprises/{back.Id}", reminder.Link);
        }

        // Coverage is still complete.
        var coverage = await stewards.CoverageAsync();
        Assert.Equal(100m, coverage.Percent);
        Assert.Empty(coverage.Uncovered);
    }

    [DbFact]
    public async Task Reassigning_a_first_assignment_keeps_the_reason_on_the_closed_assignment()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var steward3 = await Kit.UserIdAsync(db, "steward3");
        int id;
        await using (var ctx = db.CreateDbContext())
        {
            id = await ctx.Enterprises.Where(e => e.StewardId == steward2
                    && ctx.StewardAssignments.Count(a => a.EnterpriseId == e.Id) == 1
                    && ctx.StewardAssignments.Any(a => a.EnterpriseId == e.Id && a.To == null && a.Reason == "首次配备"))
                .OrderBy(e => e.Id).Select(e => e.Id).FirstAsync();
        }
        Kit.AsOffice(db);

        Assert.Equal(1, await db.Get<StewardService>().AssignAsync([id], steward3, "原管家轮岗交流"));

        await using (var ctx = db.CreateDbContext())
        {
            var closed = await ctx.StewardAssignments.AsNoTracking().SingleAsync(a => a.EnterpriseId == id && a.StewardId == steward2);
            Assert.Equal(Kit.Today, closed.To);
            // The seeds record why a steward changed on the closed assignment (their "previous" rows); a change must not lose its reason.
            Assert.Equal("原管家轮岗交流", closed.Reason);
        }
    }

    [DbFact]
    public async Task An_enterprise_without_a_steward_lowers_the_coverage_and_a_known_credit_code_is_refused()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var steward = await Kit.UserIdAsync(db, "steward");
        Kit.AsOffice(db);
        var enterprises = db.Get<EnterpriseService>();
        var stewards = db.Get<StewardService>();
        Assert.Equal(100m, (await stewards.CoverageAsync()).Percent);

        EnterpriseEdit Edit() => new()
        {
            Name = " 祁阳新登记科技有限公司 ", CreditCode = Kit.Code(21), Industry = "电子信息", IsAboveSize = true, Zone = "高新区核心区",
            Address = "祁阳高新区核心区创新路 8 号", ContactPerson = "周强", ContactPhone = "0746-3221234",
        };

        // The form's checks.
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.Name = "  ")), "企业名称不能为空");
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.Industry = "房地产")), "行业“房地产”不在行业字典中");
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.Zone = "浯溪工业园")), "园区“浯溪工业园”不在园区字典中");
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.ContactPhone = "12345")), "联系电话“12345”应为 11 位手机号或带区号的固定电话");
        // A code already registered (typed in lower case with spaces) is refused.
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Change(Edit(), x => x.CreditCode = " 91431181ma4ewmlqew ")), "统一社会信用代码 91431181MA4EWMLQEW 已登记");
        // Only the Office registers.
        db.SignIn("steward", AppRoles.Steward, userId: steward);
        await Kit.RefusedAsync(() => enterprises.SaveAsync(Edit()), DomainException.Forbidden);
        Kit.AsOffice(db);
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(240, await ctx.Enterprises.CountAsync());

        var id = await enterprises.SaveAsync(Edit());
        var coverage = await stewards.CoverageAsync();
        Assert.Equal(241, coverage.All);
        Assert.Equal(240, coverage.Covered);
        Assert.Equal(99.6m, coverage.Percent);
        Assert.True(coverage.Percent < 100m);
        var uncovered = Assert.Single(coverage.Uncovered);
        Assert.Equal(id, uncovered.Id);
        Assert.Equal("祁阳新登记科技有限公司", uncovered.Name);
        Assert.Null(uncovered.Steward);
        Assert.Equal(71, coverage.AboveSize);
        Assert.Equal(70, coverage.AboveSizeWithRoom);
        Assert.Equal(id, Assert.Single(coverage.WithoutRoom).Id);
        Assert.Equal(id, Assert.Single((await enterprises.ListAsync(new EnterpriseQuery(NoSteward: true), 0, 10)).Rows).Id);
        Assert.Equal(id, Assert.Single((await enterprises.ListAsync(new EnterpriseQuery(NoRoom: true), 0, 10)).Rows).Id);
        var figure = (await db.Figures<EnterpriseFigures>().FiguresAsync(QiyangConsole.Features.Dashboard.Period.Year(2023), CancellationToken.None))[0];
        Assert.Equal($"{99.6m}%", figure.Value);
        Assert.Equal("240 / 241 家企业配备管家", figure.Note);

        // Its own code again on an edit is fine; another's is refused; a stale version is a conflict.
        Enterprise saved;
        await using (var ctx = db.CreateDbContext())
            saved = await ctx.Enterprises.AsNoTracking().SingleAsync(e => e.Id == id);
        var edit = EnterpriseEdit.From(saved);
        edit.Address = "祁阳高新区核心区创新路 9 号";
        Assert.Equal(id, await enterprises.SaveAsync(edit));
        await Kit.RefusedAsync(() => enterprises.SaveAsync(edit), DomainException.Conflict);
        var other = EnterpriseEdit.From(saved);
        other.Version = saved.Version + 1;
        other.CreditCode = "91431181MA4EWMLQEW";
        await Kit.RefusedAsync(() => enterprises.SaveAsync(other), "统一社会信用代码 91431181MA4EWMLQEW 已登记");

        // A first steward needs no reason; coverage is complete again.
        Assert.Equal(1, await stewards.AssignAsync([id], steward, null));
        await using (var ctx = db.CreateDbContext())
        {
            var assignment = await ctx.StewardAssignments.AsNoTracking().SingleAsync(a => a.EnterpriseId == id);
            Assert.Equal(steward, assignment.StewardId);
            Assert.Equal("首次配备", assignment.Reason);
            Assert.Equal(Kit.Today, assignment.From);
            Assert.Null(assignment.To);
        }
        coverage = await stewards.CoverageAsync();
        Assert.Equal(100m, coverage.Percent);
        Assert.Empty(coverage.Uncovered);
    }

    private static EnterpriseEdit Change(EnterpriseEdit edit, Action<EnterpriseEdit> change)
    {
        change(edit);
        return edit;
    }

    private sealed record Snapshot(int Assignments, long LastReminder, int Reminders, IReadOnlyDictionary<int, int> AssignmentsOf, string Stewards)
    {
        public bool Equals(Snapshot? other) => other is not null && Assignments == other.Assignments && LastReminder == other.LastReminder && Reminders == other.Reminders && Stewards == other.Stewards;
        public override int GetHashCode() => HashCode.Combine(Assignments, LastReminder, Reminders, Stewards);
    }

    private static async Task<Snapshot> SnapshotAsync(TestDb db)
    {
        await using var ctx = db.CreateDbContext();
        var assignments = await ctx.StewardAssignments.AsNoTracking().GroupBy(a => a.EnterpriseId).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        var stewards = await ctx.Enterprises.AsNoTracking().OrderBy(e => e.Id).Select(e => new { e.Id, e.StewardId, e.StewardSince }).ToListAsync();
        return new Snapshot(assignments.Sum(a => a.Count), await ctx.Reminders.MaxAsync(r => (long?)r.Id) ?? 0, await ctx.Reminders.CountAsync(),
            assignments.ToDictionary(a => a.Key, a => a.Count), string.Join(";", stewards.Select(e => $"{e.Id}:{e.StewardId}@{e.StewardSince:yyyy-MM-dd}")));
    }
}
