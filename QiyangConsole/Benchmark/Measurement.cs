using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace QiyangConsole.Benchmark;

/// <summary>One scenario's outcome, as printed and as written to <c>--out</c>.</summary>
public sealed record ScenarioResult(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("median_ms")] double? MedianMs,
    [property: JsonPropertyName("p95_ms")] double? P95Ms,
    [property: JsonPropertyName("peak_mb")] double? PeakMb,
    [property: JsonPropertyName("reference")] string Reference,
    [property: JsonPropertyName("reference_median_ms")] double? ReferenceMedianMs,
    [property: JsonPropertyName("ratio")] double? Ratio,
    [property: JsonPropertyName("target")] string Target,
    [property: JsonPropertyName("met")] bool Met,
    [property: JsonPropertyName("runs")] int Runs,
    [property: JsonPropertyName("detail")] string? Detail = null,
    [property: JsonPropertyName("error")] string? Error = null)
{
    public static ScenarioResult Failed(string name, string target, Exception e) =>
        new(name, null, null, null, "", null, null, target, false, 0, null, $"{e.GetType().Name}: {e.Message}");
}

/// <summary>Timings of repeated runs (milliseconds) and the peak memory growth seen while they ran.</summary>
public sealed record Samples(double[] Ms, double PeakMb)
{
    public double Median => Percentile(0.5);
    public double P95 => Percentile(0.95);

    /// <summary>Nearest-rank percentile.</summary>
    public double Percentile(double p)
    {
        if (Ms.Length == 0) return double.NaN;
        var sorted = Ms.Order().ToArray();
        return sorted[Math.Clamp((int)Math.Ceiling(p * sorted.Length) - 1, 0, sorted.Length - 1)];
    }
}

public static class Measure
{
    /// <summary>Runs <paramref name="run"/> <paramref name="warmups"/> times untimed, then <paramref name="repeats"/> times timed.</summary>
    public static async Task<Samples> TimeAsync(Func<Task> run, int warmups, int repeats, Func<Task>? between = null)
    {
        for (var i = 0; i < warmups; i++)
        {
            await run();
            if (between is not null) await between();
        }
        var ms = new double[repeats];
        using var memory = MemoryWatch.Start();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            ms[i] = watch.Elapsed.TotalMilliseconds;
            if (between is not null) await between();
        }
        return new Samples(ms, memory.PeakGrowthMb);
    }

    /// <summary>
    /// Ours and its reference timed in turns (ours first in even rounds, the reference first in odd ones), so that what
    /// the machine does meanwhile (the database server vacuuming what was just loaded, a checkpoint, a collection) falls
    /// on both alike rather than on whichever ran during it: the ratio is then of the code, not of the moment. The peak
    /// memory is of both together. The warm-up lasts <paramref name="warmups"/> rounds and at least <paramref name="warmFor"/>:
    /// .NET first runs a method's quickly compiled code and replaces it with optimised code only after some 30 calls and
    /// a tenth of a second without new methods to compile, so a short call warmed by a count alone can still be timed half
    /// in its first compilation (list-work-items read 1.14 ms after 25 calls, 0.65 ms after 1,000).
    /// </summary>
    public static async Task<(Samples Ours, Samples Theirs)> PairedAsync(Func<Task> ours, Func<Task> theirs, int warmups, int repeats,
        Func<Task>? between = null, TimeSpan warmFor = default)
    {
        var warming = Stopwatch.StartNew();
        for (var i = 0; i < warmups || warming.Elapsed < warmFor; i++)
            foreach (var run in new[] { ours, theirs })
            {
                await run();
                if (between is not null) await between();
            }
        var (a, b) = (new double[repeats], new double[repeats]);
        using var memory = MemoryWatch.Start();
        for (var i = 0; i < repeats; i++)
            foreach (var (run, ms) in i % 2 == 0 ? new[] { (ours, a), (theirs, b) } : [(theirs, b), (ours, a)])
            {
                var watch = Stopwatch.StartNew();
                await run();
                ms[i] = watch.Elapsed.TotalMilliseconds;
                if (between is not null) await between();
            }
        return (new Samples(a, memory.PeakGrowthMb), new Samples(b, memory.PeakGrowthMb));
    }

    /// <summary>Synchronous work timed as a whole batch per repeat (for calls far below a millisecond).</summary>
    public static Samples Time(Action run, int warmups, int repeats)
    {
        for (var i = 0; i < warmups; i++) run();
        var ms = new double[repeats];
        using var memory = MemoryWatch.Start();
        for (var i = 0; i < repeats; i++)
        {
            var watch = Stopwatch.StartNew();
            run();
            ms[i] = watch.Elapsed.TotalMilliseconds;
        }
        return new Samples(ms, memory.PeakGrowthMb);
    }

    /// <summary>
    /// <paramref name="users"/> clients each request <paramref name="url"/> in a loop for <paramref name="duration"/>, the
    /// next as soon as the last has been read (a closed loop: how many pages a second the server can give);
    /// every response must succeed. Returns each request's latency and the requests per second.
    /// </summary>
    public static async Task<(Samples Samples, double PerSecond)> LoadAsync(IReadOnlyList<HttpClient> users, string url, TimeSpan duration)
    {
        var latencies = new List<double>[users.Count];
        using var memory = MemoryWatch.Start();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(async (client, u) =>
        {
            var mine = latencies[u] = [];
            var buffer = new byte[16 * 1024];
            while (clock.Elapsed < duration)
            {
                var start = clock.Elapsed;
                await GetAsync(client, url, buffer);
                mine.Add((clock.Elapsed - start).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).ToArray();
        return (new Samples(all, memory.PeakGrowthMb), all.Length / clock.Elapsed.TotalSeconds);
    }

    /// <summary>
    /// <paramref name="users"/> clients that together ask for <paramref name="perSecond"/> pages a second for
    /// <paramref name="duration"/>: each user sends one every <c>users / perSecond</c> seconds, the users' starts spread
    /// over that interval (an open loop, as people opening pages). A user whose page is late sends the next one as soon as
    /// it has it, and each latency counts from when the request was due, so a server that falls behind is not excused by
    /// the requests it delayed. Returns the latencies and the requests per second served.
    /// </summary>
    public static async Task<(Samples Samples, double PerSecond)> PacedLoadAsync(IReadOnlyList<HttpClient> users, string url, double perSecond, TimeSpan duration)
    {
        var latencies = new List<double>[users.Count];
        var interval = TimeSpan.FromSeconds(users.Count / perSecond);
        using var memory = MemoryWatch.Start();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(users.Select(async (client, u) =>
        {
            var mine = latencies[u] = [];
            var buffer = new byte[16 * 1024];
            for (var due = interval * u / users.Count; due < duration; due += interval)
            {
                var wait = due - clock.Elapsed;
                if (wait > TimeSpan.Zero) await Task.Delay(wait);
                // Task.Delay counts whole milliseconds and may end a fraction before the request was due: counted from
                // then, a fast answer read as a negative latency (the smoke test saw a ratio of -546).
                var from = clock.Elapsed > due ? due : clock.Elapsed;
                await GetAsync(client, url, buffer);
                mine.Add((clock.Elapsed - from).TotalMilliseconds);
            }
        }));
        var all = latencies.SelectMany(l => l).ToArray();
        return (new Samples(all, memory.PeakGrowthMb), all.Length / clock.Elapsed.TotalSeconds);
    }

    /// <summary>Reads the whole response as a browser would, without keeping it (a 130 KB page is not buffered per request).</summary>
    private static async Task GetAsync(HttpClient client, string url, byte[] buffer)
    {
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead);
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"{url} answered {(int)response.StatusCode}");
        await using var body = await response.Content.ReadAsStreamAsync();
        while (await body.ReadAsync(buffer) > 0) { }
    }
}

/// <summary>Samples the process's working set every 10 ms and keeps the highest growth over the start (after a full GC).</summary>
public sealed class MemoryWatch : IDisposable
{
    private readonly long _start;
    private long _peak;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    private MemoryWatch()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        _start = _peak = Current();
        _loop = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                var now = Current();
                if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
                try { await Task.Delay(10, _stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public static MemoryWatch Start() => new();

    private static long Current()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    public double PeakGrowthMb
    {
        get
        {
            var now = Current();
            if (now > Interlocked.Read(ref _peak)) Interlocked.Exchange(ref _peak, now);
            return Math.Round((Interlocked.Read(ref _peak) - _start) / 1048576.0, 1);
        }
    }

    public void Dispose()
    {
        _stop.Cancel();
        _loop.Wait();
    }
}

/// <summary>The results as a table for the terminal and as JSON for <c>--out</c>.</summary>
public static class Report
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.Create(System.Text.Unicode.UnicodeRanges.All),
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    public static string ToJson(object value) => JsonSerializer.Serialize(value, Json);

    public static string Table(IEnumerable<ScenarioResult> results)
    {
        static string N(double? v) => v is { } d && !double.IsNaN(d) ? d.ToString(d >= 100 ? "0" : "0.0#", CultureInfo.InvariantCulture) : "—";
        var lines = new List<string[]> { new[] { "scenario", "median ms", "p95 ms", "peak MB", "reference", "ref median ms", "ratio", "target", "met" } };
        lines.AddRange(results.Select(r => new[]
        {
            r.Name, N(r.MedianMs), N(r.P95Ms), N(r.PeakMb), r.Reference, N(r.ReferenceMedianMs), N(r.Ratio), r.Target,
            r.Error is not null ? "ERROR" : r.Met ? "yes" : "NO",
        }));
        var widths = Enumerable.Range(0, lines[0].Length).Select(c => lines.Max(l => Width(l[c]))).ToArray();
        var text = new StringBuilder();
        foreach (var line in lines)
            text.AppendLine(string.Join("  ", line.Select((cell, c) => cell + new string(' ', widths[c] - Width(cell)))).TrimEnd());
        foreach (var r in results.Where(r => r.Detail is not null || r.Error is not null))
            text.AppendLine($"- {r.Name}: {r.Error ?? r.Detail}");
        return text.ToString();
    }

    /// <summary>Display width: CJK characters take two columns.</summary>
    private static int Width(string s) => s.Sum(ch => ch >= 0x2E80 ? 2 : 1);
}
