using System.Collections.Concurrent;
using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Caching.Memory;

namespace QiyangConsole.Features.Account;

/// <summary>
/// Failed sign-ins counted per IP and per user name over a 15-minute window (等保 2.0: 登录失败处理). After a few
/// failures a captcha is asked for; after many from one IP that IP is paused, so a password spray across accounts
/// is slowed as well as a guess at one account (whose lockout Identity keeps).
/// </summary>
public sealed class SignInGuard(TimeProvider clock)
{
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(15);
    private readonly ConcurrentDictionary<string, ConcurrentQueue<DateTime>> _failures = new();

    private static string IpKey(string? ip) => "ip:" + (ip ?? "?");
    private static string UserKey(string? user) => "user:" + (user ?? "").Trim().ToLowerInvariant();

    public int FailuresOfIp(string? ip) => Count(IpKey(ip));
    public int FailuresOfUser(string? user) => Count(UserKey(user));

    public void Failed(string? ip, string? user)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        _failures.GetOrAdd(IpKey(ip), _ => new()).Enqueue(now);
        if (!string.IsNullOrWhiteSpace(user)) _failures.GetOrAdd(UserKey(user), _ => new()).Enqueue(now);
    }

    /// <summary>A successful sign-in clears its account's count (not the IP's: one good password does not excuse a spray).</summary>
    public void Succeeded(string? user) => _failures.TryRemove(UserKey(user), out _);

    private int Count(string key)
    {
        if (!_failures.TryGetValue(key, out var queue)) return 0;
        var since = clock.GetUtcNow().UtcDateTime - Window;
        while (queue.TryPeek(out var at) && at < since) queue.TryDequeue(out _);
        return queue.Count;
    }
}

/// <summary>
/// A captcha drawn here (no outside service): four digits as jittered strokes in an SVG, with noise lines. The answer is
/// kept server-side under a random id for five minutes and can be checked once.
/// </summary>
public sealed class Captcha(IMemoryCache cache)
{
    public const int Length = 4;
    private static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(5);

    // Seven-segment strokes on a 10 × 16 cell: a top, b upper right, c lower right, d bottom, e lower left, f upper left, g middle.
    private static readonly Dictionary<char, (float X1, float Y1, float X2, float Y2)> Segments = new()
    {
        ['a'] = (1, 1, 9, 1), ['b'] = (9, 1, 9, 8), ['c'] = (9, 8, 9, 15), ['d'] = (1, 15, 9, 15),
        ['e'] = (1, 8, 1, 15), ['f'] = (1, 1, 1, 8), ['g'] = (1, 8, 9, 8),
    };
    private static readonly string[] Digits = ["abcdef", "bc", "abged", "abgcd", "fgbc", "afgcd", "afgedc", "abc", "abcdefg", "abcdfg"];

    public sealed record Challenge(string Id, string ImageDataUri);

    public Challenge Create()
    {
        var answer = string.Concat(Enumerable.Range(0, Length).Select(_ => (char)('0' + RandomNumberGenerator.GetInt32(10))));
        var id = Convert.ToHexString(RandomNumberGenerator.GetBytes(16));
        cache.Set(Key(id), answer, Lifetime);
        return new Challenge(id, "data:image/svg+xml;base64," + Convert.ToBase64String(Encoding.UTF8.GetBytes(Draw(answer))));
    }

    /// <summary>Checks and forgets the challenge: a second try needs a new one.</summary>
    public bool Check(string? id, string? answer)
    {
        if (string.IsNullOrEmpty(id) || !cache.TryGetValue(Key(id), out string? expected)) return false;
        cache.Remove(Key(id));
        return string.Equals(expected, answer?.Trim(), StringComparison.Ordinal);
    }

    /// <summary>The answer of a live challenge, for the tests that sign in through it.</summary>
    internal string? AnswerOf(string id) => cache.TryGetValue(Key(id), out string? a) ? a : null;

    private static string Key(string id) => "captcha:" + id;

    private static string Draw(string answer)
    {
        static float J(float spread) => (RandomNumberGenerator.GetInt32(-1000, 1001) / 1000f) * spread;
        var svg = new StringBuilder("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"132\" height=\"44\" viewBox=\"0 0 132 44\">");
        svg.Append("<rect width=\"132\" height=\"44\" fill=\"#f3f5f9\"/>");
        for (var i = 0; i < 5; i++)
            svg.Append(FormattableString.Invariant($"<line x1=\"{RandomNumberGenerator.GetInt32(0, 132)}\" y1=\"{RandomNumberGenerator.GetInt32(0, 44)}\" x2=\"{RandomNumberGenerator.GetInt32(0, 132)}\" y2=\"{RandomNumberGenerator.GetInt32(0, 44)}\" stroke=\"#9aa5b8\" stroke-width=\"1\"/>"));
        for (var i = 0; i < answer.Length; i++)
        {
            var angle = J(14);
            var x = 12 + i * 29 + J(3);
            var y = 6 + J(3);
            svg.Append(FormattableString.Invariant($"<g transform=\"translate({x:0.#},{y:0.#}) rotate({angle:0.#} 7 12) scale(1.45)\" stroke=\"#1d3a6e\" stroke-width=\"2\" stroke-linecap=\"round\" fill=\"none\">"));
            foreach (var s in Digits[answer[i] - '0'])
            {
                var (x1, y1, x2, y2) = Segments[s];
                svg.Append(FormattableString.Invariant($"<path d=\"M{x1 + J(0.9f):0.##} {y1 + J(0.9f):0.##} Q{(x1 + x2) / 2 + J(1.5f):0.##} {(y1 + y2) / 2 + J(1.5f):0.##} {x2 + J(0.9f):0.##} {y2 + J(0.9f):0.##}\"/>"));
            }
            svg.Append("</g>");
        }
        return svg.Append("</svg>").ToString();
    }
}
