using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Tests.Support;
using Xunit.Abstractions;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// Every detail page of every area, opened (prerendered over HTTP) for every record of the shipped data by a user who
/// may see it: a record that breaks its page, or that its page cannot show, fails here.
/// </summary>
[Collection(HostCollection.Name)]
public class DetailPagesHostTests(HostFixture fixture, ITestOutputHelper output)
{
    /// <summary>What a page must never say about a shipped record: the error page, a refusal, a record it cannot find, a calendar it lacks.</summary>
    private static readonly string[] Broken = ["系统出现错误", "无权访问", "不存在", "工作日历未载入", "工作日历尚未载入"];

    [Fact]
    public async Task Every_detail_page_opens_for_every_seeded_record()
    {
        var sweeps = await SweepsAsync();
        var templated = Access.Routes.Select(r => r.Route).Where(r => r.StartsWith('/') && r.Contains('{')).Order().ToList();
        Assert.Equal(templated, sweeps.Select(s => s.Route).Distinct().Order().ToList());
        Assert.All(sweeps, s => Assert.True(s.Urls.Count > 0, $"{s.Route}: no seeded record for {s.User}"));

        var clients = new Dictionary<string, HttpClient>();
        foreach (var user in sweeps.Select(s => s.User).Distinct())
            clients[user] = await AccessHostTests.SignedInClientAsync(fixture.Host.BaseUrl, user);
        var work = sweeps.SelectMany(s => s.Urls.Select(url => (s.User, Url: url))).ToList();
        var problems = new ConcurrentBag<string>();
        var watch = Stopwatch.StartNew();
        await Parallel.ForEachAsync(work, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (w, ct) =>
        {
            var response = await clients[w.User].GetAsync(w.Url, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            if (response.StatusCode != HttpStatusCode.OK)
                problems.Add($"{w.User} {w.Url}: {(int)response.StatusCode} {response.Headers.Location}");
            else if (Broken.FirstOrDefault(body.Contains) is { } text)
                problems.Add($"{w.User} {w.Url}: the page says “{text}”");
        });
        watch.Stop();
        foreach (var client in clients.Values) client.Dispose();
        output.WriteLine($"{work.Count} pages in {watch.Elapsed.TotalSeconds:0.0} s ({watch.Elapsed.TotalMilliseconds / work.Count:0} ms a page, 4 at a time)");
        foreach (var s in sweeps) output.WriteLine($"{s.Route} as {s.User}: {s.Urls.Count}");
        foreach (var problem in problems.Order()) output.WriteLine(problem);
        Assert.Empty(problems.Order());
    }

    private sealed record Sweep(string Route, string User, List<string> Urls);

    /// <summary>Each templated page with every URL of the shipped data; the office may open all of them, the steward its own visits.</summary>
    private async Task<List<Sweep>> SweepsAsync()
    {
        await using var db = await fixture.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var projects = await db.Projects.Select(p => p.Id).ToListAsync();
        var items = await db.WorkItems.Select(i => i.Id).ToListAsync();
        var periods = await db.EvaluationPeriods.Select(p => new { p.Id, p.Year, p.Month }).ToListAsync();
        var schemes = await db.IndicatorSchemes.Select(s => s.Year).ToListAsync();
        var enterprises = await db.Enterprises.Select(e => e.Id).ToListAsync();
        var cadres = await db.Cadres.Select(c => c.Id).ToListAsync();
        var visits = await db.Visits.Select(v => new { v.Id, Steward = v.Steward!.UserName }).ToListAsync();
        var problems = await db.Problems.Select(p => p.Id).ToListAsync();
        List<string> Each<T>(IEnumerable<T> keys, Func<T, string> url) => keys.Select(url).Distinct().ToList();
        return
        [
            new("/projects/{Id:int}", "office", Each(projects, id => $"/projects/{id}")),
            new("/work-items/{Id:int}", "office", Each(items, id => $"/work-items/{id}")),
            new("/evaluation/periods/{Id:int}", "office", Each(periods, p => $"/evaluation/periods/{p.Id}")),
            new("/evaluation/periods/{Id:int}/print", "office", Each(periods, p => $"/evaluation/periods/{p.Id}/print")),
            new("/evaluation/quarters/{Year:int}/{Quarter:int}", "office", Each(periods, p => $"/evaluation/quarters/{p.Year}/{(p.Month + 2) / 3}")),
            new("/evaluation/schemes/{Year:int}", "office", Each(schemes, y => $"/evaluation/schemes/{y}")),
            new("/enterprises/{Id:int}", "office", Each(enterprises, id => $"/enterprises/{id}")),
            new("/enterprises/{Id:int}/card", "office", Each(enterprises, id => $"/enterprises/{id}/card")),
            new("/enterprises/cadres/{Id:int}", "office", Each(cadres, id => $"/enterprises/cadres/{id}")),
            new("/visits/{Id:int}", "office", Each(visits, v => $"/visits/{v.Id}")),
            new("/visits/{Id:int}", "steward", Each(visits.Where(v => v.Steward == "steward"), v => $"/visits/{v.Id}")),
            new("/exchanges/problems/{Id:int}", "office", Each(problems, id => $"/exchanges/problems/{id}")),
        ];
    }
}
