using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Evaluation;

public class VisibilityTests
{
    [DbFact]
    public async Task A_ranking_is_the_office_and_leaders_working_material_until_its_circular_is_issued()
    {
        await using var db = await Seeds.SeededAsync(new EvaluationSeed(Seeds.Config()));
        db.SignIn("office", AppRoles.Office);
        var evaluation = db.Get<EvaluationService>();
        var ranking = db.Get<RankingService>();
        var june = await evaluation.CreatePeriodAsync(2023, 6);
        await evaluation.TransitionAsync(june, PeriodAction.Review, (await evaluation.PeriodAsync(june)).Version);
        await ranking.ComputeAsync(june);
        var may = (await evaluation.PeriodsAsync(2023)).Single(p => p.Month == 5).Id;

        db.SignIn("leader", AppRoles.Leader);
        Assert.Equal(43, (await ranking.RankingAsync(june)).Count);

        db.SignIn("viewer", AppRoles.Viewer);
        Assert.Empty(await ranking.RankingAsync(june));
        Assert.Equal(43, (await ranking.RankingAsync(may)).Count);
        var circulars = db.Get<CircularService>();
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => circulars.DocumentAsync(june))).Message);
        Assert.NotNull((await circulars.DocumentAsync(may)).Circular.IssuedAt);

        var unitId = (await db.Get<UnitService>().TreeAsync()).Single(u => u.Name == "市自然资源局").Id;
        db.SignIn("unit", AppRoles.Unit, unitId, "市自然资源局");
        var mine = await db.Get<ScoreService>().UnitYearAsync(unitId, 2023);
        Assert.Equal([1, 2, 3, 4, 5], mine.Select(m => m.Period.Month));
        Assert.All(mine, m => Assert.NotNull(m.Ranking));
        Assert.Equal(DomainException.Forbidden, (await Assert.ThrowsAsync<DomainException>(() => db.Get<ScoreService>().UnitYearAsync(unitId + 1, 2023))).Message);
        Assert.DoesNotContain(await ranking.TrendAsync(unitId, 2023), t => t.Month == 6);
    }
}
