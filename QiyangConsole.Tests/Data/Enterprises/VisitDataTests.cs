using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

/// <summary>走访记录: logging, and a finding turned into an enterprise need or a problem-list item.</summary>
public sealed class VisitDataTests
{
    [DbFact]
    public async Task The_morning_job_reminds_each_steward_of_contacts_due_and_enterprises_overdue_once_a_day()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var job = db.Get<StewardRemindersJob>();

        // What the seed says for "steward": enterprises not visited in 30 days, and latest visits whose next contact is due.
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var (_, overdue, _) = await db.Get<VisitService>().OverdueAsync();
        int due;
        await using (var ctx = db.CreateDbContext())
            due = (await ctx.Enterprises.Where(e => e.StewardId == me)
                .Select(e => ctx.Visits.Where(v => v.EnterpriseId == e.Id).OrderByDescending(v => v.VisitedOn).ThenByDescending(v => v.Id).Select(v => v.NextContactOn).FirstOrDefault())
                .ToListAsync()).Count(n => n != null && n <= Kit.Today);
        Assert.True(overdue > 0);

        var message = await job.RunAsync();
        Assert.Contains("新增提醒", message);
        await using (var ctx = db.CreateDbContext())
        {
            var mine = await ctx.Reminders.Where(r => r.UserId == me).Select(r => r.Title).ToListAsync();
            Assert.Contains($"您有 {overdue} 家企业超过 30 天未走访", mine);
            Assert.Equal(due > 0 ? 1 : 0, mine.Count(t => t.StartsWith("今日应联系：")));
        }
        var before = await CountAsync(db);
        await job.RunAsync();
        Assert.Equal(before, await CountAsync(db)); // the same day adds nothing twice

        static async Task<int> CountAsync(TestDb db) { await using var ctx = db.CreateDbContext(); return await ctx.Reminders.CountAsync(); }
    }

    [DbFact]
    public async Task A_visit_photo_is_kept_beside_the_data_and_only_the_steward_and_readers_get_it_back()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var enterpriseId = await Kit.EnterpriseIdAsync(db, "湖南坤能新材料有限公司");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = db.Get<VisitService>();
        var input = new VisitInput { EnterpriseId = enterpriseId, VisitedOn = Kit.Today, Duties = StewardDuties.Safeguard, Done = "检查厂区消防通道" };
        byte[] jpeg = [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4];

        await Kit.RefusedAsync(() => visits.LogAsync(input, new QiyangConsole.Infrastructure.Files.Upload("现场.exe", new MemoryStream(jpeg))), "照片应为 jpg、png、webp 或 heic 格式");
        var id = await visits.LogAsync(input, new QiyangConsole.Infrastructure.Files.Upload("现场.JPG", new MemoryStream(jpeg)));

        var (fileName, path) = await visits.PhotoAsync(id);
        Assert.Equal(jpeg, await File.ReadAllBytesAsync(path));
        Assert.Equal("走访照片-20230518.jpg", fileName);
        Assert.StartsWith(db.Directory, path);
        db.SignIn("steward2", AppRoles.Steward, userId: steward2);
        await Kit.RefusedAsync(() => visits.PhotoAsync(id), "无权访问：走访记录不存在或不在您的服务范围内");
        db.SignIn("leader", AppRoles.Leader);
        Assert.Equal(path, (await visits.PhotoAsync(id)).Path);
    }

    [DbFact]
    public async Task A_stewards_visit_finding_becomes_a_need_and_a_problem_once_each()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var steward2 = await Kit.UserIdAsync(db, "steward2");
        var hr = await Kit.UnitIdAsync(db, "市人力资源和社会保障局");
        const string name = "湖南坤能新材料有限公司";
        var enterpriseId = await Kit.EnterpriseIdAsync(db, name);
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = db.Get<VisitService>();

        VisitInput Input(Action<VisitInput>? change = null)
        {
            var input = new VisitInput
            {
                EnterpriseId = enterpriseId, VisitedOn = Kit.Today.AddDays(-1), Duties = StewardDuties.Informant | StewardDuties.Liaison,
                Done = "  宣讲稳岗返还政策，收集企业用工需求 ", ProblemsFound = " 二期厂房投产缺少普工 50 人 ", NextContactOn = Kit.Today.AddDays(14),
            };
            change?.Invoke(input);
            return input;
        }

        // The form's checks.
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.EnterpriseId = null)), "请选择走访的企业");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.VisitedOn = null)), "请填写走访日期");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.VisitedOn = Kit.Today.AddDays(1))), "走访日期不能晚于今天");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.VisitedOn = Kit.Today.AddDays(-91))), "只能补记 90 天内的走访");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.Duties = StewardDuties.None)), "请至少选择一项履行的“五员”职责");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.Done = "  ")), "请填写走访内容（做了什么）");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.NextContactOn = Kit.Today.AddDays(-2))), "下次联系日期不能早于走访日期");
        await Kit.RefusedAsync(() => visits.LogAsync(Input(x => x.EnterpriseId = 999_999)), "企业不存在");
        Kit.AsOffice(db);
        await Kit.RefusedAsync(() => visits.LogAsync(Input()), DomainException.Forbidden);
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visitsBefore = await CountAsync(db, c => c.Visits);

        var visitId = await visits.LogAsync(Input());
        Assert.Equal(visitsBefore + 1, await CountAsync(db, c => c.Visits));
        var row = await visits.GetAsync(visitId);
        Assert.Equal(me, row.StewardId);
        Assert.Equal(name, row.Enterprise);
        Assert.Equal(Kit.Today.AddDays(-1), row.VisitedOn);
        Assert.Equal(StewardDuties.Informant | StewardDuties.Liaison, row.Duties);
        Assert.Equal("宣讲稳岗返还政策，收集企业用工需求", row.Done);
        Assert.Equal("二期厂房投产缺少普工 50 人", row.ProblemsFound);
        Assert.Equal(Kit.Today.AddDays(14), row.NextContactOn);
        Assert.Null(row.NeedId);
        Assert.Null(row.ProblemId);
        Assert.Equal(0, row.Version);

        // To an enterprise need: the checks, then a need of the enterprise for the unit, with a reminder for that unit.
        var needsBefore = await CountAsync(db, c => c.EnterpriseNeeds);
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "房地产", "招工", hr, Kit.Today.AddDays(30), 0), "请选择需求类型");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, null, "招工", hr, Kit.Today.AddDays(30), 0), "请选择需求类型");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", " ", hr, Kit.Today.AddDays(30), 0), "请填写需求内容");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", hr, Kit.Today.AddDays(-1), 0), "请填写不早于今天的办理期限");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", hr, null, 0), "请填写不早于今天的办理期限");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", null, Kit.Today.AddDays(30), 0), "请选择责任单位");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", 999_999, Kit.Today.AddDays(30), 0), "请选择责任单位");
        await Kit.RefusedAsync(() => visits.ToNeedAsync(999_999, "用工", "招工", hr, Kit.Today.AddDays(30), 0), "走访记录不存在");
        db.SignIn("steward2", AppRoles.Steward, userId: steward2);
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "招工", hr, Kit.Today.AddDays(30), 0), "只能转办本人负责企业、本人走访中发现的问题");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        Assert.Equal(needsBefore, await CountAsync(db, c => c.EnterpriseNeeds));

        var needId = await visits.ToNeedAsync(visitId, "用工", " 二期厂房投产缺少普工 50 人 ", hr, new DateOnly(2023, 6, 30), 0);
        await using (var ctx = db.CreateDbContext())
        {
            var need = await ctx.EnterpriseNeeds.AsNoTracking().SingleAsync(n => n.Id == needId);
            Assert.Equal(enterpriseId, need.EnterpriseId);
            Assert.Null(need.ProjectId);
            Assert.Equal(hr, need.UnitId);
            Assert.Equal("用工", need.Type);
            Assert.Equal("二期厂房投产缺少普工 50 人", need.Description);
            Assert.Equal(new DateOnly(2023, 6, 30), need.Deadline);
            Assert.Equal(NeedState.Open, need.State);
            var reminder = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.DedupKey == $"enterprise-need-{needId}");
            Assert.Equal(hr, reminder.UnitId);
            Assert.Null(reminder.UserId);
            Assert.Equal($"企业需求待办：{name} — 二期厂房投产缺少普工 50 人", reminder.Title);
            Assert.Equal("/projects/needs", reminder.Link);
            var visit = await ctx.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
            Assert.Equal(needId, visit.NeedId);
            Assert.Null(visit.ProblemId);
            Assert.Equal(1, visit.Version);
        }
        Assert.Equal(needsBefore + 1, await CountAsync(db, c => c.EnterpriseNeeds));
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "再转一次", hr, Kit.Today.AddDays(30), 1), "该走访发现的问题已经转办过");
        Assert.Equal(needsBefore + 1, await CountAsync(db, c => c.EnterpriseNeeds));

        // To the problem list: registered with the enterprise, a Registered step, a reminder for the Office.
        var problemsBefore = await CountAsync(db, c => c.Problems);
        await Kit.RefusedAsync(() => visits.ToProblemAsync(visitId, "水电", "厂区排水管网堵塞", false, 1), "请选择问题类别");
        await Kit.RefusedAsync(() => visits.ToProblemAsync(visitId, "基础设施", "  ", false, 1), "请填写问题描述");
        Assert.Equal(problemsBefore, await CountAsync(db, c => c.Problems));

        var problemId = await visits.ToProblemAsync(visitId, "基础设施", " 厂区排水管网堵塞，雨季易内涝 ", true, 1);
        await using (var ctx = db.CreateDbContext())
        {
            var problem = await ctx.Problems.AsNoTracking().SingleAsync(p => p.Id == problemId);
            Assert.Equal(enterpriseId, problem.EnterpriseId);
            Assert.Equal(name, problem.EnterpriseName);
            Assert.Equal("厂区排水管网堵塞，雨季易内涝", problem.Description);
            Assert.Equal("基础设施", problem.Category);
            Assert.True(problem.IsUrgent);
            Assert.Equal(ProblemState.Registered, problem.State);
            Assert.Null(problem.UnitId);
            Assert.Null(problem.EventId);
            Assert.Equal(Kit.Today, problem.RaisedOn);
            var step = await ctx.ProblemSteps.AsNoTracking().SingleAsync(s => s.ProblemId == problemId);
            Assert.Equal(ProblemStepKind.Registered, step.Kind);
            Assert.Equal($"{name}：厂区排水管网堵塞，雨季易内涝", step.Text);
            var reminder = await ctx.Reminders.AsNoTracking().SingleAsync(r => r.DedupKey == $"visit-problem-{problemId}");
            Assert.Equal(AppRoles.Office, reminder.Role);
            Assert.Equal($"企业管家上报问题待交办：{name}", reminder.Title);
            Assert.Equal($"/exchanges/problems/{problemId}", reminder.Link);
            var visit = await ctx.Visits.AsNoTracking().SingleAsync(v => v.Id == visitId);
            Assert.Equal(needId, visit.NeedId);
            Assert.Equal(problemId, visit.ProblemId);
            Assert.Equal(2, visit.Version);
        }
        Assert.Equal(problemsBefore + 1, await CountAsync(db, c => c.Problems));
        await Kit.RefusedAsync(() => visits.ToProblemAsync(visitId, "基础设施", "再转一次", false, 2), "该走访发现的问题已经转办过");
        Assert.Equal(problemsBefore + 1, await CountAsync(db, c => c.Problems));

        // The enterprise's page shows the visit, the need and the problem.
        var detail = await db.Get<EnterpriseService>().DetailAsync(enterpriseId);
        Assert.Contains(detail.Visits, v => v.Id == visitId && v.NeedId == needId && v.ProblemId == problemId);
        Assert.Contains(detail.Needs, n => n.Id == needId);
        Assert.Contains(detail.Problems, p => p.Id == problemId);
        Assert.Equal(SeedJson.Visits.Count(v => v.Steward == "steward") + 1, (await visits.ListAsync(new VisitQuery(), 0, 1)).Total);
    }

    [DbFact]
    public async Task Turning_a_visit_with_a_stale_version_is_a_conflict_and_writes_nothing()
    {
        await using var db = await EnterpriseDb.LightAsync();
        var me = await Kit.UserIdAsync(db, "steward");
        var hr = await Kit.UnitIdAsync(db, "市人力资源和社会保障局");
        var enterpriseId = await Kit.EnterpriseIdAsync(db, "祁阳住信电气有限公司");
        db.SignIn("steward", AppRoles.Steward, userId: me);
        var visits = db.Get<VisitService>();
        var visitId = await visits.LogAsync(new VisitInput
        {
            EnterpriseId = enterpriseId, VisitedOn = Kit.Today, Duties = StewardDuties.Errands, Done = "代办排污许可变更", ProblemsFound = "车间用工缺口 20 人",
        });
        var needs = await CountAsync(db, c => c.EnterpriseNeeds);
        var problems = await CountAsync(db, c => c.Problems);

        // The visit is at version 0; another version is someone else's change.
        await Kit.RefusedAsync(() => visits.ToNeedAsync(visitId, "用工", "车间用工缺口 20 人", hr, Kit.Today.AddDays(10), 3), DomainException.Conflict);
        await Kit.RefusedAsync(() => visits.ToProblemAsync(visitId, "用工", "车间用工缺口 20 人", false, 3), DomainException.Conflict);

        Assert.Equal(needs, await CountAsync(db, c => c.EnterpriseNeeds));
        Assert.Equal(problems, await CountAsync(db, c => c.Problems));
        var row = await visits.GetAsync(visitId);
        Assert.Null(row.NeedId);
        Assert.Null(row.ProblemId);
        Assert.Equal(0, row.Version);
    }

    private static async Task<int> CountAsync<T>(TestDb db, Func<AppDbContext, IQueryable<T>> set)
    {
        await using var ctx = db.CreateDbContext();
        return await set(ctx).CountAsync();
    }
}
