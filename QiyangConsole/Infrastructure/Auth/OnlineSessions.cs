using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Infrastructure.Auth;

/// <summary>One open console tab (a Blazor circuit) of a signed-in user.</summary>
public sealed class OnlineSession(string circuitId, ClaimsPrincipal user, DateTime since, CurrentUser current, AuthenticationStateProvider auth)
{
    public string CircuitId { get; } = circuitId;
    public string UserId { get; } = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
    public string UserName { get; } = user.Identity?.Name ?? "";
    public string DisplayName { get; } = user.FindFirstValue(AppClaims.DisplayName) ?? user.Identity?.Name ?? "";
    public string? UnitName { get; } = user.FindFirstValue(AppClaims.UnitName);
    public DateTime Since { get; } = since;
    public string? Ip => current.Ip;
    public bool Connected { get; set; } = true;
    public DateTime LastSeen { get; set; } = since;

    /// <summary>Signs this tab out at once: the page falls back to the sign-in screen.</summary>
    internal void SignOut()
    {
        if (auth is ServerAuthenticationStateProvider server)
            server.SetAuthenticationState(Task.FromResult(new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
    }
}

/// <summary>
/// 在线用户: the open tabs of signed-in users (in memory, per process), and the users forced out, whose cookies
/// issued before that moment are refused at once (the security stamp, changed too, ends them for good).
/// </summary>
public sealed class OnlineSessions(TimeProvider clock)
{
    private readonly ConcurrentDictionary<string, OnlineSession> _sessions = new();
    private readonly ConcurrentDictionary<string, DateTime> _forcedOut = new();
    private readonly ConcurrentDictionary<string, DateTime> _endedSignIns = new();

    /// <summary>Ends one sign-in (its cookie is refused from now on): the idle sign-out of a tab left alone.</summary>
    public void EndSignIn(string? sessionId)
    {
        if (string.IsNullOrEmpty(sessionId)) return;
        var now = clock.GetUtcNow().UtcDateTime;
        _endedSignIns[sessionId] = now;
        // Forget the ones whose cookies have expired anyway.
        foreach (var (id, at) in _endedSignIns) if (now - at > TimeSpan.FromDays(1)) _endedSignIns.TryRemove(id, out _);
    }

    public bool SignInEnded(string? sessionId) => sessionId is not null && _endedSignIns.ContainsKey(sessionId);

    public void Add(OnlineSession session) => _sessions[session.CircuitId] = session;

    public void Remove(string circuitId) => _sessions.TryRemove(circuitId, out _);

    public void Seen(string circuitId, bool connected)
    {
        if (_sessions.TryGetValue(circuitId, out var s)) { s.Connected = connected; s.LastSeen = clock.GetUtcNow().UtcDateTime; }
    }

    public IReadOnlyList<OnlineSession> All => _sessions.Values.OrderBy(s => s.UserName).ThenBy(s => s.Since).ToList();

    /// <summary>Ends every open tab of the user and refuses its current cookies; returns how many tabs were open.</summary>
    public int ForceOut(string userId)
    {
        _forcedOut[userId] = clock.GetUtcNow().UtcDateTime;
        var tabs = _sessions.Values.Where(s => s.UserId == userId).ToList();
        foreach (var s in tabs) { s.SignOut(); Remove(s.CircuitId); }
        return tabs.Count;
    }

    /// <summary>
    /// Whether a cookie issued at <paramref name="issuedUtc"/> predates the user's forced sign-out. Cookies keep their
    /// issue time to the second, so a sign-in in the same second as the kick is let in (an old cookie of that second is
    /// still ended by the changed security stamp within a minute).
    /// </summary>
    public bool WasForcedOut(string? userId, DateTimeOffset? issuedUtc)
    {
        if (userId is null || !_forcedOut.TryGetValue(userId, out var at)) return false;
        var second = new DateTime(at.Ticks - at.Ticks % TimeSpan.TicksPerSecond, DateTimeKind.Utc);
        return issuedUtc is null || issuedUtc.Value.UtcDateTime < second;
    }
}
