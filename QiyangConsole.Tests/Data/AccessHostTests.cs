using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components.Endpoints;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure.Auth;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// The access table against the running app: every mapped endpoint has an entry and enforces its policy, and every
/// route answers each role (and a user with both the Unit and the Steward role, and nobody signed in) as the table says.
/// </summary>
[Collection(HostCollection.Name)]
public partial class AccessHostTests(HostFixture fixture)
{
    private const string Password = "Qiyang@2023";


    /// <summary>The users of the matrix: the five business roles, a Unit+Steward user made here, the three administrators, and nobody.</summary>
    private static readonly (string User, string[] Roles)[] Users =
    [
        ("office", [AppRoles.Office]), ("leader", [AppRoles.Leader]), ("unit", [AppRoles.Unit]),
        ("steward", [AppRoles.Steward]), ("viewer", [AppRoles.Viewer]), ("unitsteward", [AppRoles.Unit, AppRoles.Steward]),
        ("sysadmin", [AppRoles.SysAdmin]), ("secadmin", [AppRoles.SecAdmin]), ("auditor", [AppRoles.Auditor]), ("", []),
    ];

    [Fact]
    public void Every_mapped_endpoint_has_an_entry_and_enforces_its_policy()
    {
        var endpoints = fixture.Host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<ComponentTypeMetadata>() is null)           // pages: checked by AccessTableTests
            .Where(e => !(e.RoutePattern.RawText ?? "").TrimStart('/').StartsWith('_'))      // _framework, _content, _blazor
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is null)
            .ToList();
        Assert.NotEmpty(endpoints);
        var problems = new List<string>();
        foreach (var e in endpoints)
        {
            var methods = e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods;
            var key = $"{(methods is { Count: 1 } ? methods[0] : "*")} /{e.RoutePattern.RawText!.TrimStart('/')}";
            var entry = Access.Routes.FirstOrDefault(r => string.Equals(r.Route, key, StringComparison.OrdinalIgnoreCase));
            if (entry is null) { problems.Add($"{key}: no entry in Access.Routes"); continue; }
            var policy = e.Metadata.GetMetadata<IAllowAnonymous>() is not null ? Access.Anonymous
                : e.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy ?? Access.SignedIn).Where(p => p != Access.SignedIn).DefaultIfEmpty(
                    e.Metadata.GetOrderedMetadata<IAuthorizeData>().Any() ? Access.SignedIn : Access.Anonymous).Single();
            if (policy != entry.Policy) problems.Add($"{key}: the endpoint enforces {policy}, the table says {entry.Policy}");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_route_answers_every_role_as_the_table_says()
    {
        await EnsureUnitStewardAsync();
        var routes = Access.Routes.Where(r => !r.Route.StartsWith("POST ")).ToList();
        var problems = new List<string>();
        foreach (var (user, roles) in Users)
        {
            using var client = await SignedInClientAsync(fixture.Host.BaseUrl, user);
            foreach (var route in routes)
            {
                var url = RouteSamples.Urls.TryGetValue(route.Route, out var sample) ? sample : route.Route.Replace("GET ", "");
                Assert.DoesNotContain("{", url);
                var response = await client.GetAsync(url);
                var location = response.Headers.Location?.ToString() ?? "";
                var refused = response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found
                    && (location.Contains("/account/denied") || location.Contains("/account/login"));
                var expected = user == "" ? route.Policy == Access.Anonymous : Access.Allows(route.Policy, roles.Contains);
                if (refused == expected) problems.Add($"{(user == "" ? "anonymous" : user)} {url}: {(int)response.StatusCode} {location} but the table says {(expected ? "allowed" : "refused")} ({route.Policy})");
                else if (!refused && response.StatusCode == HttpStatusCode.InternalServerError) problems.Add($"{user} {url}: 500");
            }
        }
        Assert.Empty(problems);
    }

    private async Task EnsureUnitStewardAsync()
    {
        using var scope = fixture.Host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        if (await users.FindByNameAsync("unitsteward") is not null) return;
        var unit = await users.FindByNameAsync("unit");
        var user = new AppUser { UserName = "unitsteward", DisplayName = "单位兼管家", UnitId = unit!.UnitId };
        Assert.True((await users.CreateAsync(user, Password)).Succeeded);
        Assert.True((await users.AddToRolesAsync(user, [AppRoles.Unit, AppRoles.Steward])).Succeeded);
    }

    /// <summary>A client signed in through the real sign-in form (antiforgery token included); "" stays anonymous.</summary>
    internal static async Task<HttpClient> SignedInClientAsync(string baseUrl, string user)
    {
        var handler = new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() };
        var client = new HttpClient(handler) { BaseAddress = new Uri(baseUrl) };
        if (user == "") return client;
        var page = await client.GetStringAsync("/account/login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        var response = await client.PostAsync("/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["_handler"] = "login", ["__RequestVerificationToken"] = token, ["Input.UserName"] = user, ["Input.Password"] = Password,
        }));
        Assert.True(response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found, $"{user} could not sign in: {(int)response.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
