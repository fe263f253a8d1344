using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Evaluation;

/// <summary>Everything a circular shows: the text, the ranking per group, the criticised units and the corrections.</summary>
public sealed record CircularDocument(EvaluationPeriod Period, Circular Circular, List<RankingRow> Rankings, List<string> CriticisedUnits, List<Amendment> Amendments, string IssuerCode = "")
{
    /// <summary>发文字号: the issuer's code (parameter <see cref="CircularService.IssuerCodeKey"/>) before 〔year〕N号, e.g. 祁优专〔2023〕5号.</summary>
    public string? NumberText => Circular.Number is { } n ? IssuerCode + CircularNumber.Format(Circular.Year, n) : null;
}

/// <summary>通报: drafting, issuing (which locks the month) and amendments afterwards.</summary>
public sealed class CircularService(IDbContextFactory<AppDbContext> factory, RankingService ranking, SettingsService settings, CurrentUser user, TimeProvider clock)
{
    public const string IssuerCodeKey = "circular.issuerCode";

    public static string DefaultTitle(int year, int month) => $"关于{year}年{month}月全市优化发展环境工作考核排名情况的通报";

    public async Task<CircularDocument> DocumentAsync(int periodId)
    {
        await using var db = await factory.CreateDbContextAsync();
        var period = await db.EvaluationPeriods.AsNoTracking().FirstOrDefaultAsync(p => p.Id == periodId) ?? throw new DomainException("考核月份不存在");
        var circular = await db.Circulars.AsNoTracking().Include(c => c.CriticisedUnits).FirstOrDefaultAsync(c => c.PeriodId == periodId);
        // An issued circular is public to every role; a draft only to the office and leaders.
        if (circular?.IssuedAt is null) user.Require(Access.OfficeOrLeader);
        var rows = await RankingService.RowsAsync(db, periodId);
        circular ??= await DraftAsync(db, period, rows);
        var names = rows.ToDictionary(r => r.UnitId, r => r.UnitName);
        var criticised = circular.CriticisedUnitIds().Select(id => names.GetValueOrDefault(id) ?? $"#{id}").ToList();
        var amendments = await db.Amendments.AsNoTracking().Where(a => a.PeriodId == periodId).OrderBy(a => a.Id).ToListAsync();
        var code = await settings.ParameterAsync(IssuerCodeKey) ?? "";
        return new CircularDocument(period, circular, rows, criticised, amendments, code);
    }

    private async Task<Circular> DraftAsync(AppDbContext db, EvaluationPeriod period, List<RankingRow> rows)
    {
        var lagging = rows.Where(r => r.IsLagging).ToList();
        var used = await db.Circulars.Where(c => c.Year == period.Year && c.Number != null).Select(c => c.Number!.Value).ToListAsync();
        return new Circular
        {
            PeriodId = period.Id, Year = period.Year, Number = used.Count == 0 ? 1 : used.Max() + 1,
            Title = DefaultTitle(period.Year, period.Month),
            Summary = $"按照“每月一督查、一考核、一排名、一通报”工作要求，专班对{period.Year}年{period.Month}月各考核单位优化发展环境工作进行了督查考核，现将排名情况通报如下。"
                + (lagging.Count > 0 ? $"对排名后进的{lagging.Count}个单位予以通报批评，请相关单位认真分析原因，切实抓好整改。" : ""),
            IssueDate = clock.Today(),
            ReportTo = "省发改委（省优化办），市委、市人大、市政府、市政协主要领导",
            DistributeTo = "市直相关单位、各乡镇（街道）、祁阳高新区",
        }.WithCriticised(lagging.Select(r => r.UnitId));
    }

    public async Task SaveDraftAsync(Circular edit)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var period = await db.EvaluationPeriods.FindAsync(edit.PeriodId) ?? throw new DomainException("考核月份不存在");
        DomainException.ThrowIf(CircularRules.DraftProblem(period.State));
        await ValidateAsync(db, edit, period);
        var circular = await db.Circulars.Include(c => c.CriticisedUnits).FirstOrDefaultAsync(c => c.PeriodId == edit.PeriodId);
        if (circular is null)
        {
            circular = new Circular { PeriodId = edit.PeriodId, Year = period.Year, Title = "" };
            db.Circulars.Add(circular);
        }
        else db.ExpectVersion(circular, edit.Version);
        circular.Number = edit.Number;
        circular.Title = edit.Title.Trim();
        circular.Summary = edit.Summary?.Trim();
        circular.Issuer = edit.Issuer.Trim();
        circular.IssueDate = edit.IssueDate;
        circular.ReportTo = edit.ReportTo?.Trim();
        circular.DistributeTo = edit.DistributeTo?.Trim();
        circular.CopyTo = edit.CopyTo?.Trim();
        circular.PrintedBy = edit.PrintedBy.Trim();
        // A change of the criticised units alone is still an edit of the circular: its version moves on.
        if (circular.Criticise(edit.CriticisedUnitIds()) && circular.Id != 0) db.Entry(circular).Property(c => c.Version).IsModified = true;
        await db.SaveOrConflictAsync();
    }

    /// <summary>Issues the saved draft: the month becomes 已通报 and is locked.</summary>
    public async Task IssueAsync(int periodId, int circularVersion)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var period = await db.EvaluationPeriods.FindAsync(periodId) ?? throw new DomainException("考核月份不存在");
        var circular = await db.Circulars.Include(c => c.CriticisedUnits).FirstOrDefaultAsync(c => c.PeriodId == periodId) ?? throw new DomainException("请先保存通报内容");
        db.ExpectVersion(circular, circularVersion);
        var (next, error) = PeriodStates.Apply(period.State, PeriodAction.Issue);
        DomainException.ThrowIf(error);
        await ValidateAsync(db, circular, period);
        period.State = next!.Value;
        circular.IssuedAt = clock.UtcNow();
        circular.IssuedBy = user.DisplayName;
        await db.SaveOrConflictAsync();
        await tx.CommitAsync();
    }

    /// <summary>更正: changes one score of an issued month with a reason, re-ranks it, and records who, when and why.</summary>
    public async Task AmendAsync(int periodId, int unitId, int indicatorId, decimal points, string? reason)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(CircularRules.AmendReasonProblem(reason));
        await using var db = await factory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var period = await db.EvaluationPeriods.FindAsync(periodId) ?? throw new DomainException("考核月份不存在");
        DomainException.ThrowIf(CircularRules.AmendStateProblem(period.State));
        var indicator = (await ScoreService.IndicatorsAsync(db, period.SchemeId)).FirstOrDefault(i => i.Id == indicatorId) ?? throw new DomainException("指标不属于本月考核方案");
        var unit = await db.Units.FindAsync(unitId) ?? throw new DomainException("单位不存在");
        var laggingBefore = await db.Rankings.Where(r => r.PeriodId == periodId && r.IsLagging).Select(r => r.UnitId).ToListAsync();
        if (!await db.Rankings.AnyAsync(r => r.PeriodId == periodId && r.UnitId == unitId))
            throw new DomainException($"{unit.Name}未参加{period.Year}年{period.Month}月排名，不能更正");
        DomainException.ThrowIf(Scoring.Check(indicator, points, unit.Name));
        var score = await db.Scores.FirstOrDefaultAsync(s => s.PeriodId == periodId && s.UnitId == unitId && s.IndicatorId == indicatorId);
        var old = score?.Points ?? 0;
        DomainException.ThrowIf(CircularRules.AmendChangeProblem(old, points));
        if (score is null) db.Scores.Add(new Score { PeriodId = periodId, UnitId = unitId, IndicatorId = indicatorId, Points = points, Note = "更正" });
        else { score.Points = points; score.Note = "更正"; }
        var amendment = new Amendment
        {
            PeriodId = periodId, UnitId = unitId, UnitName = unit.Name, IndicatorName = indicator.Name, OldPoints = old, NewPoints = points,
            Reason = reason!.Trim(), By = user.DisplayName, At = clock.UtcNow(),
        };
        db.Amendments.Add(amendment);
        await db.SaveChangesAsync();
        var ranked = await RankingService.RankAsync(db, period, await ranking.LaggingRuleAsync(), default, keepRankedUnits: true);
        amendment.Effect = await EffectAsync(db, laggingBefore, ranked.Where(r => r.IsLagging).Select(r => r.UnitId).ToList());
        await db.SaveOrConflictAsync();
        await tx.CommitAsync();
    }

    /// <summary>Names the units that entered or left the lagging group, so the corrected circular does not contradict itself.</summary>
    private static async Task<string?> EffectAsync(AppDbContext db, List<int> before, List<int> after)
    {
        var added = after.Except(before).ToList();
        var removed = before.Except(after).ToList();
        if (added.Count == 0 && removed.Count == 0) return null;
        var names = await db.Units.Where(u => added.Contains(u.Id) || removed.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name);
        var parts = new List<string>();
        if (removed.Count > 0) parts.Add($"{string.Join("、", removed.Select(id => names[id]))}更正后不再属于排名后进单位");
        if (added.Count > 0) parts.Add($"{string.Join("、", added.Select(id => names[id]))}更正后属于排名后进单位");
        return string.Join("；", parts) + "。";
    }

    private static async Task ValidateAsync(AppDbContext db, Circular c, EvaluationPeriod period)
    {
        DomainException.ThrowIf(CircularRules.HeadProblem(c.Title, c.Number));
        var number = c.Number!.Value;
        if (await db.Circulars.AnyAsync(x => x.Year == period.Year && x.Number == number && x.PeriodId != period.Id))
            throw new DomainException($"发文字号{CircularNumber.Format(period.Year, number)}已被使用");
        DomainException.ThrowIf(CircularRules.IssuerProblem(c.Issuer, c.IssueDate) ?? CircularRules.TextProblem(c.Summary, c.ReportTo, c.DistributeTo, c.CopyTo, c.PrintedBy));
        var ranked = await db.Rankings.Where(r => r.PeriodId == period.Id).Select(r => r.UnitId).ToListAsync();
        DomainException.ThrowIf(CircularRules.CriticisedProblem(c.CriticisedUnitIds(), ranked));
    }
}
