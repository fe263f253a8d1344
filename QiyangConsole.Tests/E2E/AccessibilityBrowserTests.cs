using System.Diagnostics;
using System.Text;
using System.Text.Json;
using Deque.AxeCore.Commons;
using Microsoft.Playwright;
using QiyangConsole.Components.Layout;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Tests.Support;
using Xunit.Abstractions;

namespace QiyangConsole.Tests.E2E;

/// <summary>
/// axe-core's WCAG 2.0/2.1 A and AA rules (GB/T 37668-2019 builds on them) on every page of the access table, at 1366 px
/// and again at 375 px in the same tab, and on each role's home and menu pages; one signed-in tab per role.
/// </summary>
[Collection(HostCollection.Name)]
public class AccessibilityBrowserTests(HostFixture fixture, BrowserFixture browser, ITestOutputHelper output) : IClassFixture<BrowserFixture>
{
    private static readonly List<string> Tags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

    /// <summary>
    /// Violations that sit inside a MudBlazor component and cannot be fixed from our markup: the rule, the element
    /// (a CSS selector the flagged node lies within) and why. Each excuses that rule on that element only.
    /// </summary>
    internal static readonly (string Rule, string Selector, string Reason)[] MudBlazorExclusions = [];

    /// <summary>A real URL for each page template: the access matrix's, with a month whose sheet is full.</summary>
    private static readonly Dictionary<string, string> Samples = new(RouteSamples.Urls) { ["/evaluation/periods/{Id:int}"] = "/evaluation/periods/5" };

    /// <summary>The demo users, one per role; a page is swept as the first of them that may open it.</summary>
    private static readonly (string User, string Role)[] Users =
    [
        ("office", AppRoles.Office), ("steward", AppRoles.Steward), ("unit", AppRoles.Unit), ("sysadmin", AppRoles.SysAdmin),
        ("secadmin", AppRoles.SecAdmin), ("auditor", AppRoles.Auditor), ("leader", AppRoles.Leader), ("viewer", AppRoles.Viewer),
    ];

    /// <summary>Pages the sweep still finds serious violations on (none when the whole console is clean).</summary>
    private static readonly HashSet<string> NotYetClean = [];

    private const int Lanes = 2;

    private sealed record Finding(string User, string Url, int Width, string Rule, string Impact, int Nodes, string Example);

    [Fact]
    public async Task Every_page_has_no_serious_or_critical_axe_violation_for_each_role_at_1366_and_375_px()
    {
        var watch = Stopwatch.StartNew();
        var plan = Plan();
        var findings = new List<Finding>();
        var swept = 0;
        TimeSpan openTime = default, axeTime = default;
        // Two tabs at a time (each signed in once per user): axe's own work in the browser is most of the time.
        var work = plan.SelectMany(p => p.Urls.Select(url => (p.User, Url: url))).ToList();
        var lanes = Enumerable.Range(0, Lanes).Select(lane => work.Where((_, i) => i % Lanes == lane).ToList());
        await Task.WhenAll(lanes.Select(async lane =>
        {
            foreach (var group in lane.GroupBy(w => w.User))
            {
                var page = await browser.NewPageAsync(fixture.Host.BaseUrl, 1366, 860);
                if (group.Key != "") await page.SignInAsync(group.Key);
                foreach (var (user, url) in group)
                {
                    await page.SetViewportSizeAsync(1366, 860);
                    var opened = Stopwatch.StartNew();
                    await OpenAsync(page, url);
                    var openedIn = opened.Elapsed;
                    var checkedAt = Stopwatch.StartNew();
                    var found = await AxeAsync(page, user, url, 1366);
                    await page.SetViewportSizeAsync(375, 812);
                    await page.WaitForTimeoutAsync(150);  // MudBlazor's breakpoint listener re-renders the drawer and grids
                    found.AddRange(await AxeAsync(page, user, url, 375));
                    lock (findings) { findings.AddRange(found); swept++; openTime += openedIn; axeTime += checkedAt.Elapsed; }
                }
                await page.Context.CloseAsync();
            }
        }));
        watch.Stop();

        var report = Report(findings, swept, watch.Elapsed) + $"{Lanes} tabs at a time; summed over the tabs: opening pages {openTime.TotalSeconds:0} s, axe at both widths {axeTime.TotalSeconds:0} s\n";
        output.WriteLine(report);
        await File.WriteAllTextAsync(Path.Combine(BrowserFixture.ScreenshotDirectory, "axe-report.txt"), report);

        var failing = findings.Where(f => f.Impact is "serious" or "critical" && !NotYetClean.Contains(f.Url))
            .Select(f => $"{f.User} {f.Url} @{f.Width}: {f.Rule} ({f.Impact}) ×{f.Nodes} e.g. {f.Example}").ToList();
        Assert.True(failing.Count == 0, string.Join("\n", failing));
    }

    /// <summary>Each page of the access table once (as the first user that may open it), then each role's home and menu pages.</summary>
    private static List<(string User, List<string> Urls)> Plan()
    {
        var byUser = new Dictionary<string, List<string>>();
        void Add(string user, string url)
        {
            if (!byUser.TryGetValue(user, out var list)) byUser[user] = list = [];
            if (!list.Contains(url)) list.Add(url);
        }
        foreach (var route in Access.Routes.Where(r => r.Route.StartsWith('/')))
        {
            var url = Samples.TryGetValue(route.Route, out var sample) ? sample : route.Route;
            Assert.DoesNotContain("{", url);
            if (route.Policy == Access.Anonymous) { Add("", url); continue; }
            var user = Users.First(u => Access.Allows(route.Policy, r => r == u.Role)).User;
            Add(user, url);
        }
        // Each role's home and its first two lists: what each role sees differs (menus, scoped rows, masked phones).
        foreach (var (user, role) in Users)
        {
            Add(user, "/");
            foreach (var item in NavCatalog.For(r => r == role).SelectMany(s => s.Items).Take(2)) Add(user, item.Href);
        }
        return byUser.Select(kv => (kv.Key, kv.Value)).OrderBy(p => p.Key == "" ? 0 : 1).ToList();
    }

    private static async Task OpenAsync(IPage page, string url)
    {
        await page.GotoAsync(url);
        if (await page.Locator(".mud-layout").CountAsync() == 0)
        {
            // Sign-in, error and print pages: server-rendered HTML; a print page with controls starts a circuit, whose
            // head outlet renders the title again — axe must not run in between (a page with no title at all still
            // fails here, by the timeout).
            await page.WaitForTimeoutAsync(400);
            await page.WaitForFunctionAsync("() => document.title.trim().length > 0", null, new() { Timeout = 10_000 });
            return;
        }
        await page.WaitForInteractiveAsync();
        await page.WaitForTimeoutAsync(400);  // let the circuit fill the page (a live WebSocket keeps "network idle" from ever settling)
    }

    /// <summary>axe-core 4.14 as bundled by Deque's package.</summary>
    private static readonly string AxeScript = new BundledAxeScriptProvider().GetScript();

    private sealed record AxeNode(List<string> Target);
    private sealed record AxeViolation(string Id, string? Impact, List<AxeNode> Nodes);

    /// <summary>
    /// Runs axe in the page, injected once per page load. Deque's <c>RunAxe</c> injects the 550 KB script on every call and
    /// returns every result type: measured here, 1.1–2.8 s a call where axe itself takes 0.3–0.45 s.
    /// </summary>
    private static async Task<List<Finding>> AxeAsync(IPage page, string user, string url, int width)
    {
        if (!await page.EvaluateAsync<bool>("() => typeof window.axe === 'object'")) await page.EvaluateAsync(AxeScript);
        var json = await page.EvaluateAsync<string>(
            "async tags => JSON.stringify((await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] })).violations" +
            ".map(v => ({ id: v.id, impact: v.impact, nodes: v.nodes.map(n => ({ target: n.target.map(t => Array.isArray(t) ? t.join(' ') : t) })) })))",
            Tags);
        var violations = JsonSerializer.Deserialize<List<AxeViolation>>(json, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        var findings = new List<Finding>();
        foreach (var violation in violations)
        {
            var nodes = violation.Nodes.Select(n => string.Join(" ", n.Target)).ToList();
            var excluded = MudBlazorExclusions.Where(e => e.Rule == violation.Id).Select(e => e.Selector).ToArray();
            if (excluded.Length > 0)
                nodes = await page.EvaluateAsync<List<string>>(
                    "([targets, selectors]) => targets.filter(t => { const el = document.querySelector(t); return !el || !selectors.some(s => el.closest(s)); })",
                    new object[] { nodes, excluded });
            if (nodes.Count > 0)
                findings.Add(new Finding(user == "" ? "anonymous" : user, url, width, violation.Id, violation.Impact ?? "", nodes.Count, nodes[0]));
        }
        return findings;
    }

    private static string Report(List<Finding> findings, int swept, TimeSpan elapsed)
    {
        var text = new StringBuilder();
        text.AppendLine($"axe {string.Join(",", Tags)}: {swept} pages × 2 widths in {elapsed.TotalSeconds:0} s");
        var serious = findings.Where(f => f.Impact is "serious" or "critical").ToList();
        text.AppendLine($"serious/critical: {serious.Sum(f => f.Nodes)} nodes in {serious.Count} rule hits on {serious.Select(f => f.Url).Distinct().Count()} pages; moderate/minor: {findings.Except(serious).Sum(f => f.Nodes)} nodes");
        foreach (var group in findings.GroupBy(f => f.Rule).OrderByDescending(g => g.Sum(f => f.Nodes)))
            text.AppendLine($"  {group.Key} ({group.First().Impact}): {group.Sum(f => f.Nodes)} nodes on {group.Select(f => f.Url).Distinct().Count()} pages");
        foreach (var f in findings.OrderBy(f => f.Url).ThenBy(f => f.User).ThenBy(f => f.Width))
            text.AppendLine($"{f.User}\t{f.Url}\t{f.Width}\t{f.Rule}\t{f.Impact}\t{f.Nodes}\t{f.Example}");
        return text.ToString();
    }
}
