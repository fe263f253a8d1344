using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Dashboard;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Tests.Data.Enterprises;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Dashboard;

/// <summary>
/// 我的待办 on a real SQLite file: records made through the areas' services for two units and two stewards; each role sees
/// exactly its own to-dos (nothing of the other unit or steward, nothing for leaders, the read-only role and the
/// administrators), and acting on a record through its service takes it off the list.
/// </summary>
public sealed class TodoDataTests : IAsyncLifetime
{
    private const string Natural = "市自然资源局";
    private const string Housing = "市住房和城乡建设局";
    private TestDb _db = null!;
    private int _natural, _housing, _accepted, _housingItem, _registered, _naturalProblem, _housingProblem, _newProblem, _mineA, _mineB, _others;
    private string _steward = "", _steward2 = "";

    public async Task InitializeAsync()
    {
        _db = await Seeds.SeededAsync();
        _natural = await Kit.UnitIdAsync(_db, Natural);
        _housing = await Kit.UnitIdAsync(_db, Housing);
        _steward = await Kit.UserIdAsync(_db, "steward");
        await using (var users = _db.CreateDbContext())
        {
            var second = new AppUser { UserName = "steward2", NormalizedUserName = "STEWARD2", DisplayName = "企业管家二" };
            users.Users.Add(second);
            await users.SaveChangesAsync();
            _steward2 = second.Id;
        }

        AsOffice();
        var items = _db.Get<WorkItemService>();
        _accepted = await items.CreateAsync(Edit("自然资源局交办事项", _natural, new DateOnly(2023, 6, 20)));
        await items.AssignAsync(_accepted);
        _housingItem = await items.CreateAsync(Edit("住建局交办事项", _housing, new DateOnly(2023, 6, 20)));
        await items.AssignAsync(_housingItem);
        _registered = await items.CreateAsync(Edit("尚未交办事项", _natural, new DateOnly(2023, 7, 1)));

        var problems = _db.Get<ProblemService>();
        _naturalProblem = await problems.RegisterAsync(new ProblemInput { EnterpriseName = "甲企业", Description = "用地红线调整慢", Category = "用地" });
        await problems.AssignAsync(_naturalProblem, _natural, 5);
        _housingProblem = await problems.RegisterAsync(new ProblemInput { EnterpriseName = "乙企业", Description = "施工许可材料反复补正", Category = "用地" });
        await problems.AssignAsync(_housingProblem, _housing, 5);
        _newProblem = await problems.RegisterAsync(new ProblemInput { EnterpriseName = "丙企业", Description = "尚未交办的问题", Category = "用地" });

        await using var ctx = _db.CreateDbContext();
        var a = new Enterprise { Name = "管家一企业甲", CreditCode = Kit.Code(901), Industry = "制造业", StewardId = _steward };
        var b = new Enterprise { Name = "管家一企业乙", CreditCode = Kit.Code(902), Industry = "制造业", StewardId = _steward };
        var c = new Enterprise { Name = "管家二企业", CreditCode = Kit.Code(903), Industry = "制造业", StewardId = _steward2 };
        ctx.Enterprises.AddRange(a, b, c);
        ctx.EnterpriseNeeds.Add(new EnterpriseNeed { Enterprise = a, Type = "用地", Description = "自然资源局的需求", UnitId = _natural, Deadline = new DateOnly(2023, 5, 10) });
        ctx.EnterpriseNeeds.Add(new EnterpriseNeed { Enterprise = c, Type = "用地", Description = "住建局的需求", UnitId = _housing, Deadline = new DateOnly(2023, 6, 10) });
        await ctx.SaveChangesAsync();
        (_mineA, _mineB, _others) = (a.Id, b.Id, c.Id);
    }

    public async Task DisposeAsync() => await _db.DisposeAsync();

    [DbFact]
    public async Task A_unit_sees_its_own_items_problems_and_needs_and_nothing_of_another_unit()
    {
        AsLiaison(_natural, Natural);
        var natural = await Mine();
        Assert.Equal(new HashSet<string> { "待承办", "待办理问题", "个性需求待办理" }, natural.Groups.Select(g => g.Kind).ToHashSet());
        Assert.Equal([$"/work-items/{_accepted}"], Links(natural, "待承办"));
        Assert.Equal([$"/exchanges/problems/{_naturalProblem}"], Links(natural, "待办理问题"));
        Assert.Equal(["甲企业：用地红线调整慢"], natural.Groups.Single(g => g.Kind == "待办理问题").Entries.Select(e => e.Title));
        var need = natural.Groups.Single(g => g.Kind == "个性需求待办理");
        Assert.Equal((1, 1), (need.Count, need.Overdue)); // due 05-10, today 05-18
        Assert.True(need.Entries.Single().Overdue);
        Assert.Equal(3, natural.Total);
        Assert.DoesNotContain(natural.Groups.SelectMany(g => g.Entries), e => e.Title.Contains("住建局") || e.Title.Contains("乙企业") || e.Title.Contains("尚未交办"));

        AsLiaison(_housing, Housing, "zhujian");
        var housing = await Mine();
        Assert.Equal(new HashSet<string> { $"/work-items/{_housingItem}", $"/exchanges/problems/{_housingProblem}", "/projects/needs" },
            housing.Groups.SelectMany(g => g.Entries).Select(e => e.Link).ToHashSet());
        Assert.Equal(["住建局的需求"], housing.Groups.Single(g => g.Kind == "个性需求待办理").Entries.Select(e => e.Title.Split('：')[1]));
        Assert.Equal(3, housing.Total);
        Assert.DoesNotContain(housing.Groups.SelectMany(g => g.Entries), e => e.Title.Contains("自然资源局") || e.Title.Contains("甲企业"));
    }

    [DbFact]
    public async Task The_office_sees_what_waits_for_it_to_assign_review_and_call_back()
    {
        AsOffice();
        var office = await Mine();
        Assert.Equal([$"/work-items/{_registered}"], Links(office, "待交办"));
        Assert.Equal([$"/exchanges/problems/{_newProblem}"], Links(office, "问题待分类交办"));
        Assert.Equal(2, office.Total);
        // Nothing of a unit's own handling or a steward's visits.
        Assert.DoesNotContain(office.Groups, g => g.Kind is "待承办" or "待办理问题" or "超期未走访");
    }

    [DbFact]
    public async Task A_steward_sees_its_own_enterprises_due_for_a_visit_and_a_logged_visit_takes_one_off()
    {
        _db.SignIn("steward", AppRoles.Steward, userId: _steward);
        var before = await Mine();
        var overdue = before.Groups.Single(g => g.Kind == "超期未走访");
        Assert.Equal((2, 2), (overdue.Count, overdue.Overdue));
        Assert.Equal([$"/visits/new?enterprise={_mineA}", $"/visits/new?enterprise={_mineB}"], overdue.Entries.Select(e => e.Link).Order());
        Assert.All(overdue.Entries, e => Assert.Equal("从未走访", e.Note));
        Assert.DoesNotContain(before.Groups.SelectMany(g => g.Entries), e => e.Link.EndsWith($"={_others}"));

        await _db.Get<VisitService>().LogAsync(new VisitInput { EnterpriseId = _mineA, VisitedOn = Kit.Today, Duties = StewardDuties.Informant, Done = "了解用工情况", NextContactOn = Kit.Today.AddDays(7) });
        var after = await Mine();
        Assert.Equal([$"/visits/new?enterprise={_mineB}"], Links(after, "超期未走访"));
        Assert.DoesNotContain(after.Groups, g => g.Kind == "到期应联系"); // next contact in a week

        // A week on, the next contact date has come: the enterprise is due again (not yet overdue on the day).
        _db.Clock.Now = _db.Clock.Now.AddDays(7);
        var week = await Mine();
        var next = week.Groups.Single(g => g.Kind == "到期应联系");
        Assert.Equal((1, 0), (next.Count, next.Overdue));
        Assert.Equal($"/visits/new?enterprise={_mineA}", next.Entries.Single().Link);

        _db.SignIn("steward2", AppRoles.Steward, userId: _steward2);
        Assert.Equal([$"/visits/new?enterprise={_others}"], Links(await Mine(), "超期未走访"));
    }

    [DbFact]
    public async Task Accepting_an_item_and_solving_a_problem_move_them_on_and_off_the_lists()
    {
        AsLiaison(_natural, Natural);
        await _db.Get<WorkItemService>().AcceptAsync(_accepted);
        var accepted = await Mine();
        Assert.DoesNotContain(accepted.Groups, g => g.Kind == "待承办");
        Assert.Equal([$"/work-items/{_accepted}"], Links(accepted, "待报送进展或申请销号"));

        await _db.Get<ProblemService>().ResolveAsync(_naturalProblem, "已完成红线调整");
        Assert.DoesNotContain((await Mine()).Groups, g => g.Kind == "待办理问题");

        await _db.Get<WorkItemService>().SubmitCloseOutAsync(_accepted, "已完成，附验收材料");
        Assert.DoesNotContain((await Mine()).Groups, g => g.Kind.StartsWith("待报送"));

        // Now the Office's: review the close-out and call the solved problem back.
        AsOffice();
        var office = await Mine();
        Assert.Equal([$"/work-items/{_accepted}"], Links(office, "销号待审核"));
        Assert.Equal([$"/exchanges/problems/{_naturalProblem}"], Links(office, "问题待回访"));
        await _db.Get<WorkItemService>().ApproveCloseOutAsync(_accepted);
        Assert.DoesNotContain((await Mine()).Groups, g => g.Kind == "销号待审核");
    }

    [DbFact]
    public async Task A_request_to_extend_waits_for_the_office_and_a_hand_back_for_reassignment()
    {
        AsLiaison(_natural, Natural);
        await _db.Get<WorkItemService>().AcceptAsync(_accepted);
        await _db.Get<WorkItemService>().RequestExtensionAsync(_accepted, new DateOnly(2023, 7, 20), "征地补偿未谈妥");
        await _db.Get<ProblemService>().RequestReturnAsync(_naturalProblem, "不属于本单位职责");
        Assert.DoesNotContain((await Mine()).Groups, g => g.Kind == "待办理问题"); // handed back: the Office's now

        AsOffice();
        var office = await Mine();
        Assert.Equal([$"/work-items/{_accepted}"], Links(office, "延期待审批"));
        Assert.Equal([$"/exchanges/problems/{_naturalProblem}"], Links(office, "申请退回待重新交办"));
    }

    [DbFact]
    public async Task A_bad_rating_waits_for_the_unit_to_rectify_then_for_the_office_to_rate_again_and_close()
    {
        AsLiaison(_natural, Natural);
        await _db.Get<ProblemService>().ResolveAsync(_naturalProblem, "已完成红线调整");
        AsOffice();
        var callbacks = _db.Get<CallbackService>();
        await callbacks.RecordAsync(new CallbackInput { ProblemId = _naturalProblem, Person = "甲企业联系人", CalledOn = Kit.Today, Rating = Rating.Dissatisfied, BadReason = "办理拖沓" });
        Assert.DoesNotContain((await Mine()).Groups, g => g.Kind is "问题待回访" or "已回访待销号"); // not closable while the rating is unsettled

        AsLiaison(_natural, Natural);
        var rectify = (await Mine()).Groups.Single(g => g.Kind == "差评待整改");
        Assert.Equal(["问题回访：用地红线调整慢"], rectify.Entries.Select(e => e.Title));
        Assert.NotNull(rectify.Entries.Single().Due);
        AsLiaison(_housing, Housing, "zhujian");
        Assert.DoesNotContain((await Mine()).Groups, g => g.Kind == "差评待整改");

        AsLiaison(_natural, Natural);
        var id = (await callbacks.RectificationsAsync(openOnly: true)).Single().Id;
        await callbacks.CompleteRectificationAsync(id, "专人跟进，已办结");
        Assert.DoesNotContain((await Mine()).Groups, g => g.Kind == "差评待整改");

        AsOffice();
        Assert.Equal(["问题回访：用地红线调整慢"], (await Mine()).Groups.Single(g => g.Kind == "整改完成待再次评价").Entries.Select(e => e.Title));
        await callbacks.RecordAsync(new CallbackInput { RectificationId = id, Person = "甲企业联系人", CalledOn = Kit.Today, Rating = Rating.Satisfied });
        var office = await Mine();
        Assert.DoesNotContain(office.Groups, g => g.Kind == "整改完成待再次评价");
        Assert.Equal([$"/exchanges/problems/{_naturalProblem}"], Links(office, "已回访待销号"));
    }

    [DbFact]
    public async Task A_month_over_and_not_yet_issued_waits_for_the_offices_next_step()
    {
        AsOffice();
        var evaluation = _db.Get<EvaluationService>();
        await evaluation.CreateSchemeAsync(2023);
        var april = await evaluation.CreatePeriodAsync(2023, 4);
        await evaluation.CreatePeriodAsync(2023, 5); // this month: still being scored, no step due
        var office = await Mine();
        Assert.Equal([$"/evaluation/periods/{april}"], Links(office, "月度评分待审核"));
        Assert.Equal(["2023年4月"], office.Groups.Single(g => g.Kind == "月度评分待审核").Entries.Select(e => e.Title));

        await evaluation.TransitionAsync(april, QiyangConsole.Features.Evaluation.Rules.PeriodAction.Review, (await evaluation.PeriodAsync(april)).Version);
        var reviewed = await Mine();
        Assert.DoesNotContain(reviewed.Groups, g => g.Kind == "月度评分待审核");
        Assert.Equal([$"/evaluation/periods/{april}"], Links(reviewed, "月度考核待排名"));

        AsLiaison(_natural, Natural);
        Assert.DoesNotContain((await Mine()).Groups, g => g.Area == "考核排名");
    }

    [DbTheory]
    [InlineData("leader", AppRoles.Leader)]
    [InlineData("viewer", AppRoles.Viewer)]
    [InlineData("sysadmin", AppRoles.SysAdmin)]
    [InlineData("secadmin", AppRoles.SecAdmin)]
    [InlineData("auditor", AppRoles.Auditor)]
    public async Task Roles_that_act_on_none_of_these_steps_have_no_todos(string user, string role)
    {
        _db.SignIn(user, role);
        Assert.Equal(0, (await Mine()).Total);
    }

    [DbFact]
    public async Task A_liaison_who_is_also_a_steward_sees_both_and_no_more()
    {
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
        [
            new(System.Security.Claims.ClaimTypes.Name, "both"), new(System.Security.Claims.ClaimTypes.NameIdentifier, _steward),
            new(System.Security.Claims.ClaimTypes.Role, AppRoles.Unit), new(System.Security.Claims.ClaimTypes.Role, AppRoles.Steward),
            new(AppClaims.UnitId, _natural.ToString()),
        ], "test"));
        _db.Actor.Set(principal);
        var both = await Mine();
        Assert.Equal(3 + 2, both.Total); // the unit's three and the steward's two enterprises
        Assert.DoesNotContain(both.Groups.SelectMany(g => g.Entries), e => e.Title.Contains("乙企业") || e.Link.EndsWith($"={_others}"));
    }

    private Task<TodoList> Mine() => _db.Get<TodoService>().MineAsync(TodoService.PageTake);

    private static List<string> Links(TodoList list, string kind) => list.Groups.Single(g => g.Kind == kind).Entries.Select(e => e.Link).ToList();

    private void AsOffice() => _db.SignIn("office", AppRoles.Office);

    private void AsLiaison(int unitId, string unitName, string userName = "unit") => _db.SignIn(userName, AppRoles.Unit, unitId, unitName);

    private static WorkItemEdit Edit(string title, int leadUnitId, DateOnly deadline) => new()
    {
        Title = title, Source = "会议", Urgency = Urgency.Normal, LeadUnitId = leadUnitId, Deadline = deadline,
    };
}
