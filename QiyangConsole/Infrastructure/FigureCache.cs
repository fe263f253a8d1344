using Microsoft.Extensions.Caching.Memory;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Infrastructure;

/// <summary>
/// Figures computed from records (the overview, the counts above a list, the stewards' workload) and the unit tree every
/// unit pick list reads, kept for a short time so that a page opened again and again — and its interactive render after
/// the prerender — does not count the whole province each time. Keep only immutable results (records, read-only lists)
/// or hand out copies: one value serves every user of the key.
/// A figure is kept for the day it was computed on and until any change is saved through the database context
/// (<see cref="Changed"/>, called by the audit interceptor), so users see their own changes at once; changes written
/// outside the context (bulk SQL) show within <see cref="Keep"/>.
/// </summary>
public sealed class FigureCache(IMemoryCache cache, TimeProvider clock)
{
    public static readonly TimeSpan Keep = TimeSpan.FromSeconds(30);
    private static long _generation;

    /// <summary>Something was saved: every figure kept so far is computed afresh when next asked for.</summary>
    public static void Changed() => Interlocked.Increment(ref _generation);

    /// <summary>Whose figures: one set for everyone who sees all data, else one per user (its records, its unit).</summary>
    public static string ScopeOf(CurrentUser user) => user.Reach.Key;

    public async Task<T> GetAsync<T>(string key, Func<Task<T>> compute)
    {
        var entry = (key, Interlocked.Read(ref _generation), clock.Today());
        if (cache.TryGetValue(entry, out T? kept)) return kept!;
        var value = await compute();
        cache.Set(entry, value, Keep);
        return value;
    }
}
