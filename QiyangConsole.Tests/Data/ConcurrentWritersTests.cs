using System.Diagnostics;
using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.WorkItems;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Tests.Support;
using Xunit.Abstractions;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// Twenty writers against one SQLite file (set up as the console sets it up) for 30 seconds: offices registering work
/// items, problems and exchanges, editing an enterprise and a score sheet and urging; liaisons reporting progress,
/// answering problems and reading reminders; a steward logging visits from two devices; and the morning jobs (lights, escalation,
/// steward reminders, calendar check, ranking) run over and over — each writer with its own services and user, as a
/// circuit or a Hangfire worker has. Every write acknowledged must be in the file, nothing refused may be, and no
/// writer may see an error: a lost race is the conflict message, never "database is locked".
/// </summary>
public sealed class ConcurrentWritersTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Duration = TimeSpan.FromSeconds(
        int.TryParse(Environment.GetEnvironmentVariable("QIYANG_WRITERS_SECONDS"), out var s) ? s : 30);

    [Fact]
    public async Task Twenty_writers_for_thirty_seconds_lose_nothing_and_never_find_the_database_locked()
    {
        var setup = Stopwatch.StartNew();
        await using var db = await SeedAsync();
        var w = await WorldAsync(db);
        output.WriteLine($"seeded in {setup.Elapsed.TotalSeconds:0.0} s");
        var writers = Writers(w);
        Assert.Equal(20, writers.Count);

        var clock = Stopwatch.StartNew();
        var until = DateTime.UtcNow + Duration;
        // A thread each: SQLite's calls complete synchronously, so twenty loops on the pool's two threads would take turns, not race.
        await Task.WhenAll(writers.Select(writer => Task.Factory.StartNew(() => writer.RunAsync(db, until).GetAwaiter().GetResult(), TaskCreationOptions.LongRunning)));
        var elapsed = clock.Elapsed;

        foreach (var writer in writers)
            output.WriteLine($"{writer.Name,-22} {writer.Acknowledged.Count,5} acknowledged {writer.Conflicts,4} conflicts  slowest {writer.Slowest.TotalMilliseconds,6:0} ms");
        var acknowledged = writers.Sum(x => x.Acknowledged.Count);
        output.WriteLine($"{writers.Count} writers, {elapsed.TotalSeconds:0.0} s: {acknowledged} writes acknowledged, {writers.Sum(x => x.Conflicts)} refused as conflicts");
        Assert.Empty(writers.SelectMany(x => x.Errors));
        Assert.All(writers, x => Assert.True(x.Acknowledged.Count > 0, $"{x.Name} never got a write through"));

        await using var ctx = db.CreateDbContext();
        Assert.Equal("ok", await ctx.Database.SqlQueryRaw<string>("PRAGMA integrity_check").AsAsyncEnumerable().FirstAsync());
        // Created: exactly the acknowledged ones, no more (a refused or failed save leaves nothing).
        Assert.Equal(Of(writers, "office-items"), (await ctx.WorkItems.Where(i => i.Title.StartsWith("并发事项")).Select(i => i.Title).ToListAsync()).Order());
        Assert.Equal(Of(writers, "office-problems"), (await ctx.Problems.Where(p => p.Description.StartsWith("并发问题")).Select(p => p.Description).ToListAsync()).Order());
        Assert.Equal(Of(writers, "office-exchanges"), (await ctx.ExchangeEvents.Where(e => e.Place.StartsWith("并发交流")).Select(e => e.Place).ToListAsync()).Order());
        Assert.Equal(Of(writers, "steward"), (await ctx.Visits.Where(v => v.Done.StartsWith("并发走访")).Select(v => v.Done).ToListAsync()).Order());
        Assert.Equal(Of(writers, "liaison-progress").Concat(Of(writers, "office-urge").Select(u => "催办：" + u)).Order(),
            (await ctx.WorkItemUpdates.Where(u => u.Text!.StartsWith("并发进展") || u.Text!.StartsWith("催办：并发催办")).Select(u => u.Text!).ToListAsync()).Order());
        Assert.Equal(Of(writers, "liaison-feedback"), (await ctx.ProblemSteps.Where(p => p.Text!.StartsWith("并发反馈")).Select(p => p.Text!).ToListAsync()).Order());
        var read = (await ctx.ReminderReads.Where(r => r.UserId == w.ReaderId).Select(r => r.ReminderId).ToListAsync()).Select(id => id.ToString());
        Assert.Equal(Of(writers, "liaison-reminders"), read.Order());
        // Edited in place: the last acknowledged value stands.
        Assert.Equal(Named(writers, "office-enterprise").Acknowledged[^1], await ctx.Enterprises.Where(e => e.Id == w.EnterpriseId).Select(e => e.Address).SingleAsync());
        Assert.Equal(Named(writers, "office-scores").Acknowledged[^1],
            (await ctx.Scores.Where(x => x.PeriodId == w.OpenPeriodId && x.UnitId == w.ScoredUnitId && x.IndicatorId == w.ScoredIndicatorId).Select(x => x.Points).SingleAsync()).ToString("0.##"));
        // Each job run acknowledged is recorded, finished and successful.
        foreach (var job in writers.Where(x => x.Name.StartsWith("job-")))
            Assert.Equal(job.Acknowledged.Count, await ctx.JobRuns.CountAsync(r => r.JobName == job.Name.Substring(4) && r.EndedAt != null && r.Succeeded == true));
        Assert.Equal(0, await ctx.JobRuns.CountAsync(r => r.EndedAt == null));
        output.WriteLine($"all {acknowledged} acknowledged writes found; integrity_check ok");
    }

    private static IOrderedEnumerable<string> Of(List<Writer> writers, string prefix) =>
        writers.Where(x => x.Name.StartsWith(prefix)).SelectMany(x => x.Acknowledged).Order();

    private static Writer Named(List<Writer> writers, string name) => writers.Single(x => x.Name == name);

    private sealed record World(int[] Units, string[] UnitNames, int[] Items, int ProblemId, int EnterpriseId, (string Id, int EnterpriseId)[] Stewards,
        int OpenPeriodId, int ReviewedPeriodId, int ScoredUnitId, int ScoredIndicatorId, string ReaderId);

    private static List<Writer> Writers(World w)
    {
        var office = User("office", AppRoles.Office);
        var list = new List<Writer>();
        for (var k = 0; k < 2; k++)
        {
            var writer = k;
            list.Add(new($"office-items-{k}", office, async (sp, n) =>
            {
                var items = sp.GetRequiredService<WorkItemService>();
                var title = $"并发事项-{writer}-{n}";
                var id = await items.CreateAsync(new WorkItemEdit { Title = title, Source = "会议", LeadUnitId = w.Units[n % 3], Deadline = new DateOnly(2023, 6, 30) });
                await items.AssignAsync(id);
                return title;
            }));
            list.Add(new($"office-problems-{k}", office, async (sp, n) =>
            {
                var description = $"并发问题-{writer}-{n}";
                await sp.GetRequiredService<ProblemService>().RegisterAsync(new ProblemInput { EnterpriseName = "祁阳并发测试有限公司", Description = description, Category = "用地" });
                return description;
            }));
        }
        list.Add(new("office-exchanges", office, async (sp, n) =>
        {
            var place = $"并发交流-{n}";
            await sp.GetRequiredService<ExchangeService>().SaveAsync(new ExchangeEvent { Place = place, Date = new DateOnly(2023, 5, 18), Kind = EventKind.ParkNight });
            return place;
        }));
        list.Add(new("office-urge", office, async (sp, n) =>
        {
            var items = sp.GetRequiredService<WorkItemService>();
            var id = w.Items[n % 3];
            var text = $"并发催办-{n}";
            await items.UrgeAsync(id, text, (await items.DetailAsync(id)).Item.Version);
            return text;
        }));
        list.Add(new("office-enterprise", office, async (sp, n) =>
        {
            var enterprises = sp.GetRequiredService<EnterpriseService>();
            var edit = EnterpriseEdit.From((await enterprises.DetailAsync(w.EnterpriseId)).Enterprise);
            edit.Address = $"祁阳高新区创新路 {n} 号";
            await enterprises.SaveAsync(edit);
            return edit.Address;
        }));
        list.Add(new("office-scores", office, async (sp, n) =>
        {
            var scores = sp.GetRequiredService<ScoreService>();
            var sheet = await scores.SheetAsync(w.OpenPeriodId);
            var points = n % 20 + 0.5m;
            await scores.SaveAsync(w.OpenPeriodId, [new ScoreInput(w.ScoredUnitId, w.ScoredIndicatorId, points, sheet.Cells.GetValueOrDefault((w.ScoredUnitId, w.ScoredIndicatorId))?.Version)]);
            return points.ToString("0.##");
        }));
        for (var k = 0; k < 3; k++)
        {
            var (item, liaison) = (w.Items[k], User($"unit{k}", AppRoles.Unit, w.Units[k], w.UnitNames[k]));
            list.Add(new($"liaison-progress-{k}", liaison, async (sp, n) =>
            {
                var items = sp.GetRequiredService<WorkItemService>();
                var text = $"并发进展-{item}-{n}";
                await items.UpdateAsync(item, text, n % 101, version: (await items.DetailAsync(item)).Item.Version);
                return text;
            }));
        }
        list.Add(new("liaison-feedback", User("unit0", AppRoles.Unit, w.Units[0], w.UnitNames[0]), async (sp, n) =>
        {
            var problems = sp.GetRequiredService<ProblemService>();
            var text = $"并发反馈-{n}";
            await problems.FeedbackAsync(w.ProblemId, text, (await problems.DetailAsync(w.ProblemId)).Problem.Version);
            return text;
        }));
        list.Add(new("liaison-reminders", User("unit1", AppRoles.Unit, w.Units[1], w.UnitNames[1], w.ReaderId), async (sp, n) =>
        {
            var reminders = sp.GetRequiredService<ReminderService>();
            if ((await reminders.MineAsync(1)).FirstOrDefault() is not { } unread) return null;
            await reminders.MarkReadAsync(unread.Id);
            return unread.Id.ToString();
        }));
        foreach (var (steward, k) in w.Stewards.Select((s, k) => (s, k)))
            list.Add(new($"steward-{k}", User("steward", AppRoles.Steward, userId: steward.Id), async (sp, n) =>
            {
                var done = $"并发走访-{k}-{n}";
                await sp.GetRequiredService<VisitService>().LogAsync(new VisitInput { EnterpriseId = steward.EnterpriseId, VisitedOn = new DateOnly(2023, 5, 18), Duties = StewardDuties.Informant, Done = done });
                return done;
            }));
        // Hangfire runs jobs as nobody in particular.
        var system = new ClaimsPrincipal(new ClaimsIdentity());
        list.Add(Job(WorkItemLightsJob.Id, system, sp => sp.GetRequiredService<WorkItemLightsJob>().RunAsync()));
        list.Add(Job(ProblemEscalationJob.Id, system, sp => sp.GetRequiredService<ProblemEscalationJob>().RunAsync()));
        list.Add(Job(StewardRemindersJob.Id, system, sp => sp.GetRequiredService<StewardRemindersJob>().RunAsync()));
        list.Add(Job(CalendarCheckJob.Id, system, sp => sp.GetRequiredService<CalendarCheckJob>().RunAsync()));
        list.Add(Job(MonthlyRankingJob.Id, system, sp => sp.GetRequiredService<MonthlyRankingJob>().RunForPeriodAsync(w.ReviewedPeriodId)));
        return list;
    }

    private static Writer Job(string id, ClaimsPrincipal user, Func<IServiceProvider, Task<string>> run) =>
        new($"job-{id}", user, async (sp, n) => { await run(sp); return n.ToString(); });

    private static ClaimsPrincipal User(string name, string role, int? unitId = null, string? unitName = null, string? userId = null)
    {
        var claims = new List<Claim> { new(ClaimTypes.Name, name), new(ClaimTypes.Role, role), new(ClaimTypes.NameIdentifier, userId ?? name) };
        if (unitId is { } id) claims.Add(new Claim(AppClaims.UnitId, id.ToString()));
        if (unitName is not null) claims.Add(new Claim(AppClaims.UnitName, unitName));
        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    /// <summary>One user's loop: a step after another until time is up, each acknowledged (its marker kept), refused as a conflict, or an error.</summary>
    private sealed class Writer(string name, ClaimsPrincipal user, Func<IServiceProvider, int, Task<string?>> step)
    {
        public string Name => name;
        public List<string> Acknowledged { get; } = [];
        public List<string> Errors { get; } = [];
        public int Conflicts { get; private set; }
        public TimeSpan Slowest { get; private set; }

        public async Task RunAsync(TestDb db, DateTime until)
        {
            await using var provider = Services(db, user);
            await using var scope = provider.CreateAsyncScope();
            for (var n = 1; DateTime.UtcNow < until; n++)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    if (await step(scope.ServiceProvider, n) is { } marker) Acknowledged.Add(marker);
                    else await Task.Delay(50);
                }
                catch (DomainException ex) when (ex.Message == DomainException.Conflict) { Conflicts++; }
                catch (Exception ex) { Errors.Add($"{name} #{n}: {ex.GetType().Name}: {ex.Message}"); }
                var took = Stopwatch.GetElapsedTime(started);
                if (took > Slowest) Slowest = took;
            }
        }
    }

    /// <summary>The app's services over the file for one user (its own scope, as a circuit or a job worker has).</summary>
    private static ServiceProvider Services(TestDb db, ClaimsPrincipal principal)
    {
        var user = new CurrentUser { Ip = "127.0.0.1" };
        user.Set(principal);
        var services = new ServiceCollection();
        services.AddHttpContextAccessor();
        services.AddQiyangAuth(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build());
        services.AddAreas(db);
        services.Replace(ServiceDescriptor.Singleton(user));
        return services.BuildServiceProvider();
    }

    /// <summary>The demo's accounts, units and months of evaluation, in WAL as the console keeps it.</summary>
    private static async Task<TestDb> SeedAsync()
    {
        var db = new TestDb();
        await using (var ctx = db.CreateDbContext()) await DataSetup.MigrateAsync(ctx);
        var config = Seeds.Config();
        await Seeds.Runner(db, config, [new EvaluationSeed(config)]).RunAsync();
        return db;
    }

    /// <summary>The records the writers work on: three units with an accepted item each, a problem assigned to the first, an open and a reviewed month.</summary>
    private static async Task<World> WorldAsync(TestDb db)
    {
        string[] names = ["市自然资源局", "市交通运输局", "市住房和城乡建设局"];
        int[] units;
        string readerId, stewardId;
        int reviewed;
        await using (var ctx = db.CreateDbContext())
        {
            var byName = await ctx.Units.Where(u => names.Contains(u.Name)).ToDictionaryAsync(u => u.Name, u => u.Id);
            units = names.Select(n => byName[n]).ToArray();
            readerId = await ctx.Users.Where(u => u.UserName == "unit").Select(u => u.Id).SingleAsync();
            stewardId = await ctx.Users.Where(u => u.UserName == "steward").Select(u => u.Id).SingleAsync();
            // May was issued by the seed; taken back to reviewed so that the ranking job has a month to rank again and again.
            reviewed = await ctx.EvaluationPeriods.Where(p => p.Year == 2023 && p.Month == 5).Select(p => p.Id).SingleAsync();
            await ctx.EvaluationPeriods.Where(p => p.Id == reviewed).ExecuteUpdateAsync(s => s.SetProperty(p => p.State, PeriodState.Reviewed));
        }
        db.SignIn("office", AppRoles.Office);
        // Three enterprises: one the office edits, two the steward (working from two devices) visits.
        var enterprises = new int[3];
        for (var k = 0; k < 3; k++)
            enterprises[k] = await db.Get<EnterpriseService>().SaveAsync(new EnterpriseEdit { Name = $"祁阳并发测试{k}号有限公司", CreditCode = Enterprises.Kit.Code(900 + k), Industry = "建材" });
        await db.Get<StewardService>().AssignAsync([enterprises[1], enterprises[2]], stewardId, null);
        var items = db.Get<WorkItemService>();
        var ids = new int[3];
        for (var k = 0; k < 3; k++)
        {
            ids[k] = await items.CreateAsync(new WorkItemEdit { Title = $"压力测试事项{k}", Source = "会议", LeadUnitId = units[k], Deadline = new DateOnly(2023, 6, 30) });
            await items.AssignAsync(ids[k]);
        }
        var problems = db.Get<ProblemService>();
        var problem = await problems.RegisterAsync(new ProblemInput { EnterpriseName = "祁阳压力测试有限公司", Description = "压力测试问题", Category = "用地" });
        await problems.AssignAsync(problem, units[0], 10);
        var open = await db.Get<EvaluationService>().CreatePeriodAsync(2023, 6);
        var sheet = await db.Get<ScoreService>().SheetAsync(open);
        var indicator = sheet.Indicators.First(i => i.Source == ScoreSource.Entered).Id;
        for (var k = 0; k < 3; k++)
        {
            db.SignIn("unit", AppRoles.Unit, units[k], names[k]);
            await items.AcceptAsync(ids[k]);
        }
        return new World(units, names, ids, problem, enterprises[0], [(stewardId, enterprises[1]), (stewardId, enterprises[2])], open, reviewed, sheet.Units[0].Id, indicator, readerId);
    }
}
