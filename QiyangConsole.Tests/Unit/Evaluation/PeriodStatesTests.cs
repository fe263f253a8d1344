using QiyangConsole.Features.Evaluation;
using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>录入中 → 已审核 → 已排名 → 已通报: every (state, action) pair.</summary>
public sealed class PeriodStatesTests
{
    private const string Locked = "该月已通报并锁定，如需修改请走更正流程";
    private const string NotReviewed = "评分表尚未审核，不能排名";
    private const string NotRanked = "尚未完成排名，不能签发通报";
    private const string AlreadyReviewed = "该月评分已审核";
    private const string StillOpen = "该月仍在录入中";

    [Theory]
    // 录入中
    [InlineData(PeriodState.Open, PeriodAction.Review, PeriodState.Reviewed, null)]
    [InlineData(PeriodState.Open, PeriodAction.Reopen, null, StillOpen)]
    [InlineData(PeriodState.Open, PeriodAction.Rank, null, NotReviewed)]
    [InlineData(PeriodState.Open, PeriodAction.Issue, null, NotRanked)]
    // 已审核
    [InlineData(PeriodState.Reviewed, PeriodAction.Review, null, AlreadyReviewed)]
    [InlineData(PeriodState.Reviewed, PeriodAction.Reopen, PeriodState.Open, null)]
    [InlineData(PeriodState.Reviewed, PeriodAction.Rank, PeriodState.Ranked, null)]
    [InlineData(PeriodState.Reviewed, PeriodAction.Issue, null, NotRanked)]
    // 已排名 (ranking again is allowed)
    [InlineData(PeriodState.Ranked, PeriodAction.Review, null, AlreadyReviewed)]
    [InlineData(PeriodState.Ranked, PeriodAction.Reopen, PeriodState.Open, null)]
    [InlineData(PeriodState.Ranked, PeriodAction.Rank, PeriodState.Ranked, null)]
    [InlineData(PeriodState.Ranked, PeriodAction.Issue, PeriodState.Issued, null)]
    // 已通报: locked
    [InlineData(PeriodState.Issued, PeriodAction.Review, null, Locked)]
    [InlineData(PeriodState.Issued, PeriodAction.Reopen, null, Locked)]
    [InlineData(PeriodState.Issued, PeriodAction.Rank, null, Locked)]
    [InlineData(PeriodState.Issued, PeriodAction.Issue, null, Locked)]
    public void Apply(PeriodState state, PeriodAction action, PeriodState? expectedNext, string? expectedError)
    {
        var (next, error) = PeriodStates.Apply(state, action);

        Assert.Equal(expectedNext, next);
        Assert.Equal(expectedError, error);
    }

    [Fact]
    public void Every_pair_gives_either_a_next_state_or_an_error()
    {
        foreach (var state in Enum.GetValues<PeriodState>())
        foreach (var action in Enum.GetValues<PeriodAction>())
        {
            var (next, error) = PeriodStates.Apply(state, action);
            Assert.True((next is null) != (error is null), $"{state} + {action}");
        }
    }

    [Theory]
    [InlineData(PeriodState.Open, false, true, "录入中")]
    [InlineData(PeriodState.Reviewed, false, false, "已审核")]
    [InlineData(PeriodState.Ranked, false, false, "已排名")]
    [InlineData(PeriodState.Issued, true, false, "已通报")]
    public void Locking_editing_and_name(PeriodState state, bool locked, bool canEdit, string name)
    {
        Assert.Equal(locked, PeriodStates.IsLocked(state));
        Assert.Equal(canEdit, PeriodStates.CanEditScores(state));
        Assert.Equal(name, state.Name());
    }
}
