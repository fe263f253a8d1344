using System.Net;
using Cookie = Microsoft.Playwright.Cookie;
using Microsoft.Playwright;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Data;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.E2E;

/// <summary>
/// Two console instances (processes) on one PostgreSQL database, Hangfire's jobs in it, attachments in one shared folder,
/// behind nginx configured as the README says. Both start at once on the empty database: one migrates and seeds, the other waits.
/// </summary>
public sealed class ScaleOutFixture : IAsyncLifetime
{
    public ConsoleProcess A { get; private set; } = null!;
    public ConsoleProcess B { get; private set; } = null!;
    public Nginx Proxy { get; private set; } = null!;
    private DatabaseEngine? _database;
    private readonly string _dir = Path.Combine(Path.GetTempPath(), "qiyang-scaleout-" + Guid.NewGuid().ToString("N"));

    public async Task InitializeAsync()
    {
        if (new ScaleOutFactAttribute().Skip is not null) return;
        _database = PostgresServer.EmptyDatabase();
        var files = Directory.CreateDirectory(Path.Combine(_dir, "shared-files")).FullName;
        Dictionary<string, string> Settings(string name) => new()
        {
            ["Database:Provider"] = "PostgreSql",
            ["ConnectionStrings:PostgreSql"] = _database.ConnectionString,
            ["Data:Directory"] = Directory.CreateDirectory(Path.Combine(_dir, name)).FullName,
            ["Data:Files"] = files,
            ["Demo:Enabled"] = "true",
        };
        A = ConsoleProcess.Start("A", Settings("a"));
        B = ConsoleProcess.Start("B", Settings("b"));
        await Task.WhenAll(A.WaitUntilUpAsync(TimeSpan.FromMinutes(3)), B.WaitUntilUpAsync(TimeSpan.FromMinutes(3)));
        Proxy = await Nginx.StartAsync(A, B);
    }

    /// <summary>A value of nginx's affinity cookie that it routes to <paramref name="instance"/>.</summary>
    public async Task<string> AffinityFor(ConsoleProcess instance)
    {
        using var http = new HttpClient(new HttpClientHandler { UseCookies = false });
        for (var i = 0; i < 200; i++)
        {
            var value = "test-" + i;
            using var request = new HttpRequestMessage(HttpMethod.Get, Proxy.BaseUrl + "/healthz");
            request.Headers.Add("Cookie", "qiyang_affinity=" + value);
            using var response = await http.SendAsync(request);
            if (response.Headers.TryGetValues("X-Upstream", out var served) && served.Single() == instance.Address) return value;
        }
        throw new InvalidOperationException($"no affinity value routes to {instance.Name}");
    }

    public async Task DisposeAsync()
    {
        if (Proxy is not null) await Proxy.DisposeAsync();
        if (A is not null) await A.DisposeAsync();
        if (B is not null) await B.DisposeAsync();
        if (_database is not null) PostgresServer.Drop(_database);
        try { Directory.Delete(_dir, recursive: true); } catch (IOException) { }
    }
}

public class ScaleOutBrowserTests(ScaleOutFixture fixture, BrowserFixture browser) : IClassFixture<ScaleOutFixture>, IClassFixture<BrowserFixture>
{
    private async Task<IPage> PageOnAsync(ConsoleProcess instance)
    {
        var page = await browser.NewPageAsync(fixture.Proxy.BaseUrl);
        await page.Context.AddCookiesAsync([new Cookie { Name = "qiyang_affinity", Value = await fixture.AffinityFor(instance), Domain = "127.0.0.1", Path = "/" }]);
        return page;
    }

    private static string Upstream(IResponse? response) => response?.Headers.GetValueOrDefault("x-upstream") ?? "";

    [ScaleOutFact]
    public async Task A_ranking_run_on_one_instance_is_seen_on_the_other_and_a_user_moves_on_when_its_instance_is_killed()
    {
        // The Office works on instance A: a new month, reviewed, ranked by the Hangfire job (in PostgreSQL: any instance's worker may run it).
        var office = await PageOnAsync(fixture.A);
        await office.SignInAsync("office");
        Assert.Equal(fixture.A.Address, Upstream(await office.GotoAsync("/evaluation")));
        await office.WaitForInteractiveAsync();
        await office.SelectAsync("new-period-month", "8月", exact: true);
        await office.Locator("#new-period").ClickAsync();
        await office.WaitForURLAsync("**/evaluation/periods/*");
        var periodPath = new Uri(office.Url).AbsolutePath;
        await office.Locator("#period-review").ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(office.Locator("#period-steps .current")).ToContainTextAsync("已审核");
        await office.GetByRole(AriaRole.Tab, new() { Name = "排名" }).ClickAsync();
        await office.Locator("#ranking-run").ClickAsync();
        await Assertions.Expect(office.Locator("#ranking-status")).ToContainTextAsync("完成", new() { Timeout = 60_000 });
        await Assertions.Expect(office.Locator("#period-steps .current")).ToContainTextAsync("已排名");

        // A leader on instance B sees that ranking.
        var leader = await PageOnAsync(fixture.B);
        await leader.SignInAsync("leader");
        Assert.Equal(fixture.B.Address, Upstream(await leader.GotoAsync(periodPath)));
        await leader.WaitForInteractiveAsync();
        await Assertions.Expect(leader.Locator("#period-steps .current")).ToContainTextAsync("已排名");
        await leader.GetByRole(AriaRole.Tab, new() { Name = "排名" }).ClickAsync();
        await Assertions.Expect(leader.Locator(".ranking-table")).ToHaveCountAsync(3);
        await leader.ShotAsync("scale-out-ranking-on-b");

        // Instance A dies. The Office's tab loses its circuit, reconnects through nginx to B, which does not know the
        // circuit: the page reloads there, still signed in (the cookie A issued is read with the keys in the database),
        // and the month is as the Office left it.
        var reloaded = office.WaitForResponseAsync(r => r.Request.IsNavigationRequest && r.Url.EndsWith(periodPath), new() { Timeout = 90_000 });
        fixture.A.Kill();
        var response = await reloaded;
        Assert.EndsWith(fixture.B.Address, Upstream(response));
        await office.WaitForInteractiveAsync();
        Assert.DoesNotContain("/account/login", office.Url);
        await Assertions.Expect(office.Locator("#period-steps .current")).ToContainTextAsync("已排名");
        // And works on: the circular's number is saved on B.
        await office.GetByRole(AriaRole.Tab, new() { Name = "通报" }).ClickAsync();
        await office.Locator("#circular-issue").ClickAsync();
        await office.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
        await Assertions.Expect(office.Locator("#period-steps .current")).ToContainTextAsync("已通报");
        await office.ShotAsync("scale-out-office-moved-to-b");
    }

    /// <summary>
    /// Every page and download the access table lists, opened through nginx by each role that may open it, on the
    /// PostgreSQL database: a page's queries run while it is prerendered, so a query PostgreSQL cannot run answers 500.
    /// </summary>
    [ScaleOutFact]
    public async Task Every_page_and_download_answers_each_role_on_postgresql_through_nginx()
    {
        (string User, string Role)[] users = [("office", AppRoles.Office), ("leader", AppRoles.Leader), ("unit", AppRoles.Unit), ("steward", AppRoles.Steward), ("sysadmin", AppRoles.SysAdmin), ("auditor", AppRoles.Auditor)];
        var problems = new List<string>();
        var opened = 0;
        foreach (var (user, role) in users)
        {
            using var client = await Data.AccessHostTests.SignedInClientAsync(fixture.Proxy.BaseUrl, user);
            foreach (var route in Access.Routes.Where(r => r.Route.StartsWith("GET ") && Access.Allows(r.Policy, x => x == role)))
            {
                var url = RouteSamples.Urls.TryGetValue(route.Route, out var sample) ? sample : route.Route["GET ".Length..];
                using var response = await client.GetAsync(url);
                opened++;
                if (response.StatusCode >= HttpStatusCode.InternalServerError) problems.Add($"{user} {url}: {(int)response.StatusCode}");
            }
        }
        Assert.True(opened > 50, $"only {opened} pages opened");
        Assert.Empty(problems);
    }
}
