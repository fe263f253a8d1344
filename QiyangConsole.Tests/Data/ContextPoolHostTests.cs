using System.Security.Claims;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data;

/// <summary>
/// The console's contexts come from EF's pool (<see cref="ContextPool"/>): a context one user gave back and another is
/// handed must act for the second (the operation log names them) and keep nothing of the first.
/// </summary>
[Collection(HostCollection.Name)]
public class ContextPoolHostTests(HostFixture fixture)
{
    private AsyncServiceScope ScopeOf(string userName)
    {
        var scope = fixture.Host.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(new ClaimsPrincipal(new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, AppRoles.Office), new Claim(ClaimTypes.NameIdentifier, userName)], "test")));
        return scope;
    }

    [Fact]
    public async Task A_context_handed_out_again_acts_for_its_new_user_and_keeps_nothing_of_the_last()
    {
        Guid instance;
        int firstLease;
        await using (var first = ScopeOf("pool-first"))
        {
            await using var db = await first.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            (instance, firstLease) = (db.ContextId.InstanceId, db.ContextId.Lease);
            Assert.Equal("pool-first", db.Actor?.UserName);
            db.ChangeTracker.QueryTrackingBehavior = QueryTrackingBehavior.NoTracking;
            db.DictionaryItems.Add(new DictionaryItem { Type = "pool-test", Label = "未保存的第一位用户的改动" });
            await db.Units.FirstAsync();
        }

        await using var second = ScopeOf("pool-second");
        var factory = second.ServiceProvider.GetRequiredService<IDbContextFactory<AppDbContext>>();
        // The pool hands its contexts out in turn: take them until the one given back comes round.
        AppDbContext? again = null;
        for (var i = 0; i < 500 && again is null; i++)
        {
            var db = await factory.CreateDbContextAsync();
            if (db.ContextId.InstanceId == instance) again = db;
            else await db.DisposeAsync();
        }
        Assert.NotNull(again);
        await using (again)
        {
            Assert.True(again.ContextId.Lease > firstLease);
            Assert.Equal("pool-second", again.Actor?.UserName);
            Assert.Empty(again.ChangeTracker.Entries());
            Assert.Equal(QueryTrackingBehavior.TrackAll, again.ChangeTracker.QueryTrackingBehavior);
            Assert.False(await again.DictionaryItems.AnyAsync(d => d.Type == "pool-test"));

            var item = new DictionaryItem { Type = "pool-test", Label = "第二位用户的改动" };
            again.DictionaryItems.Add(item);
            await again.SaveChangesAsync();
            again.DictionaryItems.Remove(item);
            await again.SaveChangesAsync();
            var key = item.Id.ToString();
            var logged = await again.AuditEntries.Where(a => a.Entity == nameof(DictionaryItem) && a.EntityKey == key).Select(a => a.UserName).ToListAsync();
            Assert.Equal(["pool-second", "pool-second"], logged);
        }
    }
}
