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
        // Sorted as plain keys (a province month is 2,000 units): each group's negated totals with the units' places,
        // then each run of equal totals by unit id, then one pass that gives ranks and lagging.
        var all = totals as IReadOnlyList<UnitTotal> ?? totals.ToArray();
        var result = new List<RankedUnit>(all.Count);
        foreach (var groupId in all.Select(t => t.GroupId).Distinct().Order())
        {
            var members = new List<int>();
            for (var i = 0; i < all.Count; i++) if (all[i].GroupId == groupId) members.Add(i);
            var keys = new decimal[members.Count];
            var places = members.ToArray();
            for (var i = 0; i < places.Length; i++) keys[i] = -all[places[i]].Total;
            Array.Sort(keys, places);
            var size = places.Length;
            var firstLaggingPlace = size - rule.CountFor(size) + 1;
            for (var start = 0; start < size;)
            {
                // places[start..end) share one total: one rank, and they occupy places start+1..end; listed by unit id.
                var end = start + 1;
                while (end < size && keys[end] == keys[start]) end++;
                if (end - start > 1) Array.Sort(places, start, end - start, Comparer<int>.Create((a, b) => all[a].UnitId.CompareTo(all[b].UnitId)));
                var rank = start + 1;
                var lagging = rank > 1 && end >= firstLaggingPlace;
                for (var i = start; i < end; i++)
                {
                    var t = all[places[i]];
                    result.Add(new RankedUnit(t.UnitId, t.GroupId, t.Total, rank, lagging));
                }
                start = end;
            }
        }
        return result;
    }
}
