using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Exchanges;
using QiyangConsole.Features.Projects;
using QiyangConsole.Features.WorkItems;

namespace QiyangConsole.Benchmark;

/// <summary>What the generator made that the scenarios need to find again.</summary>
public sealed record SyntheticFacts(int BenchPeriodId, int FocusStewardEnterprises, Dictionary<string, int> Rows);

/// <summary>
/// Grows the demo database to a scale: units in the three groups, stewards (the demo 'steward' keeps
/// a large share), enterprises with their assignments, visits over three years, projects, work items,
/// problems, and months of evaluation (issued rankings, and one reviewed month with a full score
/// sheet to rank). Deterministic (fixed seed), so runs compare.
/// </summary>
public static class SyntheticData
{
    public const string FocusSteward = "steward";

    public static async Task<SyntheticFacts> GrowAsync(AppDbContext db, BenchScale scale, DateOnly today, IPasswordHasher<AppUser> hasher)
    {
        var random = new Random(20230518);
        var rows = new Dictionary<string, int>();
        var groups = await db.UnitGroups.OrderBy(g => g.SortOrder).Select(g => g.Id).ToListAsync();
        var labels = (await db.DictionaryItems.Select(d => new { d.Type, d.Label }).ToListAsync())
            .GroupBy(d => d.Type).ToDictionary(g => g.Key, g => g.Select(x => x.Label).ToArray());
        string[] Labels(string type, params string[] fallback) => labels.TryGetValue(type, out var l) && l.Length > 0 ? l : fallback;
        var industries = Labels("industry", "其他");
        var zones = Labels("park-zone", "高新区");
        var regions = Labels("region", "其他");
        var investorTypes = Labels("investor-type", "其他");
        var categories = Labels("problem-category", "其他");
        var sources = Labels("work-source", "其他");
        T Pick<T>(T[] items) => items[random.Next(items.Length)];
        DateOnly DayBefore(int maxDaysBack) => today.AddDays(-random.Next(maxDaysBack));

        // Units, spread over the groups (about half, a third, the rest).
        var unitCount = await db.Units.CountAsync();
        var nextUnit = await BulkInsert.NextIdAsync<Unit>(db);
        rows["Units"] = await BulkInsert.RowsAsync(db, Enumerable.Range(0, Math.Max(0, scale.Units - unitCount)).Select(i => new Unit
        {
            Id = nextUnit + i, Name = $"基准单位{i + 1:00000}", ShortName = $"单位{i + 1}", IsActive = true, SortOrder = 1000 + i,
            GroupId = groups[(i % 6) switch { < 3 => 0, < 5 => 1 % groups.Count, _ => 2 % groups.Count }],
        }));
        var unitIds = await db.Units.Where(u => u.GroupId != null && u.IsActive).Select(u => u.Id).ToArrayAsync();

        // Stewards: the demo ones plus synthetic accounts (never signed in; one password hash for all).
        var stewardRole = await db.Roles.Where(r => r.Name == AppRoles.Steward).Select(r => r.Id).SingleAsync();
        var existing = await db.UserRoles.CountAsync(r => r.RoleId == stewardRole);
        var template = new AppUser { DisplayName = "" };
        var hash = hasher.HashPassword(template, Guid.NewGuid().ToString("N") + "Aa1!");
        var newStewards = Enumerable.Range(0, Math.Max(0, scale.Stewards - existing)).Select(i => new AppUser
        {
            Id = $"bench-steward-{i:0000}", UserName = $"bench-steward-{i:0000}", NormalizedUserName = $"BENCH-STEWARD-{i:0000}",
            DisplayName = $"管家{i + 1:0000}", PasswordHash = hash, SecurityStamp = Guid.NewGuid().ToString("N"),
            ConcurrencyStamp = Guid.NewGuid().ToString(), LockoutEnabled = true, CreatedAt = DateTime.UtcNow,
        }).ToList();
        rows["Stewards"] = await BulkInsert.RowsAsync(db, newStewards);
        await BulkInsert.RowsAsync(db, newStewards.Select(s => new IdentityUserRole<string> { UserId = s.Id, RoleId = stewardRole }));
        var focus = await db.Users.Where(u => u.UserName == FocusSteward).Select(u => u.Id).SingleAsync();
        var others = await db.UserRoles.Where(r => r.RoleId == stewardRole && r.UserId != focus).Select(r => r.UserId).ToArrayAsync();
        var leaderRole = await db.Roles.Where(r => r.Name == AppRoles.Leader).Select(r => r.Id).SingleAsync();
        var leaders = await db.UserRoles.Where(r => r.RoleId == leaderRole).Select(r => r.UserId).ToArrayAsync();

        // Enterprises: the focus steward's share first, the rest round the other stewards.
        var enterpriseCount = await db.Enterprises.CountAsync();
        var focusHas = await db.Enterprises.CountAsync(e => e.StewardId == focus);
        var nextEnterprise = await BulkInsert.NextIdAsync<Enterprise>(db);
        var newEnterprises = Enumerable.Range(0, Math.Max(0, scale.Enterprises - enterpriseCount)).Select(i =>
        {
            var steward = i < scale.FocusStewardEnterprises - focusHas ? focus : others[i % others.Length];
            return new Enterprise
            {
                Id = nextEnterprise + i, Name = $"基准企业{i + 1:000000}有限公司", CreditCode = Code("B", i), Industry = Pick(industries),
                IsAboveSize = i % 7 == 0, Address = $"高新区基准路{i % 500 + 1}号", ContactPerson = $"联系人{i % 997}",
                ContactPhone = $"139{i:00000000}", Zone = Pick(zones), StewardId = steward, StewardSince = DayBefore(1000),
            };
        }).ToList();
        rows["Enterprises"] = await BulkInsert.RowsAsync(db, newEnterprises);
        await BulkInsert.RowsAsync(db, newEnterprises.Select(e => new StewardAssignment
        {
            EnterpriseId = e.Id, StewardId = e.StewardId!, From = e.StewardSince!.Value, By = "bench",
        }));

        // Visits over three years by each enterprise's steward.
        var stewardOf = await db.Enterprises.Where(e => e.StewardId != null).Select(e => new { e.Id, e.StewardId }).ToArrayAsync();
        var visitCount = await db.Visits.CountAsync();
        rows["Visits"] = await BulkInsert.RowsAsync(db, Enumerable.Range(0, Math.Max(0, scale.Visits - visitCount)).Select(i =>
        {
            var e = stewardOf[i % stewardOf.Length];
            var on = DayBefore(1095);
            return new Visit
            {
                EnterpriseId = e.Id, StewardId = e.StewardId!, VisitedOn = on, Duties = (StewardDuties)(1 << (i % 5)) | StewardDuties.Informant,
                Done = "走访企业，宣传惠企政策，了解生产经营情况", ProblemsFound = i % 9 == 0 ? "用工缺口约 20 人" : null,
                NextContactOn = on.AddDays(30), CreatedAt = on.ToDateTime(new TimeOnly(10, 0), DateTimeKind.Utc),
            };
        }));

        // Projects in every stage, led by the units and contact leaders.
        var projectCount = await db.Projects.CountAsync();
        rows["Projects"] = await BulkInsert.RowsAsync(db, Enumerable.Range(0, Math.Max(0, scale.Projects - projectCount)).Select(i =>
        {
            var stage = (ProjectStage)(i % 5);
            var negotiating = DayBefore(1095);
            DateOnly? After(int s, int days) => (int)stage >= s ? negotiating.AddDays(days) : null;
            return new Project
            {
                Name = $"基准项目{i + 1:000000}", Investor = $"基准投资{i % 5000:0000}有限公司", Industry = Pick(industries),
                OriginRegion = Pick(regions), InvestorType = Pick(investorTypes), InvestmentWan = 1000 + random.Next(200_000),
                Stage = stage, NegotiatingOn = negotiating, SignedOn = After(1, 30), LandedOn = After(2, 60), StartedOn = After(3, 120),
                ProducingOn = After(4, 300), ContactLeaderId = Pick(leaders), LeadUnitId = Pick(unitIds),
            };
        }));

        // Work items with deadlines around today, in every state and light.
        var workItemCount = await db.WorkItems.CountAsync();
        rows["WorkItems"] = await BulkInsert.RowsAsync(db, Enumerable.Range(0, Math.Max(0, scale.WorkItems - workItemCount)).Select(i =>
        {
            var state = (WorkItemState)(i % 6);
            return new WorkItem
            {
                Title = $"基准重点工作{i + 1:00000}", Source = Pick(sources), Urgency = (Urgency)(i % 3), LeadUnitId = Pick(unitIds),
                Deadline = today.AddDays(random.Next(-200, 200)), State = state, Light = (WarningLight)(i % 4),
                Percent = state == WorkItemState.Closed ? 100 : random.Next(100), CreatedAt = DayBefore(700).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc),
                ClosedOn = state == WorkItemState.Closed ? DayBefore(100) : null,
            };
        }));

        // Problems raised by enterprises, assigned to units.
        var problemCount = await db.Problems.CountAsync();
        rows["Problems"] = await BulkInsert.RowsAsync(db, Enumerable.Range(0, Math.Max(0, scale.Problems - problemCount)).Select(i =>
        {
            var state = (ProblemState)(i % 6);
            var raised = DayBefore(1095);
            return new Problem
            {
                EnterpriseName = $"基准企业{i % 50_000 + 1:000000}有限公司", Description = "企业反映审批材料重复提交", Category = Pick(categories),
                IsUrgent = i % 10 == 0, State = state, UnitId = state == ProblemState.Registered ? null : Pick(unitIds),
                LimitDays = 15, Deadline = raised.AddDays(21), RaisedOn = raised,
                ResolvedOn = state >= ProblemState.Resolved ? raised.AddDays(random.Next(1, 30)) : null,
            };
        }));

        var periodId = await GrowEvaluationAsync(db, scale, today, unitIds, random, rows);
        return new SyntheticFacts(periodId, Math.Max(focusHas, scale.FocusStewardEnterprises), rows);
    }

    /// <summary>A valid 统一社会信用代码 numbered <paramref name="n"/> in a series (B: generated, C: import file).</summary>
    public static string Code(string series, int n)
    {
        var first17 = $"91431121{series}{n:00000000}";
        return first17 + CreditCode.CheckCharacter(first17);
    }

    /// <summary>
    /// Months before today that the demo does not have: every one but the latest issued with a
    /// ranking; the latest reviewed with a full score sheet (units × indicators) for the ranking job.
    /// </summary>
    private static async Task<int> GrowEvaluationAsync(AppDbContext db, BenchScale scale, DateOnly today, int[] unitIds, Random random, Dictionary<string, int> rows)
    {
        var taken = (await db.EvaluationPeriods.Select(p => new { p.Year, p.Month }).ToListAsync()).Select(p => p.Year * 12 + p.Month - 1).ToHashSet();
        var months = new List<int>();
        for (var m = today.Year * 12 + today.Month - 2; months.Count < scale.Months; m--)
            if (!taken.Contains(m)) months.Add(m);
        months.Reverse();
        var schemes = await db.IndicatorSchemes.ToDictionaryAsync(s => s.Year, s => s.Id);
        var indicatorsOf = new Dictionary<int, int[]>();
        foreach (var year in months.Select(m => m / 12).Distinct())
        {
            if (!schemes.ContainsKey(year))
            {
                var scheme = new IndicatorScheme { Name = $"{year}年度优化发展环境工作考核方案（基准）", Year = year };
                db.IndicatorSchemes.Add(scheme);
                for (var i = 0; i < scale.Indicators; i++)
                    scheme.Indicators.Add(new Indicator
                    {
                        Name = $"指标{i + 1:00}", SortOrder = i, Source = ScoreSource.Entered,
                        Kind = i < scale.Indicators - 4 ? IndicatorKind.Base : i < scale.Indicators - 2 ? IndicatorKind.Bonus : IndicatorKind.Deduction,
                        MaxPoints = i < scale.Indicators - 4 ? 10 : 3,
                    });
                await db.SaveChangesAsync();
                schemes[year] = scheme.Id;
            }
            indicatorsOf[schemes[year]] = await db.Indicators.Where(i => i.SchemeId == schemes[year]).Select(i => i.Id).ToArrayAsync();
        }
        var nextPeriod = await BulkInsert.NextIdAsync<EvaluationPeriod>(db);
        var periods = months.Select((m, i) => new EvaluationPeriod
        {
            Id = nextPeriod + i, Year = m / 12, Month = m % 12 + 1, SchemeId = schemes[m / 12],
            State = i == months.Count - 1 ? PeriodState.Reviewed : PeriodState.Issued, ReviewedBy = "bench",
        }).ToList();
        rows["Months"] = await BulkInsert.RowsAsync(db, periods);
        var groupOf = await db.Units.Where(u => u.GroupId != null).ToDictionaryAsync(u => u.Id, u => u.GroupId!.Value);
        rows["Rankings"] = await BulkInsert.RowsAsync(db, periods.SkipLast(1).SelectMany(p => unitIds.Select((u, i) => new RankingEntry
        {
            PeriodId = p.Id, UnitId = u, GroupId = groupOf[u], Total = 60 + i % 40, IndicatorPoints = 60 + i % 40, Rank = i % 700 + 1,
        })));
        var bench = periods[^1];
        rows["Scores"] = await BulkInsert.RowsAsync(db, unitIds.SelectMany(u => indicatorsOf[bench.SchemeId].Select(ind => new Score
        {
            // Points on a half-point grid, so totals tie as real sheets do.
            PeriodId = bench.Id, UnitId = u, IndicatorId = ind, Points = random.Next(0, 7) / 2m,
        })));
        return bench.Id;
    }
}
