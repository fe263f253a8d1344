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
        // One sort (group, then highest total, then unit id) and one pass: a province month is 2,000 units.
        var ordered = totals.ToArray();
        var places = new Place[ordered.Length];
        for (var i = 0; i < ordered.Length; i++) places[i] = new Place(ordered[i].GroupId, ordered[i].Total, ordered[i].UnitId);
        Array.Sort(places, ordered);
        var result = new RankedUnit[ordered.Length];
        for (var groupStart = 0; groupStart < ordered.Length;)
        {
            var groupEnd = groupStart + 1;
            while (groupEnd < ordered.Length && ordered[groupEnd].GroupId == ordered[groupStart].GroupId) groupEnd++;
            var size = groupEnd - groupStart;
            var firstLaggingPlace = size - rule.CountFor(size) + 1;
            for (var start = groupStart; start < groupEnd;)
            {
                // ordered[start..end) share one total: one rank, and they occupy places start+1..end of the group.
                var end = start + 1;
                while (end < groupEnd && ordered[end].Total == ordered[start].Total) end++;
                var rank = start - groupStart + 1;
                var lagging = rank > 1 && end - groupStart >= firstLaggingPlace;
                for (var i = start; i < end; i++)
                    result[i] = new RankedUnit(ordered[i].UnitId, ordered[i].GroupId, ordered[i].Total, rank, lagging);
                start = end;
            }
            groupStart = groupEnd;
        }
        return result;
    }

    /// <summary>The order of a group's table as a struct key (sorting structs with a known comparison avoids a delegate call per comparison).</summary>
    private readonly record struct Place(int GroupId, decimal Total, int UnitId) : IComparable<Place>
    {
        public int CompareTo(Place other) =>
            GroupId != other.GroupId ? GroupId.CompareTo(other.GroupId) : Total != other.Total ? other.Total.CompareTo(Total) : UnitId.CompareTo(other.UnitId);
    }
}
