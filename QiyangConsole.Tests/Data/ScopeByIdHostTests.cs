using System.Net;
using ClosedXML.Excel;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// Data scope by id, on the demo data of the running console: for each area a user asking for another's record by URL or
/// download gets 无权访问 and nothing of the record, while its owner (the control) sees it by the same URL.
/// </summary>
[Collection(HostCollection.Name)]
public class ScopeByIdHostTests(HostFixture fixture)
{
    private async Task<AppDbContext> DbAsync() =>
        await fixture.Host.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();

    private async Task<string> IdOfAsync(string userName)
    {
        await using var db = await DbAsync();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync();
    }

    private async Task<string> BodyAsync(string user, string url)
    {
        using var client = await AccessHostTests.SignedInClientAsync(fixture.Host.BaseUrl, user);
        var response = await client.GetAsync(url);
        return WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());
    }

    /// <summary>The owner sees <paramref name="secret"/> at the URL; the other user gets 无权访问 and not a character of it.</summary>
    private async Task AssertOnlyOwnerSeesAsync(string owner, string other, string url, string secret)
    {
        Assert.Contains(secret, await BodyAsync(owner, url));
        var refused = await BodyAsync(other, url);
        Assert.DoesNotContain(secret, refused);
        Assert.Contains("无权访问", refused);
    }

    [Fact]
    public async Task A_steward_cannot_open_another_stewards_enterprise_visit_or_photo()
    {
        var steward2 = await IdOfAsync("steward2");
        await using var db = await DbAsync();
        var enterprise = await db.Enterprises.Where(e => e.StewardId == steward2).OrderBy(e => e.Id).FirstAsync();
        await AssertOnlyOwnerSeesAsync("steward2", "steward", $"/enterprises/{enterprise.Id}", enterprise.CreditCode);
        await AssertOnlyOwnerSeesAsync("steward2", "steward", $"/enterprises/{enterprise.Id}/card", enterprise.Name);
        var visit = await db.Visits.Where(v => v.StewardId == steward2 && v.Enterprise!.StewardId == steward2).OrderBy(v => v.Id).FirstAsync();
        await AssertOnlyOwnerSeesAsync("steward2", "steward", $"/visits/{visit.Id}", visit.Done);

        using var client = await AccessHostTests.SignedInClientAsync(fixture.Host.BaseUrl, "steward");
        var photo = await client.GetAsync($"/visits/{visit.Id}/photo");
        Assert.Equal(HttpStatusCode.Forbidden, photo.StatusCode);
        Assert.StartsWith("无权访问", await photo.Content.ReadAsStringAsync());
        // A missing id answers the same: ids cannot be probed.
        var missing = await client.GetAsync("/visits/987654/photo");
        Assert.Equal(photo.StatusCode, missing.StatusCode);
        Assert.Equal(await photo.Content.ReadAsStringAsync(), await missing.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_unit_cannot_open_another_units_problem()
    {
        await using var db = await DbAsync();
        var unitId = await db.Users.Where(u => u.UserName == "unit").Select(u => u.UnitId).SingleAsync();
        var foreign = await db.Problems.Where(p => p.UnitId != unitId).OrderBy(p => p.Id).FirstAsync();
        await AssertOnlyOwnerSeesAsync("office", "unit", $"/exchanges/problems/{foreign.Id}", foreign.Description);

    }

    [Fact]
    public async Task A_user_with_both_the_unit_and_the_steward_role_sees_no_other_stewards_visits()
    {
        const string name = "scope-unitsteward";
        using (var scope = fixture.Host.Services.CreateScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
            if (await users.FindByNameAsync(name) is null)
            {
                var unit = await users.FindByNameAsync("unit");
                var user = new AppUser { UserName = name, DisplayName = "单位兼管家", UnitId = unit!.UnitId, CreatedAt = DateTime.UtcNow, PasswordChangedAt = DateTime.UtcNow };
                Assert.True((await users.CreateAsync(user, "Qiyang@2023")).Succeeded);
                Assert.True((await users.AddToRolesAsync(user, [AppRoles.Unit, AppRoles.Steward])).Succeeded);
            }
        }
        var steward2 = await IdOfAsync("steward2");
        await using var db = await DbAsync();
        var visit = await db.Visits.Where(v => v.StewardId == steward2 && v.Enterprise!.StewardId == steward2).OrderBy(v => v.Id).FirstAsync();
        await AssertOnlyOwnerSeesAsync("steward2", name, $"/visits/{visit.Id}", visit.Done);

        // The export of all visits: the office's has rows, this user's (no enterprises of its own) none.
        Assert.True(await ExportRowsAsync("office") > 0);
        Assert.Equal(0, await ExportRowsAsync(name));
        Assert.Equal(0, await ExportRowsAsync(name, $"?steward={steward2}"));
    }

    private async Task<int> ExportRowsAsync(string user, string query = "")
    {
        using var client = await AccessHostTests.SignedInClientAsync(fixture.Host.BaseUrl, user);
        var response = await client.GetAsync("/visits/export.xlsx" + query);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var book = new XLWorkbook(new MemoryStream(await response.Content.ReadAsByteArrayAsync()));
        var sheet = book.Worksheets.First();
        var header = sheet.RowsUsed().First(r => r.Cell(1).GetString() == "序号").RowNumber();
        return sheet.RowsUsed().Count(r => r.RowNumber() > header && r.Cell(1).GetString() != "");
    }

    [Fact]
    public async Task The_read_only_role_sees_masked_phones_and_no_visit_notes_problems_or_callbacks()
    {
        await using var db = await DbAsync();
        var enterprise = await db.Enterprises.Where(e => e.ContactPhone != null && e.ContactPhone.Length >= 8).OrderBy(e => e.Id).FirstAsync();
        var phone = enterprise.ContactPhone!;
        Assert.Contains(phone, await BodyAsync("office", $"/enterprises/{enterprise.Id}"));
        var viewed = await BodyAsync("viewer", $"/enterprises/{enterprise.Id}");
        Assert.Contains(enterprise.Name, viewed);
        Assert.DoesNotContain(phone, viewed);
        Assert.Contains(phone[..3] + "****" + phone[^4..], viewed);

        using var viewer = await AccessHostTests.SignedInClientAsync(fixture.Host.BaseUrl, "viewer");
        foreach (var url in new[] { "/visits", "/visits/1", "/visits/export.xlsx", "/exchanges/problems", "/callbacks", "/exchanges/problems.xlsx" })
        {
            var response = await viewer.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains("/account/denied"), $"viewer {url}: {(int)response.StatusCode}");
        }

    }
}
