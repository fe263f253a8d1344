using System.Reflection;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Components;
using QiyangConsole.Components.Layout;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Tests.Unit;

/// <summary>Every page names the policy the access table gives its route, and the navigation follows the same table.</summary>
public class AccessTableTests
{
    private static readonly IReadOnlyList<(Type Page, string Route)> Pages = typeof(Program).Assembly.GetTypes()
        .Where(t => typeof(IComponent).IsAssignableFrom(t))
        .SelectMany(t => t.GetCustomAttributes<RouteAttribute>().Select(r => (t, r.Template)))
        .ToList();

    /// <summary>The policy a page's attributes enforce: AllowAnonymous wins, else the narrowest of its Authorize attributes.</summary>
    public static string EffectivePolicy(Type page)
    {
        if (page.GetCustomAttributes<AllowAnonymousAttribute>(true).Any()) return Access.Anonymous;
        var policies = page.GetCustomAttributes<AuthorizeAttribute>(true).Select(a => a.Policy ?? (a.Roles is null ? Access.SignedIn : "Roles:" + a.Roles)).Distinct().ToList();
        var narrow = policies.Where(p => p != Access.SignedIn).ToList();
        return narrow.Count switch { 0 => policies.Count == 0 ? Access.Anonymous : Access.SignedIn, 1 => narrow[0], _ => string.Join("+", narrow) };
    }

    [Fact]
    public void A_link_is_shown_only_to_whom_its_page_is_open()
    {
        Func<string, bool> office = r => r == AppRoles.Office, unit = r => r == AppRoles.Unit, sysadmin = r => r == AppRoles.SysAdmin;
        Assert.True(Access.MayOpen("/projects?from=2023-01-01&to=2023-05-18&dates=signed", office));
        Assert.Equal(Access.Allows(Access.For("/projects").Policy, unit), Access.MayOpen("/projects?from=2023-01-01", unit));
        Assert.False(Access.MayOpen("/projects", unit));
        Assert.False(Access.MayOpen("/system/users#top", office));
        Assert.True(Access.MayOpen("/system/users", sysadmin));
        // A record's page is decided by the record's scope when it is opened.
        Assert.True(Access.MayOpen("/projects/5", unit));
    }

    [Fact]
    public void The_app_has_pages_to_check() => Assert.True(Pages.Count >= 45, $"{Pages.Count} routes found");

    [Fact]
    public void Every_page_has_an_entry_and_enforces_its_policy()
    {
        var problems = new List<string>();
        foreach (var (page, route) in Pages)
        {
            var entry = Access.Routes.FirstOrDefault(r => r.Route == route);
            if (entry is null) { problems.Add($"{route} ({page.Name}): no entry in Access.Routes"); continue; }
            var actual = EffectivePolicy(page);
            if (actual != entry.Policy) problems.Add($"{route} ({page.Name}): the page enforces {actual}, the table says {entry.Policy}");
        }
        Assert.Empty(problems);
    }

    [Fact]
    public void Pages_write_no_roles_of_their_own()
    {
        var byRoles = Pages.Where(p => p.Page.GetCustomAttributes<AuthorizeAttribute>(true).Any(a => a.Roles is not null)).Select(p => p.Route).ToList();
        Assert.Empty(byRoles);
    }

    [Fact]
    public void Every_policy_in_the_table_is_known_and_every_entry_is_used_once()
    {
        foreach (var entry in Access.Routes)
            Assert.True(entry.Policy is Access.Anonymous or Access.SignedIn || Access.Policies.ContainsKey(entry.Policy), $"{entry.Route}: {entry.Policy}");
        Assert.Equal(Access.Routes.Count, Access.Routes.Select(r => r.Route).Distinct(StringComparer.OrdinalIgnoreCase).Count());
        var pageRoutes = Pages.Select(p => p.Route).ToHashSet();
        var stale = Access.Routes.Where(r => !r.Route.Contains(' ') && !pageRoutes.Contains(r.Route)).Select(r => r.Route).ToList();
        Assert.Empty(stale);
    }

    public static TheoryData<string> Roles => new(AppRoles.All);

    [Theory]
    [MemberData(nameof(Roles))]
    public void The_navigation_shows_a_role_exactly_the_pages_its_policy_lets_in(string role)
    {
        bool IsInRole(string r) => r == role;
        var shown = NavCatalog.For(IsInRole).SelectMany(s => s.Items).Select(i => i.Href).ToHashSet();
        foreach (var item in NavCatalog.Sections.SelectMany(s => s.Items))
        {
            var page = Pages.Single(p => p.Route == item.Href).Page;
            var policy = EffectivePolicy(page);
            Assert.Equal(Access.Allows(policy, IsInRole) && (item.ShownTo is null || Access.Allows(item.ShownTo, IsInRole)), shown.Contains(item.Href));
        }
    }

    [Fact]
    public void The_unit_evaluation_is_open_to_any_account_but_in_the_menu_of_units_only()
    {
        var mine = NavCatalog.Sections.SelectMany(s => s.Items).Single(i => i.Href == "/evaluation/mine");
        Assert.Equal(Access.SignedIn, Access.For(mine.Href).Policy);
        Assert.True(mine.AllowedFor(r => r == AppRoles.Unit));
        Assert.False(mine.AllowedFor(r => r == AppRoles.Leader));
    }

    [Fact]
    public void Several_roles_pass_a_policy_when_any_one_of_them_does()
    {
        bool UnitAndSteward(string r) => r is AppRoles.Unit or AppRoles.Steward;
        Assert.True(Access.Allows(Access.UnitWork, UnitAndSteward));
        Assert.True(Access.Allows(Access.StewardWork, UnitAndSteward));
        Assert.False(Access.Allows(Access.Overseers, UnitAndSteward));
        Assert.False(Access.Allows(Access.OfficeOnly, UnitAndSteward));
        Assert.Throws<InvalidOperationException>(() => Access.Allows("Office", UnitAndSteward));
    }
}
