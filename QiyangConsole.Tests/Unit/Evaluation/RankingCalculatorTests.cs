using System.Globalization;
using QiyangConsole.Features.Evaluation.Rules;

namespace QiyangConsole.Tests.Unit.Evaluation;

/// <summary>
/// 组内排名与排名后进: tables written as "A:95,B:90|C:80" — letters are units (A = id 1, B = id 2, …),
/// "|" starts the next group (group ids 1, 2, …). Expected ranks are listed in letter order; the
/// expected lagging set is the lagging letters in order, "" for none.
/// </summary>
public sealed class RankingCalculatorTests
{
    // ---- Rank ---------------------------------------------------------------------------------

    [Theory]
    // ties at the top: both share rank 1, the next is 3; rank 1 never lags even when its tie reaches the bottom N
    [InlineData("A:95,B:95,C:90,D:80", LaggingMode.Count, 1, "A:1,B:1,C:3,D:4", "D")]
    [InlineData("A:95,B:95,C:90", LaggingMode.Count, 2, "A:1,B:1,C:3", "C")]
    // ties in the middle
    [InlineData("A:95,B:90,C:90,D:80", LaggingMode.Count, 1, "A:1,B:2,C:2,D:4", "D")]
    [InlineData("A:95,B:90,C:90,D:80,E:70", LaggingMode.Count, 2, "A:1,B:2,C:2,D:4,E:5", "D,E")]
    // a middle tie that reaches into the bottom N lags as a whole
    [InlineData("A:95,B:90,C:90,D:80", LaggingMode.Count, 2, "A:1,B:2,C:2,D:4", "B,C,D")]
    // ties at the bottom: all tied bottom units lag
    [InlineData("A:95,B:90,C:80,D:80", LaggingMode.Count, 1, "A:1,B:2,C:3,D:3", "C,D")]
    [InlineData("A:95,B:80,C:80,D:80", LaggingMode.Count, 1, "A:1,B:2,C:2,D:2", "B,C,D")]
    // a group of one: rank 1, not lagging
    [InlineData("A:50", LaggingMode.Count, 1, "A:1", "")]
    [InlineData("A:50", LaggingMode.Percent, 10, "A:1", "")]
    // all equal: all rank 1, none lagging
    [InlineData("A:90,B:90,C:90", LaggingMode.Count, 1, "A:1,B:1,C:1", "")]
    [InlineData("A:90,B:90,C:90,D:90", LaggingMode.Percent, 50, "A:1,B:1,C:1,D:1", "")]
    // negative totals after deductions rank below zero
    [InlineData("A:10,B:-2.5,C:0,D:-10", LaggingMode.Count, 1, "A:1,B:3,C:2,D:4", "D")]
    [InlineData("A:-1,B:-3,C:-2", LaggingMode.Count, 1, "A:1,B:3,C:2", "B")]
    [InlineData("A:0,B:-0.5", LaggingMode.Count, 1, "A:1,B:2", "B")]
    // Count larger than the group: everyone but rank 1 lags
    [InlineData("A:95,B:90,C:80", LaggingMode.Count, 5, "A:1,B:2,C:3", "B,C")]
    // Count 0 / Percent 0: nobody lags
    [InlineData("A:95,B:90,C:80", LaggingMode.Count, 0, "A:1,B:2,C:3", "")]
    [InlineData("A:95,B:90,C:80", LaggingMode.Percent, 0, "A:1,B:2,C:3", "")]
    // Percent 10 of 10 = 1 place, and the tie for that place lags as a whole
    [InlineData("A:100,B:99,C:98,D:97,E:96,F:95,G:94,H:93,I:90,J:90", LaggingMode.Percent, 10, "A:1,B:2,C:3,D:4,E:5,F:6,G:7,H:8,I:9,J:9", "I,J")]
    // two groups ranked independently: ranks restart, lagging per group
    [InlineData("A:95,B:90,C:80|D:70,E:85,F:60", LaggingMode.Count, 1, "A:1,B:2,C:3,D:2,E:1,F:3", "C,F")]
    [InlineData("A:90,B:80|C:90,D:80", LaggingMode.Count, 1, "A:1,B:2,C:1,D:2", "B,D")]
    [InlineData("A:80,B:70|C:10", LaggingMode.Count, 1, "A:1,B:2,C:1", "B")]
    // Percent per group size: 5 × 20% = 1, 2 × 20% = 0.4 → 1
    [InlineData("A:95,B:90,C:80,D:70,E:60|F:50,G:40", LaggingMode.Percent, 20, "A:1,B:2,C:3,D:4,E:5,F:1,G:2", "E,G")]
    // decimals: 88.5 and 88.50 are equal
    [InlineData("A:90,B:88.5,C:88.50,D:80", LaggingMode.Count, 1, "A:1,B:2,C:2,D:4", "D")]
    [InlineData("A:88.5,B:88.50", LaggingMode.Count, 1, "A:1,B:1", "")]
    [InlineData("A:88.51,B:88.5,C:88.500", LaggingMode.Count, 1, "A:1,B:2,C:2", "B,C")]
    public void Ranks_and_lagging(string totals, LaggingMode mode, int value, string expectedRanks, string expectedLagging)
    {
        var input = Parse(totals);
        var result = RankingCalculator.Rank(input, new LaggingRule(mode, value));

        Assert.Equal(expectedRanks, string.Join(",", result.OrderBy(r => r.UnitId).Select(r => $"{Letter(r.UnitId)}:{r.Rank}")));
        Assert.Equal(expectedLagging, string.Join(",", result.Where(r => r.IsLagging).OrderBy(r => r.UnitId).Select(r => Letter(r.UnitId))));

        // each input unit exactly once, with its group and total unchanged
        Assert.Equal(input.Select(u => u.UnitId).Order(), result.Select(r => r.UnitId).Order());
        foreach (var r in result)
        {
            var u = Assert.Single(input, u => u.UnitId == r.UnitId);
            Assert.Equal(u.GroupId, r.GroupId);
            Assert.Equal(u.Total, r.Total);
        }

        // output: groups in ascending id, ranks non-decreasing within a group
        for (var i = 1; i < result.Count; i++)
        {
            Assert.True(result[i - 1].GroupId <= result[i].GroupId);
            if (result[i - 1].GroupId == result[i].GroupId)
                Assert.True(result[i - 1].Rank <= result[i].Rank);
        }

        // the input order does not matter
        var reversed = RankingCalculator.Rank(Enumerable.Reverse(input).ToList(), new LaggingRule(mode, value));
        Assert.Equal(result, reversed);
        for (var seed = 1; seed <= 5; seed++)
        {
            var shuffled = input.ToArray();
            new Random(seed).Shuffle(shuffled);
            Assert.Equal(result, RankingCalculator.Rank(shuffled, new LaggingRule(mode, value)));
        }
    }

    [Theory]
    // bottom-percent rounding on a group of distinct totals (rank 1 never lags, so a group of one has none)
    [InlineData(20, 10, 2)]
    [InlineData(18, 10, 2)] // ceil 1.8
    [InlineData(11, 10, 2)] // ceil 1.1
    [InlineData(10, 10, 1)]
    [InlineData(5, 10, 1)]  // ceil 0.5
    [InlineData(1, 10, 0)]
    [InlineData(0, 10, 0)]
    [InlineData(20, 0, 0)]
    [InlineData(4, 50, 2)]
    [InlineData(5, 50, 3)]  // ceil 2.5
    [InlineData(3, 100, 2)]
    public void Percent_rule_marks_the_bottom_units(int size, int percent, int expectedLagging)
    {
        var input = Enumerable.Range(1, size).Select(id => new UnitTotal(id, 1, 101 - id)).ToList();

        var result = RankingCalculator.Rank(input, new LaggingRule(LaggingMode.Percent, percent));

        Assert.Equal(Enumerable.Range(1, size), result.Select(r => r.UnitId));
        Assert.Equal(Enumerable.Range(1, size), result.Select(r => r.Rank));
        Assert.Equal(Enumerable.Range(size - expectedLagging + 1, expectedLagging), result.Where(r => r.IsLagging).Select(r => r.UnitId));
    }

    [Fact]
    public void No_totals_rank_to_nothing() =>
        Assert.Empty(RankingCalculator.Rank([], new LaggingRule(LaggingMode.Count, 1)));

    // ---- LaggingRule.CountFor -----------------------------------------------------------------

    [Theory]
    [InlineData(LaggingMode.Percent, 10, 20, 2)]
    [InlineData(LaggingMode.Percent, 10, 18, 2)]  // ceil 1.8
    [InlineData(LaggingMode.Percent, 10, 11, 2)]  // ceil 1.1
    [InlineData(LaggingMode.Percent, 10, 10, 1)]
    [InlineData(LaggingMode.Percent, 10, 5, 1)]   // ceil 0.5
    [InlineData(LaggingMode.Percent, 10, 1, 1)]   // at least one
    [InlineData(LaggingMode.Percent, 10, 0, 0)]   // empty group
    [InlineData(LaggingMode.Percent, 0, 20, 0)]
    [InlineData(LaggingMode.Percent, -5, 20, 0)]
    [InlineData(LaggingMode.Percent, 33, 3, 1)]   // ceil 0.99
    [InlineData(LaggingMode.Percent, 50, 5, 3)]   // ceil 2.5
    [InlineData(LaggingMode.Percent, 100, 7, 7)]
    [InlineData(LaggingMode.Percent, 150, 4, 4)]  // never more than the group
    [InlineData(LaggingMode.Count, 2, 10, 2)]
    [InlineData(LaggingMode.Count, 1, 1, 1)]
    [InlineData(LaggingMode.Count, 5, 3, 3)]      // never more than the group
    [InlineData(LaggingMode.Count, 3, 0, 0)]      // empty group
    [InlineData(LaggingMode.Count, 0, 10, 0)]
    [InlineData(LaggingMode.Count, -1, 10, 0)]
    public void CountFor(LaggingMode mode, int value, int groupSize, int expected) =>
        Assert.Equal(expected, new LaggingRule(mode, value).CountFor(groupSize));

    // ---- helpers ------------------------------------------------------------------------------

    private static List<UnitTotal> Parse(string totals) =>
        totals.Split('|')
            .SelectMany((group, g) => group.Split(',').Select(item =>
            {
                var parts = item.Split(':');
                return new UnitTotal(parts[0][0] - 'A' + 1, g + 1, decimal.Parse(parts[1], NumberStyles.Number, CultureInfo.InvariantCulture));
            }))
            .ToList();

    private static string Letter(int unitId) => ((char)('A' + unitId - 1)).ToString();
}
