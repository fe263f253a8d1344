using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>Scores are entered or imported only while the month is 录入中; the refusal says why.</summary>
public sealed class ScoreEditProblemTests
{
    [Theory]
    [InlineData(PeriodState.Open, null)]
    [InlineData(PeriodState.Reviewed, "该月评分已审核，如需修改请先退回")]
    [InlineData(PeriodState.Ranked, "该月评分已审核，如需修改请先退回")]
    [InlineData(PeriodState.Issued, "该月已通报并锁定，如需修改请走更正流程")]
    public void Save(PeriodState state, string? expected) => Assert.Equal(expected, PeriodStates.ScoreEditProblem(state));

    [Theory]
    [InlineData(PeriodState.Open, null)]
    [InlineData(PeriodState.Reviewed, "该月评分已审核或锁定，不能导入")]
    [InlineData(PeriodState.Ranked, "该月评分已审核或锁定，不能导入")]
    [InlineData(PeriodState.Issued, "该月评分已审核或锁定，不能导入")]
    public void Import(PeriodState state, string? expected) => Assert.Equal(expected, PeriodStates.ImportProblem(state));
}
