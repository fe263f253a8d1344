using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using QiyangConsole.Components.Shared;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises;
using QiyangConsole.Features.Enterprises.Pages;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Data.BadInput;
using QiyangConsole.Tests.Data.Enterprises;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Components.Shared;

/// <summary>User text with markup in it, rendered by the real pages over the demo: shown as the characters typed, never as elements.</summary>
public sealed class MarkupAsTextTests : ComponentTestBase
{
    private const string Script = "<script>alert(1)</script>";
    private const string Image = "<img src=x onerror=alert(1)>";
    private const string Bold = "<b>粗体</b>";

    private async Task<(DemoDb Demo, int Id)> ArrangeAsync()
    {
        var demo = new DemoDb();
        await demo.InitializeAsync();
        var db = demo.Db;
        db.SignIn("office", AppRoles.Office);
        var id = await db.Get<EnterpriseService>().SaveAsync(new EnterpriseEdit
        {
            Name = Script, CreditCode = Kit.Code(880_001), Industry = "新材料", Address = Bold, ContactPerson = Image, ContactPhone = "13800000000",
        });
        await using (var ctx = db.CreateDbContext())
        {
            var steward = await ctx.Users.Where(u => u.UserName == "steward").Select(u => u.Id).SingleAsync();
            await db.Get<StewardService>().AssignAsync([id], steward, Bold);
            db.SignIn("steward", AppRoles.Steward, userId: steward);
            await db.Get<VisitService>().LogAsync(new VisitInput
            {
                EnterpriseId = id, VisitedOn = new DateOnly(2023, 5, 18), Duties = StewardDuties.Informant, Done = Script, ProblemsFound = Image,
            });
        }
        db.SignIn("office", AppRoles.Office);
        Services.AddAreas(db);
        AddAuthorization().SetAuthorized("office").SetRoles(AppRoles.Office);
        SetRendererInfo(new RendererInfo("Server", true));
        return (demo, id);
    }


    [Fact]
    public async Task The_register_lists_a_name_with_markup_as_text()
    {
        var (demo, _) = await ArrangeAsync();
        await using var _ = demo;
        var page = Render<EnterprisesPage>();
        page.WaitForAssertion(() => Assert.Contains(page.FindAll("#enterprises a"), a => a.TextContent == Script), TimeSpan.FromSeconds(10));
        var row = page.FindAll("#enterprises tbody tr").First(r => r.TextContent.Contains(Script));
        Assert.Contains(Image, row.TextContent);
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img[src=x]"));
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Markup);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", page.Markup);
    }

    [Fact]
    public async Task The_enterprise_page_shows_its_name_address_contact_and_visit_notes_as_text()
    {
        var (demo, id) = await ArrangeAsync();
        await using var _ = demo;
        var page = Render<EnterprisePage>(p => p.Add(x => x.Id, id));
        page.WaitForAssertion(() => Assert.Equal(Script, page.Find("h1").TextContent.Trim()), TimeSpan.FromSeconds(10));
        var text = string.Concat(page.Nodes.Select(n => n.TextContent));
        Assert.Contains(Bold, text);                                             // the address
        Assert.Contains(Image, text);                                            // the contact, and the problem found on the visit
        Assert.True(text.Split(Script).Length - 1 >= 2, "the visit's notes are not shown as text"); // the title and the visit's notes
        Assert.Empty(page.FindAll("script"));
        Assert.Empty(page.FindAll("img[src=x]"));
        Assert.DoesNotContain(page.FindAll("b"), b => b.TextContent == "粗体");
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", page.Markup);
    }

    [Fact]
    public async Task A_refusal_repeating_user_markup_is_shown_as_text_in_the_snackbar()
    {
        var provider = Render<MudSnackbarProvider>();
        var snackbar = Services.GetRequiredService<ISnackbar>();
        await provider.InvokeAsync(() => snackbar.RunAsync(() => throw new DomainException($"行业“{Script}{Image}”不在行业字典中")));
        provider.WaitForAssertion(() => Assert.Contains($"行业“{Script}{Image}”不在行业字典中", provider.Find(".mud-snackbar").TextContent));
        Assert.Empty(provider.FindAll("script"));
        Assert.Empty(provider.FindAll("img"));
    }
}
