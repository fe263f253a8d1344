using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Unit;

/// <summary>在线用户: open tabs per user, forcing a user out signs its tabs out and refuses cookies issued before.</summary>
public class OnlineSessionsTests
{
    private readonly ManualClock _clock = new(new DateTimeOffset(2023, 5, 18, 9, 0, 0, TimeSpan.FromHours(8)));

    private static ClaimsPrincipal User(string id, string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, id), new Claim(ClaimTypes.Name, name), new Claim(AppClaims.DisplayName, name + " 显示名")], "test"));

    private (OnlineSession Session, ServerAuthenticationStateProvider Auth) Tab(string circuit, string id, string name)
    {
        var auth = new ServerAuthenticationStateProvider();
        var user = User(id, name);
        auth.SetAuthenticationState(Task.FromResult(new AuthenticationState(user)));
        return (new OnlineSession(circuit, user, _clock.GetUtcNow().UtcDateTime, new CurrentUser { Ip = "10.0.0.8" }, auth), auth);
    }

    [Fact]
    public async Task Forcing_a_user_out_signs_out_all_its_tabs_and_leaves_the_others()
    {
        var online = new OnlineSessions(_clock);
        var (a1, auth1) = Tab("c1", "u-viewer", "viewer");
        var (a2, auth2) = Tab("c2", "u-viewer", "viewer");
        var (b, authB) = Tab("c3", "u-unit", "unit");
        foreach (var s in new[] { a1, a2, b }) online.Add(s);
        Assert.Equal(3, online.All.Count);
        Assert.Equal("10.0.0.8", a1.Ip);

        Assert.Equal(2, online.ForceOut("u-viewer"));

        Assert.Equal(["c3"], online.All.Select(s => s.CircuitId));
        Assert.False((await auth1.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.False((await auth2.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.True((await authB.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
        Assert.Equal(0, online.ForceOut("u-nobody"));
    }

    [Theory]
    [InlineData(-60, true)]   // a cookie issued before the forced sign-out is refused
    [InlineData(-1, true)]    // a second before: refused
    [InlineData(0, false)]    // the same second (cookies keep whole seconds): a new sign-in right after the kick is let in
    [InlineData(60, false)]   // signed in again afterwards: accepted
    public void Cookies_issued_before_the_forced_sign_out_are_refused(int issuedOffsetSeconds, bool refused)
    {
        var online = new OnlineSessions(_clock);
        online.ForceOut("u-viewer");
        var issued = _clock.GetUtcNow().AddSeconds(issuedOffsetSeconds);
        Assert.Equal(refused, online.WasForcedOut("u-viewer", issued));
        Assert.False(online.WasForcedOut("u-unit", issued));
        Assert.False(online.WasForcedOut(null, issued));
    }

    [Fact]
    public void A_closed_tab_leaves_the_list_and_a_dropped_connection_is_shown()
    {
        var online = new OnlineSessions(_clock);
        var (s, _) = Tab("c1", "u-office", "office");
        online.Add(s);
        online.Seen("c1", connected: false);
        Assert.False(online.All.Single().Connected);
        online.Remove("c1");
        Assert.Empty(online.All);
    }
}
