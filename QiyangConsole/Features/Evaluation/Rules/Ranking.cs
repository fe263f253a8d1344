namespace QiyangConsole.Features.Evaluation.Rules;

public sealed record UnitTotal(int UnitId, int GroupId, decimal Total);

public sealed record RankedUnit(int UnitId, int GroupId, decimal Total, int Rank, bool IsLagging);

public enum LaggingMode { Count, Percent }

/// <summary>Who counts as 排名后进 in a group: the bottom N units, or the bottom percent (rounded up, at least one).</summary>
public sealed record LaggingRule(LaggingMode Mode, int Value)
{
    public int CountFor(int groupSize) => Mode switch
    {
        _ when Value <= 0 || groupSize == 0 => 0,
        LaggingMode.Count => Math.Min(Value, groupSize),
        _ => Math.Min(groupSize, Math.Max(1, (int)Math.Ceiling(groupSize * Value / 100m))),
    };
}

/// <summary>
/// Ranks units within their group, highest total first. Equal totals share a rank and the next
/// rank is skipped (1, 2, 2, 4). A unit lags when any of the places its tie occupies falls in the
/// bottom N of the group; a unit with nobody ahead of it (rank 1) never lags, so a group of one or
/// a group of equals has no lagging unit.
/// </summary>
public static class RankingCalculator
{
    public static IReadOnlyList<RankedUnit> Rank(IEnumerable<UnitTotal> totals, LaggingRule rule)
    {
        var result = new List<RankedUnit>();
        foreach (var group in totals.GroupBy(t => t.GroupId).OrderBy(g => g.Key))
        {
            var ordered = group.OrderByDescending(t => t.Total).ThenBy(t => t.UnitId).ToList();
            var size = ordered.Count;
            var firstLaggingPlace = size - rule.CountFor(size) + 1;
            for (var start = 0; start < size;)
            {
                // ordered[start..end) share one total: one rank, and they occupy places start+1..end.
                var end = start + 1;
                while (end < size && ordered[end].Total == ordered[start].Total) end++;
                var rank = start + 1;
                var lagging = rank > 1 && end >= firstLaggingPlace;
                for (var i = start; i < end; i++)
                    result.Add(new RankedUnit(ordered[i].UnitId, ordered[i].GroupId, ordered[i].Total, rank, lagging));
                start = end;
            }
        }
        return result;
    }
}
