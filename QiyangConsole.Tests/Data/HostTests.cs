using System.Net;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

[Collection(HostCollection.Name)]
public class HostTests(HostFixture fixture)
{
    [Fact]
    public async Task Healthz_answers_and_pages_carry_chinese_as_utf8_not_entities()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Host.BaseUrl) };
        Assert.Equal("ok", await client.GetStringAsync("/healthz"));
        var html = await client.GetStringAsync("/account/login");
        Assert.Contains("账号登录", html);
        Assert.DoesNotContain("&#x", html);
        Assert.Contains("lang=\"zh-CN\"", html);
    }

    [Fact]
    public async Task The_app_serves_its_own_and_mudblazors_styles_and_scripts_in_production()
    {
        using var client = new HttpClient { BaseAddress = new Uri(fixture.Host.BaseUrl) };
        foreach (var path in new[] { "/_content/MudBlazor/MudBlazor.min.css", "/_content/MudBlazor/MudBlazor.min.js", "/_framework/blazor.web.js", "/assets/css/app.css", "/assets/css/card.css" })
        {
            var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Anonymous_requests_are_sent_to_sign_in_and_the_dashboard_too()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(fixture.Host.BaseUrl) };
        foreach (var path in new[] { "/", "/system/users", "/hangfire" })
        {
            var response = await client.GetAsync(path);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.Contains("/account/login", response.Headers.Location!.ToString());
        }
    }

    [Fact]
    public async Task The_calendar_check_job_is_registered_and_runs_on_demand_with_its_run_recorded()
    {
        using var scope = fixture.Host.Services.CreateScope();
        var jobs = scope.ServiceProvider.GetRequiredService<CalendarCheckJob>();
        var message = await jobs.RunAsync();
        var factory = scope.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await using var db = await factory.CreateDbContextAsync();
        var run = await db.JobRuns.OrderByDescending(r => r.Id).FirstAsync(r => r.JobName == CalendarCheckJob.Id);
        Assert.True(run.Succeeded);
        Assert.Equal(message, run.Message);
        Assert.NotNull(run.EndedAt);

        using var connection = Hangfire.JobStorage.Current.GetConnection();
        var recurring = Hangfire.Storage.StorageConnectionExtensions.GetRecurringJobs(connection);
        var job = Assert.Single(recurring, j => j.Id == CalendarCheckJob.Id);
        Assert.Equal("Asia/Shanghai", job.TimeZoneId);
        var stewards = Assert.Single(recurring, j => j.Id == QiyangConsole.Features.Enterprises.StewardRemindersJob.Id);
        Assert.Equal(("45 7 * * *", "Asia/Shanghai"), (stewards.Cron, stewards.TimeZoneId));
    }
}
