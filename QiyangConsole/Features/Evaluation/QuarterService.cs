using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Evaluation;

public sealed class QuarterRow
{
    public int UnitId { get; init; }
    public required string UnitName { get; init; }
    public required string GroupName { get; init; }
    public string? HeadName { get; init; }
    public required QuarterResult Result { get; init; }
    public Dictionary<int, (decimal Total, int Rank, bool Lagging)> Months { get; init; } = [];
    public string? Comment { get; set; }
    public bool MustMakeStatement { get; set; }
    public string? StatementBy { get; set; }
    public int Version { get; set; }
}

/// <summary>季度点评: the quarter's months per unit, the office's comment, and who makes a statement (表态发言).</summary>
public sealed class QuarterService(IDbContextFactory<AppDbContext> factory, CurrentUser user)
{
    public async Task<List<QuarterRow>> ReviewAsync(int year, int quarter)
    {
        user.Require(Access.Overseers);
        if (quarter is < 1 or > 4) throw new DomainException("季度应在 1 至 4 之间");
        await using var db = await factory.CreateDbContextAsync();
        var months = QuarterRules.MonthsOf(quarter).ToList();
        var lowest = RankingService.SeesDrafts(user) ? PeriodState.Ranked : PeriodState.Issued;
        var rankings = await db.Rankings.AsNoTracking()
            .Join(db.EvaluationPeriods.Where(p => p.Year == year && months.Contains(p.Month) && p.State >= lowest), r => r.PeriodId, p => p.Id, (r, p) => new { r, p.Month })
            .ToListAsync();
        var results = QuarterRules.Summarise(rankings.Select(x => new MonthResult(x.r.UnitId, x.r.GroupId, x.Month, x.r.Total, x.r.IsLagging)));
        var saved = await db.QuarterReviews.AsNoTracking().Where(q => q.Year == year && q.Quarter == quarter).ToDictionaryAsync(q => q.UnitId);
        var units = await db.Units.AsNoTracking().Include(u => u.Group).ToDictionaryAsync(u => u.Id);
        return results.Select(r =>
        {
            saved.TryGetValue(r.UnitId, out var s);
            var unit = units[r.UnitId];
            return new QuarterRow
            {
                UnitId = r.UnitId, UnitName = unit.Name, GroupName = unit.Group?.Name ?? "", HeadName = unit.HeadName, Result = r,
                Months = rankings.Where(x => x.r.UnitId == r.UnitId).ToDictionary(x => x.Month, x => (x.r.Total, x.r.Rank, x.r.IsLagging)),
                Comment = s?.Comment, MustMakeStatement = s?.MustMakeStatement ?? r.StatementByDefault,
                StatementBy = s?.StatementBy ?? (r.StatementByDefault ? unit.HeadName ?? "主要负责人" : null), Version = s?.Version ?? 0,
            };
        }).ToList();
    }

    public async Task SaveAsync(int year, int quarter, QuarterRow row)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(QuarterRules.ReviewProblem(year, quarter, row.UnitName, row.Comment, row.MustMakeStatement, row.StatementBy));
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Units.AnyAsync(u => u.Id == row.UnitId)) throw new DomainException($"单位“{row.UnitName}”不存在，请刷新后重试");
        var entry = await db.QuarterReviews.FirstOrDefaultAsync(q => q.Year == year && q.Quarter == quarter && q.UnitId == row.UnitId);
        if (entry is null) db.QuarterReviews.Add(entry = new QuarterReviewEntry { Year = year, Quarter = quarter, UnitId = row.UnitId });
        else db.ExpectVersion(entry, row.Version);
        entry.Comment = string.IsNullOrWhiteSpace(row.Comment) ? null : row.Comment.Trim();
        entry.MustMakeStatement = row.MustMakeStatement;
        entry.StatementBy = row.MustMakeStatement ? row.StatementBy?.Trim() : null;
        await db.SaveOrConflictAsync();
    }
}
