using System.Text;
using System.Text.Json;
using ClosedXML.Excel;
using Microsoft.EntityFrameworkCore;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Export;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Excel;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Evaluation;

/// <summary>The evaluation area on a real, migrated SQLite file with the 2023 January–May demo data.</summary>
public class EvaluationDataTests
{
    private const string Office = "office";

    [DbFact]
    public async Task The_seeded_2023_figures_come_out_when_computed_from_the_records()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn(Office, AppRoles.Office);

        await using var ctx = db.CreateDbContext();
        var circulars = await ctx.Circulars.AsNoTracking().Include(c => c.CriticisedUnits).Where(c => c.Year == 2023 && c.IssuedAt != null).OrderBy(c => c.Number).ToListAsync();
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, circulars.Select(c => c.Number ?? 0));
        // The source (2023-05-18): 19 lagging units criticised so far this year — the circulars of January to April, one unit twice;
        // the May circular (issued 2023-06-07) names five more.
        var bySource = circulars.Where(c => c.IssueDate <= new DateOnly(2023, 5, 18)).ToList();
        Assert.Equal(new[] { 1, 2, 3, 4 }, bySource.Select(c => c.Number ?? 0));
        Assert.Equal(19, bySource.SelectMany(c => c.CriticisedUnitIds()).Distinct().Count());
        Assert.Equal(24, circulars.SelectMany(c => c.CriticisedUnitIds()).Distinct().Count());

        var figures = await db.Figures<EvaluationFigures>().FiguresAsync(new(new DateOnly(2023, 1, 1), new DateOnly(2023, 5, 18)), default);
        Assert.Equal(("通报批评后进单位", "19", "4 期月度通报"), (figures[0].Label, figures[0].Value, figures[0].Note));
        Assert.Equal(("表态发言", "8", "市级领导 2 名 · 单位主要负责人 6 名"), (figures[1].Label, figures[1].Value, figures[1].Note));
        var year = await db.Figures<EvaluationFigures>().FiguresAsync(QiyangConsole.Features.Dashboard.Period.Year(2023), default);
        Assert.Equal(("24", "5 期月度通报"), (year[0].Value, year[0].Note));
        Assert.Equal("市级领导 2 名 · 单位主要负责人 7 名", year[1].Note);

        // Every document of the seed falls on a working day: inspections, review meetings, circulars, statements.
        var calendar = await db.Get<QiyangConsole.Features.Administration.Calendar.CalendarService>().GetAsync();
        Assert.All(await ctx.Inspections.Select(i => i.Date).ToListAsync(), d => Assert.True(calendar.IsWorkingDay(d), $"inspection on {d}"));
        Assert.All(circulars, c => Assert.True(calendar.IsWorkingDay(c.IssueDate!.Value), $"circular {c.Number} on {c.IssueDate}"));
        Assert.All(await ctx.EvaluationPeriods.Select(p => p.ReviewedAt!.Value).ToListAsync(), t => Assert.True(calendar.IsWorkingDay(DateOnly.FromDateTime(TimeZoneInfo.ConvertTimeFromUtc(t, AppTime.Zone))), $"reviewed on {t}"));
        Assert.All(await ctx.Statements.Select(x => x.HeldOn).ToListAsync(), d => Assert.True(calendar.IsWorkingDay(d), $"statement on {d}"));
        Assert.Equal(new DateOnly(2023, 4, 6), circulars.Single(c => c.Number == 3).IssueDate); // not 清明 (04-05)

        var periods = await ctx.EvaluationPeriods.AsNoTracking().Where(p => p.Year == 2023).OrderBy(p => p.Month).ToListAsync();
        Assert.Equal(new[] { 1, 2, 3, 4, 5 }, periods.Select(p => p.Month));
        var ranking = db.Get<RankingService>();
        foreach (var period in periods)
        {
            Assert.Equal(PeriodState.Issued, period.State);
            var rows = await ranking.RankingAsync(period.Id);
            Assert.Equal(43, rows.Count);
            var lagging = rows.Where(r => r.IsLagging).ToList();
            Assert.Equal(5, lagging.Count);
            Assert.Equal(2, lagging.Count(r => r.GroupName == "市直单位"));
            Assert.Equal(2, lagging.Count(r => r.GroupName == "乡镇街道"));
            Assert.Single(lagging, r => r.GroupName == "园区");
            var circular = circulars.Single(c => c.PeriodId == period.Id);
            Assert.Equal(period.Month, circular.Number);
            Assert.Equal(lagging.Select(r => r.UnitId).Order(), circular.CriticisedUnitIds().Order());
        }

        var quarter = await db.Get<QuarterService>().ReviewAsync(2023, 1);
        Assert.Equal(43, quarter.Count);
        Assert.All(quarter, q => Assert.Equal(3, q.Result.Months));
        // By the rule (two lagging months in the quarter) one head makes a statement at the quarter's meeting; the others of
        // the source's six spoke at monthly meetings or were called by the office (the Statement records).
        var statements = quarter.Where(q => q.MustMakeStatement).ToList();
        Assert.Equal("市水利局", Assert.Single(statements).UnitName);
        Assert.Equal(2, statements[0].Result.LaggingMonths);
        var made = await db.Get<StatementService>().StatementsAsync(new(new DateOnly(2023, 1, 1), new DateOnly(2023, 5, 18)));
        Assert.Equal(9, made.Count); // the head of 市水利局 spoke twice
        Assert.Equal(2, made.Count(m => m.ByLeader));
        Assert.Equal(new[] { "市水利局", "下马渡镇", "高新区企业服务中心", "市市场监督管理局", "肖家村镇", "金洞镇" }.Order(StringComparer.Ordinal),
            made.Where(m => !m.ByLeader).Select(m => m.UnitName!).Distinct().Order(StringComparer.Ordinal));
        Assert.All(made.Where(m => m.Meeting.Contains("季度")), m => Assert.Equal(new DateOnly(2023, 4, 12), m.HeldOn));
    }

    [DbFact]
    public async Task A_month_goes_from_findings_and_scores_through_review_ranking_and_circular_to_locked()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn(Office, AppRoles.Office);
        db.Clock.Now = new DateTimeOffset(2023, 7, 3, 9, 0, 0, TimeSpan.FromHours(8));
        var evaluation = db.Get<EvaluationService>();
        var scores = db.Get<ScoreService>();
        var findings = db.Get<FindingService>();
        var ranking = db.Get<RankingService>();
        var circulars = db.Get<CircularService>();

        var june = await evaluation.CreatePeriodAsync(2023, 6);
        var sheet = await scores.SheetAsync(june);
        Assert.Equal(43, sheet.Units.Count);
        var water = sheet.Units.Single(u => u.Name == "市水利局");
        var fromFindings = sheet.Indicators.Single(i => i.Source == ScoreSource.Findings);
        Assert.Equal("督查发现问题整改", fromFindings.Name);
        Assert.Equal(20m, fromFindings.MaxPoints);

        var inspection = await findings.AddInspectionAsync(june, new DateOnly(2023, 6, 14), "6月优化发展环境工作专项督查", "专班督查组");
        await findings.AddFindingAsync(new FindingInput
        {
            InspectionId = inspection, UnitId = water.Id, Description = "驻企联络室未按时值班", IndicatorId = fromFindings.Id, Deduction = 3,
        });

        // Every entered indicator for every unit: base items full except the first, which falls 0.1 per unit; no bonus, no deduction.
        var entered = sheet.Indicators.Where(i => i.Source == ScoreSource.Entered).ToList();
        var firstBase = entered.First(i => i.Kind == IndicatorKind.Base);
        var baseMax = sheet.Indicators.Where(i => i.Kind == IndicatorKind.Base).Sum(i => i.MaxPoints);
        Assert.Equal(100m, baseMax);
        var inputs = new List<ScoreInput>();
        var expectedTotal = new Dictionary<int, decimal>();
        for (var n = 0; n < sheet.Units.Count; n++)
        {
            var unit = sheet.Units[n];
            foreach (var indicator in entered)
            {
                var points = indicator.Kind != IndicatorKind.Base ? 0m
                    : indicator.Id == firstBase.Id ? indicator.MaxPoints - 0.1m * n
                    : indicator.MaxPoints;
                inputs.Add(new ScoreInput(unit.Id, indicator.Id, points, 0));
            }
            expectedTotal[unit.Id] = baseMax - 0.1m * n - (unit.Id == water.Id ? 3m : 0m);
        }
        await scores.SaveAsync(june, inputs);

        // Before review the derived points are shown from the findings but not yet stored.
        var open = await scores.SheetAsync(june);
        Assert.Equal(17m, open.Cells[(water.Id, fromFindings.Id)].Points);
        Assert.True(open.Cells[(water.Id, fromFindings.Id)].IsDerived);
        await using (var ctx = db.CreateDbContext())
        {
            Assert.Equal(inputs.Count, await ctx.Scores.CountAsync(s => s.PeriodId == june));
            Assert.False(await ctx.Scores.AnyAsync(s => s.PeriodId == june && s.IndicatorId == fromFindings.Id));
        }

        await evaluation.TransitionAsync(june, PeriodAction.Review, (await evaluation.PeriodAsync(june)).Version);
        var reviewed = await evaluation.PeriodAsync(june);
        Assert.Equal(PeriodState.Reviewed, reviewed.State);
        Assert.Equal(Office, reviewed.ReviewedBy);
        await using (var ctx = db.CreateDbContext())
        {
            var derived = await ctx.Scores.AsNoTracking().Where(s => s.PeriodId == june && s.IndicatorId == fromFindings.Id).ToListAsync();
            Assert.Equal(43, derived.Count);
            Assert.All(derived, s => Assert.True(s.IsDerived));
            Assert.Equal(17m, derived.Single(s => s.UnitId == water.Id).Points);
            Assert.All(derived.Where(s => s.UnitId != water.Id), s => Assert.Equal(20m, s.Points));
        }

        var message = await ranking.ComputeAsync(june);
        Assert.Contains("43 个单位", message);
        Assert.Contains("后进 5 个", message);
        var ranked = await evaluation.PeriodAsync(june);
        Assert.Equal(PeriodState.Ranked, ranked.State);
        Assert.NotNull(ranked.RankedAt);

        var rows = await ranking.RankingAsync(june);
        Assert.Equal(43, rows.Count);
        Assert.All(rows, r => Assert.Equal(expectedTotal[r.UnitId], r.Total));
        var waterRow = rows.Single(r => r.UnitId == water.Id);
        Assert.Equal(baseMax - 3m - 0.1m * sheet.Units.IndexOf(water), waterRow.IndicatorPoints);
        Assert.Equal(20, waterRow.Rank);  // lowest of the 20 市直单位
        Assert.True(waterRow.IsLagging);
        Assert.Equal(5, rows.Count(r => r.IsLagging));
        Assert.All(rows, r => Assert.Equal(1 + rows.Count(o => o.GroupId == r.GroupId && o.Total > r.Total), r.Rank));

        var may = await PeriodIdAsync(db, 2023, 5);
        var mayRanks = (await ranking.RankingAsync(may)).ToDictionary(r => r.UnitId, r => r.Rank);
        Assert.All(rows, r => Assert.Equal((int?)mayRanks[r.UnitId], r.PreviousRank));

        // Idempotent: running the job again gives the same rows, not a second set.
        await ranking.ComputeAsync(june);
        var again = await ranking.RankingAsync(june);
        Assert.Equal(rows.Count, again.Count);
        Assert.Equal(rows, again);
        await using (var ctx = db.CreateDbContext())
            Assert.Equal(43, await ctx.Rankings.CountAsync(r => r.PeriodId == june));

        var doc = await circulars.DocumentAsync(june);
        Assert.Equal(0, doc.Circular.Id);
        Assert.Null(doc.Circular.IssuedAt);
        Assert.Equal(6, doc.Circular.Number);
        Assert.Equal("祁优专〔2023〕6号", doc.NumberText);
        Assert.Equal(CircularService.DefaultTitle(2023, 6), doc.Circular.Title);
        Assert.Equal(new DateOnly(2023, 7, 3), doc.Circular.IssueDate);
        Assert.Equal(rows.Where(r => r.IsLagging).Select(r => r.UnitName), doc.CriticisedUnits);
        Assert.Contains("市水利局", doc.CriticisedUnits);

        await circulars.SaveDraftAsync(doc.Circular);
        Circular draft;
        await using (var ctx = db.CreateDbContext())
            draft = await ctx.Circulars.AsNoTracking().Include(c => c.CriticisedUnits).SingleAsync(c => c.PeriodId == june);
        Assert.Equal(6, draft.Number);
        Assert.Null(draft.IssuedAt);
        Assert.Equal(rows.Where(r => r.IsLagging).Select(r => r.UnitId), draft.CriticisedUnitIds());

        await circulars.IssueAsync(june, draft.Version);
        Assert.Equal(PeriodState.Issued, (await evaluation.PeriodAsync(june)).State);
        await using (var ctx = db.CreateDbContext())
        {
            var issued = await ctx.Circulars.AsNoTracking().SingleAsync(c => c.PeriodId == june);
            Assert.NotNull(issued.IssuedAt);
            Assert.Equal(Office, issued.IssuedBy);
        }
        Assert.Equal(6, (await evaluation.PeriodsAsync(2023)).Single(p => p.Month == 6).CircularNumber);

        var refused = await Assert.ThrowsAsync<DomainException>(() => scores.SaveAsync(june, [new ScoreInput(water.Id, firstBase.Id, 1m, 0)]));
        Assert.Equal("该月已通报并锁定，如需修改请走更正流程", refused.Message);
        var rerank = await Assert.ThrowsAsync<InvalidOperationException>(() => ranking.ComputeAsync(june));
        Assert.Contains("锁定", rerank.Message);
        await using (var ctx = db.CreateDbContext())
        {
            var kept = await ctx.Scores.AsNoTracking().SingleAsync(s => s.PeriodId == june && s.UnitId == water.Id && s.IndicatorId == firstBase.Id);
            Assert.Equal(firstBase.MaxPoints - 0.1m * sheet.Units.IndexOf(water), kept.Points);
        }
        Assert.Equal(rows, await ranking.RankingAsync(june));
    }

    [DbFact]
    public async Task Out_of_range_scores_are_refused_together_in_one_message_and_nothing_of_the_batch_is_saved()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn(Office, AppRoles.Office);
        var scores = db.Get<ScoreService>();
        var june = await db.Get<EvaluationService>().CreatePeriodAsync(2023, 6);
        var sheet = await scores.SheetAsync(june);
        var tooHigh = sheet.Units.Single(u => u.Name == "市发展和改革局");
        var negative = sheet.Units.Single(u => u.Name == "高新区综合管理局");
        var fine = sheet.Units.Single(u => u.Name == "市税务局");
        var project = sheet.Indicators.Single(i => i.Name == "重点项目推进");
        var satisfaction = sheet.Indicators.Single(i => i.Name == "营商环境满意度");

        var ex = await Assert.ThrowsAsync<DomainException>(() => scores.SaveAsync(june,
        [
            new ScoreInput(fine.Id, project.Id, 20m, 0),
            new ScoreInput(tooHigh.Id, project.Id, 25.5m, 0),
            new ScoreInput(negative.Id, satisfaction.Id, -1m, 0),
        ]));
        Assert.Contains("市发展和改革局的“重点项目推进”分值应在 0 至 25 之间", ex.Message);
        Assert.Contains("高新区综合管理局的“营商环境满意度”分值应在 0 至 20 之间", ex.Message);
        Assert.Equal(2, ex.Message.Split('；').Length);
        Assert.DoesNotContain(fine.Name, ex.Message);
        Assert.Empty(await ScoresAsync(db, june));

        // The same batch with the two values corrected goes through.
        await scores.SaveAsync(june,
        [
            new ScoreInput(fine.Id, project.Id, 20m, 0),
            new ScoreInput(tooHigh.Id, project.Id, 25m, 0),
            new ScoreInput(negative.Id, satisfaction.Id, 0m, 0),
        ]);
        Assert.Equal(3, (await ScoresAsync(db, june)).Count);
    }

    [DbFact]
    public async Task Import_saves_a_good_file_and_lists_every_bad_cell_of_a_bad_one_without_saving_anything()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn(Office, AppRoles.Office);
        var scores = db.Get<ScoreService>();
        var june = await db.Get<EvaluationService>().CreatePeriodAsync(2023, 6);
        var sheet = await scores.SheetAsync(june);
        var projectIndicator = sheet.Indicators.Single(i => i.Name == "重点项目推进");
        const int firstRow = 3;
        int project, satisfaction;
        using (var template = ScoreSheetExcel.Template(sheet))
        {
            var ws = template.Worksheet(1);
            Assert.Equal("考核单位", ws.Cell(2, 1).GetString());
            Assert.Equal(sheet.Units.Select(u => u.Name), Enumerable.Range(firstRow, sheet.Units.Count).Select(r => ws.Cell(r, 1).GetString()));
            project = ColumnOf(ws, "重点项目推进");
            satisfaction = ColumnOf(ws, "营商环境满意度");
            Assert.Throws<InvalidOperationException>(() => ColumnOf(ws, "督查发现问题整改"));  // derived from findings: not in the template
        }

        using var good = FilledTemplate(sheet, ws =>
        {
            for (var i = 0; i < sheet.Units.Count; i++)
            {
                ws.Cell(firstRow + i, project).SetValue(20);
                ws.Cell(firstRow + i, satisfaction).SetValue(15);
            }
        });
        var (imported, errors) = await scores.ImportAsync(june, good);
        Assert.Empty(errors);
        Assert.Equal(sheet.Units.Count * 2, imported);
        var saved = await ScoresAsync(db, june);
        Assert.Equal(sheet.Units.Count * 2, saved.Count);
        Assert.Contains((sheet.Units[0].Id, projectIndicator.Id, 20m), saved);

        var current = await scores.SheetAsync(june);
        var units = current.Units;
        using var bad = FilledTemplate(current, ws =>
        {
            ws.Cell(3, project).SetValue("二十");
            ws.Cell(4, satisfaction).SetValue(25);
            ws.Cell(5, 1).SetValue("不存在的单位");
            ws.Cell(6, 1).SetValue(units[0].Name);
            ws.Cell(7, project).SetValue(18);  // valid, but must not be saved either
        });
        var (none, problems) = await scores.ImportAsync(june, bad);
        Assert.Equal(0, none);
        var p = XLHelper.GetColumnLetterFromNumber(project);
        var s = XLHelper.GetColumnLetterFromNumber(satisfaction);
        Assert.Equal(new[]
        {
            new ImportError(3, p, "“二十”不是数字"),
            new ImportError(4, s, $"{units[1].Name}的“营商环境满意度”分值应在 0 至 20 之间"),
            new ImportError(5, "A", "单位“不存在的单位”不存在或不参加考核"),
            new ImportError(6, "A", $"单位“{units[0].Name}”与第 3 行重复"),
        }, problems);
        Assert.Equal(saved, await ScoresAsync(db, june));

        using var csv = new MemoryStream(Encoding.UTF8.GetBytes("考核单位,重点项目推进\r\n市水利局,20\r\n"));
        var (nothing, notExcel) = await scores.ImportAsync(june, csv);
        Assert.Equal(0, nothing);
        var only = Assert.Single(notExcel);
        Assert.Equal(0, only.Row);
        Assert.Contains("Excel", only.Reason);
        Assert.Equal(saved, await ScoresAsync(db, june));
    }

    [DbFact]
    public async Task The_circular_workbook_is_laid_out_as_a_document_and_lists_the_ranking_as_computed()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn(Office, AppRoles.Office);
        var may = await PeriodIdAsync(db, 2023, 5);
        var rows = await db.Get<RankingService>().RankingAsync(may);
        var doc = await db.Get<CircularService>().DocumentAsync(may);
        Circular circular;
        await using (var ctx = db.CreateDbContext())
            circular = await ctx.Circulars.AsNoTracking().SingleAsync(c => c.PeriodId == may);
        var issueDate = circular.IssueDate ?? throw new InvalidOperationException("the seeded May circular has no issue date");

        using var built = CircularWorkbook.Build(doc, false);
        using var wb = Reopen(built);
        var ws = wb.Worksheet(1);
        var lines = ColumnA(ws);

        var issuer = ws.Cell(1, 1);
        Assert.Equal(circular.Issuer, issuer.GetString());
        Assert.Equal(CircularWorkbook.TitleFont, issuer.Style.Font.FontName);
        Assert.Equal(Argb(CircularWorkbook.Red), Argb(issuer.Style.Font.FontColor));
        Assert.Equal("祁优专〔2023〕5号", ws.Cell(2, 1).GetString());
        for (var c = 1; c <= 8; c++)
        {
            Assert.Equal(XLBorderStyleValues.Thick, ws.Cell(3, c).Style.Border.BottomBorder);
            Assert.Equal(Argb(CircularWorkbook.Red), Argb(ws.Cell(3, c).Style.Border.BottomBorderColor));
        }

        var title = ws.Cell(5, 1);
        Assert.Equal(string.Join("\n", GongwenTitle.Lines(circular.Title)), title.GetString());   // the title's lines as the Word document breaks them
        Assert.Equal("关于2023年5月全市优化发展环境\n工作考核排名情况的通报", title.GetString());
        Assert.Equal(CircularWorkbook.TitleFont, title.Style.Font.FontName);
        Assert.Equal(22d, title.Style.Font.FontSize);
        var summaryRow = lines.Single(l => l.Text == "　　" + circular.Summary).Row;
        Assert.Equal(CircularWorkbook.BodyFont, ws.Cell(summaryRow, 1).Style.Font.FontName);
        Assert.Equal(16d, ws.Cell(summaryRow, 1).Style.Font.FontSize);

        var headers = lines.Where(l => l.Text == "名次").Select(l => l.Row).ToList();
        var groups = rows.GroupBy(r => r.GroupName).ToList();
        Assert.Equal(3, groups.Count);
        Assert.Equal(groups.Count, headers.Count);
        for (var g = 0; g < groups.Count; g++)
        {
            var header = headers[g];
            Assert.True(header > summaryRow);
            Assert.Equal($"{groups[g].Key}排名情况", ws.Cell(header - 1, 1).GetString());
            Assert.Equal(CircularWorkbook.Headers, Enumerable.Range(1, 8).Select(c => ws.Cell(header, c).GetString()));
            var expected = groups[g].ToList();
            for (var i = 0; i < expected.Count; i++)
            {
                var row = header + 1 + i;
                Assert.Equal(expected[i].Rank, (int)ws.Cell(row, 1).GetDouble());
                Assert.Equal(expected[i].UnitName, ws.Cell(row, 2).GetString());
                Assert.Equal((double)expected[i].Total, ws.Cell(row, 6).GetDouble(), 2);
                Assert.Equal(expected[i].IsLagging ? "排名后进" : "", ws.Cell(row, 8).GetString());
                for (var c = 1; c <= 8; c++)
                    Assert.True(expected[i].IsLagging == HasFill(ws.Cell(row, c), CircularWorkbook.LaggingFill),
                        $"{expected[i].UnitName} (lagging: {expected[i].IsLagging}) column {c}");
            }
            Assert.Equal("", ws.Cell(header + 1 + expected.Count, 1).GetString());
        }
        Assert.Equal(5, rows.Count(r => r.IsLagging));

        Assert.Equal(XLPaperSize.A4Paper, ws.PageSetup.PaperSize);
        Assert.Equal(XLPageOrientation.Portrait, ws.PageSetup.PageOrientation);
        Assert.Equal(headers[0], ws.PageSetup.FirstRowToRepeatAtTop);

        Assert.Contains(lines, l => l.Text.Contains("对以下排名后进单位予以通报批评：" + string.Join("、", doc.CriticisedUnits)));
        var date = AppTime.DocumentDate(issueDate);
        Assert.Contains(lines, l => l.Text == date);
        // 主送机关 under the title (the 发 list); 报 in the 版记 above the printing line.
        var mainTo = lines.Single(l => l.Text == $"{circular.DistributeTo}：");
        Assert.True(mainTo.Row > 5 && mainTo.Row < summaryRow);
        var report = lines.Single(l => l.Text.StartsWith("报：", StringComparison.Ordinal));
        var printed = lines.Single(l => l.Text.EndsWith("印发", StringComparison.Ordinal));
        Assert.Equal($"报：{circular.ReportTo}", report.Text);
        Assert.DoesNotContain(lines, l => l.Text.StartsWith("发：", StringComparison.Ordinal));
        Assert.Equal($"{circular.PrintedBy}　　{date}印发", printed.Text);
        Assert.True(report.Row < printed.Row);
        Assert.DoesNotContain(lines, l => l.Text.StartsWith("抄送：", StringComparison.Ordinal));  // no CopyTo in the seed
        Assert.DoesNotContain(lines, l => l.Text == "更正");

        using var builtBlank = CircularWorkbook.Build(doc, true);
        using var blank = Reopen(builtBlank);
        var bs = blank.Worksheet(1);
        // Pre-printed paper carries the issuer and the red rule; the number is still printed.
        for (var c = 1; c <= 8; c++)
        {
            Assert.Equal("", bs.Cell(1, c).GetString());
            Assert.Equal("", bs.Cell(3, c).GetString());
            Assert.NotEqual(XLBorderStyleValues.Thick, bs.Cell(3, c).Style.Border.BottomBorder);
        }
        Assert.Equal("祁优专〔2023〕5号", bs.Cell(2, 1).GetString());
        Assert.DoesNotContain(ColumnA(bs), l => l.Text == circular.Issuer && l.Row < 4);
        Assert.Equal(string.Join("\n", GongwenTitle.Lines(circular.Title)), bs.Cell(5, 1).GetString());
        Assert.Equal(CircularWorkbook.TitleFont, bs.Cell(5, 1).Style.Font.FontName);
        Assert.Equal(22d, bs.Cell(5, 1).Style.Font.FontSize);
    }

    [DbFact]
    public void Text_that_looks_like_a_formula_is_written_as_a_plain_string()
    {
        string[] values = ["=HYPERLINK(\"x\")", "=1+1", "+1", "-1", "@SUM(A1)", "普通文字"];
        using var built = new XLWorkbook();
        var sheet = built.Worksheets.Add("t");
        for (var i = 0; i < values.Length; i++) sheet.Cell(i + 1, 1).Text(values[i]);
        for (var i = 0; i < values.Length - 1; i++) Assert.True(sheet.Cell(i + 1, 1).Style.IncludeQuotePrefix, values[i]);

        using var wb = Reopen(built);
        var ws = wb.Worksheet(1);
        for (var i = 0; i < values.Length; i++)
        {
            var cell = ws.Cell(i + 1, 1);
            Assert.False(cell.HasFormula, values[i]);
            Assert.Equal(XLDataType.Text, cell.DataType);
            Assert.Equal(values[i], cell.GetString());
        }
    }

    [DbFact]
    public async Task The_read_only_role_sees_the_scores_and_findings_of_issued_months_only()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn(Office, AppRoles.Office);
        var open = await db.Get<EvaluationService>().CreatePeriodAsync(2023, 6);
        var issued = await PeriodIdAsync(db, 2023, 5);
        var scores = db.Get<ScoreService>();
        var findings = db.Get<FindingService>();
        db.SignIn("viewer", AppRoles.Viewer);
        Assert.Equal(ScoreService.NotIssued, (await Assert.ThrowsAsync<DomainException>(() => scores.SheetAsync(open))).Message);
        Assert.Equal(ScoreService.NotIssued, (await Assert.ThrowsAsync<DomainException>(() => findings.InspectionsAsync(open))).Message);
        Assert.NotEmpty((await scores.SheetAsync(issued)).Cells);
        db.SignIn("leader", AppRoles.Leader);
        Assert.NotEmpty((await scores.SheetAsync(open)).Units);
        await findings.InspectionsAsync(open);
    }

    [DbFact]
    public async Task Formula_like_unit_names_and_circular_text_export_as_plain_strings()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn("sysadmin", AppRoles.SysAdmin);
        const string evil = "=HYPERLINK(\"x\")";
        var units = db.Get<UnitService>();
        var water = (await units.TreeAsync()).Single(u => u.Name == "市水利局");
        await units.SaveAsync(new UnitEdit
        {
            Id = water.Id, Name = evil, ShortName = water.ShortName, ParentId = water.ParentId, GroupId = water.GroupId,
            HeadName = water.HeadName, Phone = water.Phone, SortOrder = water.SortOrder, IsActive = water.IsActive, Version = water.Version,
        });

        db.SignIn(Office, AppRoles.Office);
        var doc = await db.Get<CircularService>().DocumentAsync(await PeriodIdAsync(db, 2023, 5));
        Assert.Contains(doc.Rankings, r => r.UnitName == evil);
        doc.Circular.Title = "=1+1";
        doc.Circular.Summary = "=1+1 本月考核总体平稳";
        doc.Circular.Issuer = "@发文机关";

        using var built = CircularWorkbook.Build(doc, false);
        using var wb = Reopen(built);
        var ws = wb.Worksheet(1);
        Assert.DoesNotContain(ws.CellsUsed(), c => c.HasFormula);

        var name = Assert.Single(ws.CellsUsed(), c => c.GetString() == evil);
        Assert.Equal(2, name.Address.ColumnNumber);
        Assert.False(name.HasFormula);
        Assert.Equal(XLDataType.Text, name.DataType);

        Assert.Equal("@发文机关", ws.Cell(1, 1).GetString());
        Assert.False(ws.Cell(1, 1).HasFormula);
        Assert.Equal("=1+1", ws.Cell(5, 1).GetString());
        Assert.False(ws.Cell(5, 1).HasFormula);
        Assert.Equal(XLDataType.Text, ws.Cell(5, 1).DataType);
        var summary = Assert.Single(ws.CellsUsed(), c => c.GetString().Contains("=1+1 本月考核总体平稳"));
        Assert.False(summary.HasFormula);
    }

    [DbFact]
    public async Task An_amendment_after_issue_needs_a_reason_rescores_reranks_and_shows_in_the_circular()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn(Office, AppRoles.Office);
        db.Clock.Now = new DateTimeOffset(2023, 6, 20, 15, 30, 0, TimeSpan.FromHours(8));
        var may = await PeriodIdAsync(db, 2023, 5);
        var ranking = db.Get<RankingService>();
        var circulars = db.Get<CircularService>();
        var before = await ranking.RankingAsync(may);
        var top = before.First(r => r.GroupName == "市直单位" && r.Rank == 1);
        var sheet = await db.Get<ScoreService>().SheetAsync(may);
        var project = sheet.Indicators.Single(i => i.Name == "重点项目推进");
        var old = sheet.Cells[(top.UnitId, project.Id)].Points ?? 0m;
        Assert.True(old > 0);
        List<int> criticisedBefore;
        await using (var ctx = db.CreateDbContext())
            criticisedBefore = (await ctx.Circulars.AsNoTracking().Include(c => c.CriticisedUnits).SingleAsync(c => c.PeriodId == may)).CriticisedUnitIds();

        var refused = await Assert.ThrowsAsync<DomainException>(() => circulars.AmendAsync(may, top.UnitId, project.Id, 0m, "  "));
        Assert.Equal("更正须填写原因", refused.Message);
        await using (var ctx = db.CreateDbContext())
        {
            Assert.False(await ctx.Amendments.AnyAsync(a => a.PeriodId == may));
            var unchanged = await ctx.Scores.AsNoTracking().SingleAsync(s => s.PeriodId == may && s.UnitId == top.UnitId && s.IndicatorId == project.Id);
            Assert.Equal(old, unchanged.Points);
        }
        Assert.Equal(before, await ranking.RankingAsync(may));

        const string reason = "经复核，该单位重点项目推进佐证材料不实";
        await circulars.AmendAsync(may, top.UnitId, project.Id, 0m, reason);

        await using (var ctx = db.CreateDbContext())
        {
            var amendment = Assert.Single(await ctx.Amendments.AsNoTracking().Where(a => a.PeriodId == may).ToListAsync());
            Assert.Equal(top.UnitId, amendment.UnitId);
            Assert.Equal(top.UnitName, amendment.UnitName);
            Assert.Equal("重点项目推进", amendment.IndicatorName);
            Assert.Equal(old, amendment.OldPoints);
            Assert.Equal(0m, amendment.NewPoints);
            Assert.Equal(reason, amendment.Reason);
            Assert.Equal(Office, amendment.By);
            Assert.Equal(db.Clock.GetUtcNow().UtcDateTime, amendment.At);
            var score = await ctx.Scores.AsNoTracking().SingleAsync(s => s.PeriodId == may && s.UnitId == top.UnitId && s.IndicatorId == project.Id);
            Assert.Equal(0m, score.Points);
            Assert.Equal("更正", score.Note);
            Assert.Equal(PeriodState.Issued, (await ctx.EvaluationPeriods.AsNoTracking().SingleAsync(p => p.Id == may)).State);
            Assert.Equal(criticisedBefore, (await ctx.Circulars.AsNoTracking().Include(c => c.CriticisedUnits).SingleAsync(c => c.PeriodId == may)).CriticisedUnitIds());
        }

        var after = await ranking.RankingAsync(may);
        Assert.Equal(43, after.Count);
        var moved = after.Single(r => r.UnitId == top.UnitId);
        Assert.Equal(top.Total - old, moved.Total);
        Assert.Equal(top.IndicatorPoints - old, moved.IndicatorPoints);
        Assert.True(moved.Rank > 1, $"rank after amendment: {moved.Rank}");
        var previous = before.ToDictionary(r => r.UnitId);
        Assert.All(after.Where(r => r.UnitId != top.UnitId), r => Assert.Equal(previous[r.UnitId].Total, r.Total));
        Assert.All(after, r => Assert.Equal(previous[r.UnitId].PreviousRank, r.PreviousRank));
        Assert.All(after, r => Assert.Equal(1 + after.Count(o => o.GroupId == r.GroupId && o.Total > r.Total), r.Rank));

        var doc = await circulars.DocumentAsync(may);
        Assert.Single(doc.Amendments);
        using var built = CircularWorkbook.Build(doc, false);
        using var wb = Reopen(built);
        var lines = ColumnA(wb.Worksheet(1));
        Assert.Contains(lines, l => l.Text == "更正");
        var line = Assert.Single(lines, l => l.Text.Contains("原因：" + reason));
        Assert.Contains(top.UnitName, line.Text);
        Assert.Contains("“重点项目推进”", line.Text);
        Assert.True(line.Row > lines.Single(l => l.Text == "更正").Row);
    }

    [DbFact]
    public async Task Score_changes_are_in_the_operation_log_under_the_office_user()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn(Office, AppRoles.Office, unitName: "专班办公室");
        var scores = db.Get<ScoreService>();
        var june = await db.Get<EvaluationService>().CreatePeriodAsync(2023, 6);
        var sheet = await scores.SheetAsync(june);
        var water = sheet.Units.Single(u => u.Name == "市水利局");
        var project = sheet.Indicators.Single(i => i.Name == "重点项目推进");

        await scores.SaveAsync(june, [new ScoreInput(water.Id, project.Id, 12.5m, 0)]);
        Score score;
        await using (var ctx = db.CreateDbContext())
            score = await ctx.Scores.AsNoTracking().SingleAsync(s => s.PeriodId == june && s.UnitId == water.Id && s.IndicatorId == project.Id);
        await scores.SaveAsync(june, [new ScoreInput(water.Id, project.Id, 15m, score.Version)]);

        await using (var ctx = db.CreateDbContext())
        {
            var key = score.Id.ToString();
            var log = await ctx.AuditEntries.AsNoTracking().Where(a => a.Entity == "Score" && a.EntityKey == key).OrderBy(a => a.Id).ToListAsync();
            Assert.Equal(new[] { "新增", "修改" }, log.Select(a => a.Action));
            Assert.All(log, a => Assert.Equal(Office, a.UserName));
            Assert.All(log, a => Assert.Equal("专班办公室", a.UnitName));
            var added = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(log[0].NewValues!)!;
            Assert.Equal(12.5m, added["Points"].GetDecimal());
            Assert.Equal(water.Id, added["UnitId"].GetInt32());
            var oldValues = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(log[1].OldValues!)!;
            var newValues = JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(log[1].NewValues!)!;
            Assert.Equal(12.5m, oldValues["Points"].GetDecimal());
            Assert.Equal(15m, newValues["Points"].GetDecimal());
            Assert.True(await ctx.AuditEntries.AnyAsync(a => a.Entity == "Score" && a.UserName == Office));
        }
    }

    private static async Task<int> PeriodIdAsync(TestDb db, int year, int month)
    {
        await using var ctx = db.CreateDbContext();
        return await ctx.EvaluationPeriods.Where(p => p.Year == year && p.Month == month).Select(p => p.Id).SingleAsync();
    }

    private static async Task<List<(int UnitId, int IndicatorId, decimal Points)>> ScoresAsync(TestDb db, int periodId)
    {
        await using var ctx = db.CreateDbContext();
        var rows = await ctx.Scores.AsNoTracking().Where(s => s.PeriodId == periodId)
            .OrderBy(s => s.UnitId).ThenBy(s => s.IndicatorId)
            .Select(s => new { s.UnitId, s.IndicatorId, s.Points }).ToListAsync();
        return rows.Select(s => (s.UnitId, s.IndicatorId, s.Points)).ToList();
    }

    /// <summary>Saves and reopens a workbook, as a user opening the downloaded file would see it.</summary>
    private static XLWorkbook Reopen(XLWorkbook workbook)
    {
        var stream = new MemoryStream();
        workbook.SaveAs(stream);
        stream.Position = 0;
        return new XLWorkbook(stream);
    }

    private static MemoryStream FilledTemplate(ScoreSheet sheet, Action<IXLWorksheet> fill)
    {
        using var wb = ScoreSheetExcel.Template(sheet);
        fill(wb.Worksheet(1));
        var stream = new MemoryStream();
        wb.SaveAs(stream);
        stream.Position = 0;
        return stream;
    }

    /// <summary>The template column of an indicator, found by its header (name followed by kind and range).</summary>
    private static int ColumnOf(IXLWorksheet ws, string indicator)
    {
        var last = ws.LastColumnUsed()?.ColumnNumber() ?? 0;
        for (var c = 1; c <= last; c++)
            if (ws.Cell(2, c).GetString().StartsWith(indicator + "（", StringComparison.Ordinal)) return c;
        throw new InvalidOperationException($"模板中没有“{indicator}”列");
    }

    private static List<(int Row, string Text)> ColumnA(IXLWorksheet ws)
    {
        var last = ws.LastRowUsed()?.RowNumber() ?? 0;
        return Enumerable.Range(1, last).Select(r => (Row: r, Text: ws.Cell(r, 1).GetString())).ToList();
    }

    private static int Argb(XLColor color) => color.Color.ToArgb();

    private static bool HasFill(IXLCell cell, XLColor color) =>
        cell.Style.Fill.PatternType != XLFillPatternValues.None
        && cell.Style.Fill.BackgroundColor.ColorType == XLColorType.Color
        && Argb(cell.Style.Fill.BackgroundColor) == Argb(color);
}
