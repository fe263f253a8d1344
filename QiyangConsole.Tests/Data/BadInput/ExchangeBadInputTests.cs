using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Exchanges;

namespace QiyangConsole.Tests.Data.BadInput;

/// <summary>Exchange events, the problem list (register, assign, unit feedback, hand-back, resolve) and callbacks, tried with the bad-value corpus.</summary>
public sealed class ExchangeBadInputTests(DemoDb demo) : BadInputTests(demo)
{
    private static readonly DateOnly Today = new(2023, 5, 18);

    private ExchangeService Events => Get<ExchangeService>();
    private ProblemService Problems => Get<ProblemService>();
    private CallbackService Callbacks => Get<CallbackService>();

    private Task<int> UnitIdAsync(string name) => Query(ctx => ctx.Units.Where(u => u.Name == name).Select(u => u.Id).SingleAsync());

    private static ExchangeEvent NewEvent() => new() { Place = "高新区企业服务中心", Date = Today, Kind = EventKind.TeaMeeting, Hosts = "市级领导", Enterprises = "湖南坤能新材料有限公司", Minutes = "纪要" };

    private Task EventRefused(Action<ExchangeEvent> change, params string[] names)
    {
        var e = NewEvent();
        change(e);
        return Refused(() => Events.SaveAsync(e), names);
    }

    private static ProblemInput NewProblem() => new() { EnterpriseName = "湖南坤能新材料有限公司", Description = "企业反映用工紧张", Category = "用工" };

    private Task ProblemRefused(Action<ProblemInput> change, params string[] names)
    {
        var p = NewProblem();
        change(p);
        return Refused(() => Problems.RegisterAsync(p), names);
    }

    /// <summary>A new problem, assigned (unless asked not to) to the demo unit liaison's unit; the liaison is then signed in.</summary>
    private async Task<int> AssignedProblemAsync(bool assign = true)
    {
        Db.SignIn("office", AppRoles.Office);
        var id = await Problems.RegisterAsync(NewProblem());
        if (!assign) return id;
        await Problems.AssignAsync(id, await UnitIdAsync("市自然资源局"), 5);
        await As("unit", AppRoles.Unit);
        return id;
    }

    private async Task UnitRefused(Func<int, Task> act, params string[] names)
    {
        var id = await AssignedProblemAsync();
        await Refused(() => act(id), names);
    }

    private async Task AssignRefused(int? unitId, int days, params string[] names)
    {
        var id = await AssignedProblemAsync(assign: false);
        await Refused(() => Problems.AssignAsync(id, unitId, days), names);
    }

    private async Task<CallbackInput> NewCallbackAsync() => new()
    {
        Subject = "企业开办服务", UnitId = await UnitIdAsync("市自然资源局"), Person = "张经理", Phone = "13800000000", CalledOn = Today, Rating = Rating.Satisfied, Comment = "满意",
    };

    private async Task CallbackRefused(Action<CallbackInput> change, params string[] names)
    {
        var c = await NewCallbackAsync();
        change(c);
        await Refused(() => Callbacks.RecordAsync(c), names);
    }

    /// <summary>A bad rating's rectification for the demo liaison's unit; the liaison is then signed in.</summary>
    private async Task<int> RectificationAsync()
    {
        Db.SignIn("office", AppRoles.Office);
        var c = await NewCallbackAsync();
        (c.Rating, c.BadReason) = (Rating.Dissatisfied, "办理拖延");
        var callback = await Callbacks.RecordAsync(c);
        await As("unit", AppRoles.Unit);
        return await Query(ctx => ctx.Rectifications.Where(r => r.CallbackId == callback).Select(r => r.Id).SingleAsync());
    }

    public static readonly Cases<ExchangeBadInputTests> Bad = new Cases<ExchangeBadInputTests>
    {
        ["event: place too long"] = t => t.EventRefused(e => e.Place = Corpus.TooLong(100), "活动地点", "100"),
        ["event: no date"] = t => t.EventRefused(e => e.Date = default, "活动日期"),
        ["event: date in 1999"] = t => t.EventRefused(e => e.Date = new DateOnly(1999, 12, 31), "活动日期"),
        ["event: date in 2101"] = t => t.EventRefused(e => e.Date = new DateOnly(2101, 1, 1), "活动日期"),
        ["event: unknown kind"] = t => t.EventRefused(e => e.Kind = (EventKind)5, "活动类型"),
        ["event: hosts too long"] = t => t.EventRefused(e => e.Hosts = Corpus.TooLong(200), "主持领导", "200"),
        ["event: enterprises too long"] = t => t.EventRefused(e => e.Enterprises = Corpus.TooLong(1000), "参加企业", "1000"),
        ["event: minutes too long"] = t => t.EventRefused(e => e.Minutes = Corpus.TooLong(5000), "纪要", "5000"),
        ["event: edit of a missing one"] = t => t.EventRefused(e => e.Id = 999_999, "数据已被他人修改"),
        ["problem: enterprise too long"] = t => t.ProblemRefused(p => p.EnterpriseName = Corpus.TooLong(200), "企业", "200"),
        ["problem: description too long"] = t => t.ProblemRefused(p => p.Description = Corpus.TooLong(1000), "问题描述", "1000"),
        ["problem: unknown category"] = t => t.ProblemRefused(p => p.Category = "<b>用工</b>", "问题类别"),
        ["problem: no category"] = t => t.ProblemRefused(p => p.Category = null, "问题类别"),
        ["problem: event missing"] = t => t.ProblemRefused(p => p.EventId = 999_999, "交流活动不存在"),
        ["problem: work item missing"] = t => t.ProblemRefused(p => p.WorkItemId = 999_999, "重点工作事项不存在"),
        ["assign: no unit"] = t => t.AssignRefused(null, 5, "责任单位"),
        ["assign: unit missing"] = t => t.AssignRefused(999_999, 5, "责任单位"),
        ["assign: 0 days"] = async t => await t.AssignRefused(await t.UnitIdAsync("市自然资源局"), 0, "办理时限"),
        ["assign: -5 days"] = async t => await t.AssignRefused(await t.UnitIdAsync("市自然资源局"), -5, "办理时限"),
        ["assign: 61 days"] = async t => await t.AssignRefused(await t.UnitIdAsync("市自然资源局"), 61, "办理时限"),
        ["assign: int.MaxValue days"] = async t => await t.AssignRefused(await t.UnitIdAsync("市自然资源局"), int.MaxValue, "办理时限"),
        ["feedback: too long"] = t => t.UnitRefused(id => t.Problems.FeedbackAsync(id, Corpus.TooLong(1000)), "办理进展", "1000"),
        ["hand back: too long"] = t => t.UnitRefused(id => t.Problems.RequestReturnAsync(id, Corpus.TooLong(500)), "理由", "500"),
        ["resolve: too long"] = t => t.UnitRefused(id => t.Problems.ResolveAsync(id, Corpus.TooLong(1000)), "办理结果", "1000"),
        ["callback: person too long"] = t => t.CallbackRefused(c => c.Person = Corpus.TooLong(50), "回访对象", "50"),
        ["callback: phone too long"] = t => t.CallbackRefused(c => c.Phone = Corpus.TooLong(30), "联系电话", "30"),
        ["callback: no rating"] = t => t.CallbackRefused(c => c.Rating = null, "评价等级"),
        ["callback: unknown rating"] = t => t.CallbackRefused(c => c.Rating = (Rating)0, "评价等级"),
        ["callback: rating 6"] = t => t.CallbackRefused(c => c.Rating = (Rating)6, "评价等级"),
        ["callback: no date"] = t => t.CallbackRefused(c => c.CalledOn = null, "回访日期"),
        ["callback: tomorrow"] = t => t.CallbackRefused(c => c.CalledOn = Today.AddDays(1), "回访日期"),
        ["callback: year 1"] = t => t.CallbackRefused(c => c.CalledOn = DateOnly.MinValue, "回访日期"),
        ["callback: bad rating without a reason"] = t => t.CallbackRefused(c => c.Rating = Rating.VeryDissatisfied, "差评原因"),
        ["callback: bad reason too long"] = t => t.CallbackRefused(c => (c.Rating, c.BadReason) = (Rating.Dissatisfied, Corpus.TooLong(500)), "差评原因", "500"),
        ["callback: comment too long"] = t => t.CallbackRefused(c => c.Comment = Corpus.TooLong(500), "评价意见", "500"),
        ["callback: subject too long"] = t => t.CallbackRefused(c => c.Subject = Corpus.TooLong(300), "回访事项", "300"),
        ["callback: no unit"] = t => t.CallbackRefused(c => c.UnitId = null, "办理单位"),
        ["callback: unit missing"] = t => t.CallbackRefused(c => c.UnitId = 999_999, "办理单位"),
        ["callback: problem missing"] = t => t.CallbackRefused(c => c.ProblemId = 999_999, "问题不存在"),
        ["callback: problem not resolved"] = async t => { var id = await t.AssignedProblemAsync(); t.Db.SignIn("office", AppRoles.Office); await t.CallbackRefused(c => c.ProblemId = id, "办结"); },
        ["rectification: answer too long"] = async t => { var id = await t.RectificationAsync(); await t.Refused(() => t.Callbacks.CompleteRectificationAsync(id, Corpus.TooLong(1000)), "整改情况", "1000"); },
    }
    .Each("event: blank place", Corpus.Blank, (t, v) => t.EventRefused(e => e.Place = v!, "活动地点"))
    .Each("problem: blank enterprise", Corpus.Blank, (t, v) => t.ProblemRefused(p => p.EnterpriseName = v!, "企业"))
    .Each("problem: blank description", Corpus.Blank, (t, v) => t.ProblemRefused(p => p.Description = v!, "问题描述"))
    .Each("feedback: blank", Corpus.Blank, (t, v) => t.UnitRefused(id => t.Problems.FeedbackAsync(id, v), "办理进展"))
    .Each("hand back: blank", Corpus.Blank, (t, v) => t.UnitRefused(id => t.Problems.RequestReturnAsync(id, v), "理由"))
    .Each("resolve: blank", Corpus.Blank, (t, v) => t.UnitRefused(id => t.Problems.ResolveAsync(id, v), "办理结果"))
    .Each("callback: blank person", Corpus.Blank, (t, v) => t.CallbackRefused(c => c.Person = v!, "回访对象"))
    .Each("callback: blank subject", Corpus.Blank, (t, v) => t.CallbackRefused(c => c.Subject = v, "回访事项"))
    .Each("rectification: blank answer", Corpus.Blank, async (t, v) => { var id = await t.RectificationAsync(); await t.Refused(() => t.Callbacks.CompleteRectificationAsync(id, v), "整改情况"); });

    public static TheoryData<string> BadNames => Bad.Names;

    [Theory, MemberData(nameof(BadNames))]
    public async Task Refused_naming_the_field_with_nothing_saved(string name)
    {
        Db.SignIn("office", AppRoles.Office);
        await Bad[name](this);
    }

    private static string Cut(string v, int max) => Infrastructure.TextLimit.Cut(v, max);

    public static readonly Cases<ExchangeBadInputTests> Good = new Cases<ExchangeBadInputTests>
    {
        ["problem description of 1000 characters outside the basic plane"] = t =>
            t.Kept(Corpus.Supplementary(1000), v => t.Problems.RegisterAsync(new ProblemInput { EnterpriseName = "湖南坤能新材料有限公司", Description = v, Category = "用工" }), (ctx, v) => ctx.Problems.AnyAsync(p => p.Description == v)),
        ["a long problem description is cut whole into the callback's subject"] = async t =>
        {
            var id = await t.AssignedProblemAsync();
            var text = Corpus.Supplementary(1000);
            await t.Problems.ResolveAsync(id, "已解决");
            t.Db.SignIn("office", AppRoles.Office);
            await t.Query(async ctx => { var p = await ctx.Problems.SingleAsync(x => x.Id == id); p.Description = text; return await ctx.SaveChangesAsync(); });
            var input = await t.NewCallbackAsync();
            input.ProblemId = id;
            var callback = await t.Callbacks.RecordAsync(input);
            var subject = await t.Query(ctx => ctx.Callbacks.Where(c => c.Id == callback).Select(c => c.Subject).SingleAsync());
            Assert.Equal(("问题回访：" + text).EnumerateRunes().Take(300).Count(), subject.EnumerateRunes().Count());
            Assert.DoesNotContain('\uFFFD', subject);
            Assert.True(subject.EnumerateRunes().All(r => r.Value != 0xFFFD) && !char.IsHighSurrogate(subject[^1]));
        },
    }
    .Each("event", Corpus.Odd, (t, v) => t.Kept(v, v => t.Events.SaveAsync(new ExchangeEvent { Place = v, Date = Today, Hosts = v, Enterprises = v, Minutes = v }),
        (ctx, v) => ctx.ExchangeEvents.AnyAsync(e => e.Place == v && e.Hosts == v && e.Enterprises == v && e.Minutes == v)))
    .Each("problem", Corpus.Odd, (t, v) => t.Kept(v, v => t.Problems.RegisterAsync(new ProblemInput { EnterpriseName = v, Description = v, Category = "用工" }),
        (ctx, v) => ctx.Problems.AnyAsync(p => p.EnterpriseName == v && p.Description == v)))
    .Each("unit feedback and answer", Corpus.Odd, async (t, v) =>
    {
        var id = await t.AssignedProblemAsync();
        await t.Kept(v, async v => { await t.Problems.FeedbackAsync(id, v); await t.Problems.ResolveAsync(id, v); },
            (ctx, v) => ctx.Problems.AnyAsync(p => p.Id == id && p.Answer == v && ctx.ProblemSteps.Any(s => s.ProblemId == id && s.Text == v)));
    })
    .Each("callback", Corpus.Odd, async (t, v) =>
    {
        var input = await t.NewCallbackAsync();
        (input.Subject, input.Person, input.Phone, input.Comment, input.Rating, input.BadReason) = (v, Cut(v, 50), Cut(v, 30), v, Rating.Dissatisfied, v);
        await t.Kept(v, _ => t.Callbacks.RecordAsync(input), (ctx, v) => ctx.Callbacks.AnyAsync(c => c.Subject == v && c.Person == Cut(v, 50) && c.Phone == Cut(v, 30) && c.Comment == v && c.BadReason == v));
    })
    .Each("rectification answer", Corpus.Odd, async (t, v) =>
    {
        var id = await t.RectificationAsync();
        await t.Kept(v, v => t.Callbacks.CompleteRectificationAsync(id, v), (ctx, v) => ctx.Rectifications.AnyAsync(r => r.Id == id && r.Answer == v));
    });

    public static TheoryData<string> GoodNames => Good.Names;

    [Theory, MemberData(nameof(GoodNames))]
    public async Task Odd_text_is_kept_as_typed(string name)
    {
        Db.SignIn("office", AppRoles.Office);
        await Good[name](this);
    }
}
