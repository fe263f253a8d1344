using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Enterprises;

public sealed record CadreTotals(int Cadres, int Enterprises, int Projects, IReadOnlyDictionary<CadreList, int> OpenItems);

public sealed record CadreRow(int Id, string Name, string Unit, string? Post, string? Phone, IReadOnlyList<string> Enterprises, IReadOnlyList<string> Projects, int OpenItems);

public sealed record LinkView(CadreLink Link, string Target, List<CadreListItem> Items);

public sealed record CadreDetail(Cadre Cadre, List<LinkView> Links);

/// <summary>百名干部联百企: cadres linked to enterprises and key projects, with three lists per link.</summary>
public sealed class CadreService(IDbContextFactory<AppDbContext> factory, CurrentUser user, TimeProvider clock)
{

    public async Task<CadreTotals> TotalsAsync()
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        var open = await db.CadreListItems.Where(i => i.State != ItemState.Done).GroupBy(i => i.List).Select(g => new { g.Key, Count = g.Count() }).ToListAsync();
        return new CadreTotals(await db.Cadres.CountAsync(),
            await db.CadreLinks.Where(l => l.EnterpriseId != null).Select(l => l.EnterpriseId).Distinct().CountAsync(),
            await db.CadreLinks.Where(l => l.ProjectId != null).Select(l => l.ProjectId).Distinct().CountAsync(),
            Enum.GetValues<CadreList>().ToDictionary(l => l, l => open.FirstOrDefault(o => o.Key == l)?.Count ?? 0));
    }

    public async Task<(List<CadreRow> Rows, int Total)> ListAsync(string? text, int? unitId, int skip, int take)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        var cadres = db.Cadres.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var t = text.Trim();
            cadres = cadres.Where(c => c.Name.Contains(t) || db.CadreLinks.Any(l => l.CadreId == c.Id && (l.Enterprise!.Name.Contains(t) || l.Project!.Name.Contains(t))));
        }
        if (unitId is { } u) cadres = cadres.Where(c => c.UnitId == u);
        var total = await cadres.CountAsync();
        var rows = await cadres.OrderBy(c => c.Unit!.SortOrder).ThenBy(c => c.Id).Skip(skip).Take(take).Select(c => new
        {
            c.Id, c.Name, Unit = c.Unit!.Name, c.Post, c.Phone,
            Enterprises = db.CadreLinks.Where(l => l.CadreId == c.Id && l.EnterpriseId != null).Select(l => l.Enterprise!.Name).ToList(),
            Projects = db.CadreLinks.Where(l => l.CadreId == c.Id && l.ProjectId != null).Select(l => l.Project!.Name).ToList(),
            Open = db.CadreListItems.Count(i => i.Link!.CadreId == c.Id && i.State != ItemState.Done),
        }).ToListAsync();
        return (rows.Select(c => new CadreRow(c.Id, c.Name, c.Unit, c.Post, c.Phone, c.Enterprises, c.Projects, c.Open)).ToList(), total);
    }

    public async Task<CadreDetail> DetailAsync(int id)
    {
        user.Require(Access.Overseers);
        await using var db = await factory.CreateDbContextAsync();
        var cadre = await db.Cadres.AsNoTracking().Include(c => c.Unit).FirstOrDefaultAsync(c => c.Id == id) ?? throw new DomainException("干部不存在");
        var links = await db.CadreLinks.AsNoTracking().Include(l => l.Enterprise).Include(l => l.Project).Where(l => l.CadreId == id).OrderBy(l => l.ProjectId != null).ThenBy(l => l.Id).ToListAsync();
        var ids = links.Select(l => l.Id).ToList();
        var items = await db.CadreListItems.AsNoTracking().Include(i => i.OwnerUnit).Where(i => ids.Contains(i.LinkId)).OrderBy(i => i.List).ThenBy(i => i.Deadline).ToListAsync();
        return new CadreDetail(cadre, links.Select(l => new LinkView(l, l.Enterprise?.Name ?? l.Project?.Name ?? "", items.Where(i => i.LinkId == l.Id).ToList())).ToList());
    }

    public async Task<int> SaveCadreAsync(int id, string? name, int? unitId, string? post, string? phone, int version)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(CadreRules.CadreProblem(name, unitId, post, phone));
        var u = unitId!.Value;
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Units.AnyAsync(x => x.Id == u && x.IsActive)) throw new DomainException("请选择干部所在单位");
        var cadre = id == 0 ? db.Cadres.Add(new Cadre { Name = "" }).Entity : await db.Cadres.FindAsync(id) ?? throw new DomainException("干部不存在");
        if (id != 0) db.ExpectVersion(cadre, version);
        (cadre.Name, cadre.UnitId, cadre.Post, cadre.Phone) = (name!.Trim(), u, string.IsNullOrWhiteSpace(post) ? null : post.Trim(), string.IsNullOrWhiteSpace(phone) ? null : phone.Trim());
        await db.SaveOrConflictAsync();
        return cadre.Id;
    }

    /// <summary>Links a cadre to an enterprise or to a project (exactly one).</summary>
    public async Task LinkAsync(int cadreId, int? enterpriseId, int? projectId)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(CadreRules.LinkProblem(enterpriseId, projectId));
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.Cadres.AnyAsync(c => c.Id == cadreId)) throw new DomainException("干部不存在");
        if (enterpriseId is { } e && !await db.Enterprises.AnyAsync(x => x.Id == e)) throw new DomainException("企业不存在");
        if (projectId is { } p && !await db.Projects.AnyAsync(x => x.Id == p)) throw new DomainException("项目不存在");
        if (await db.CadreLinks.AnyAsync(l => l.CadreId == cadreId && l.EnterpriseId == enterpriseId && l.ProjectId == projectId)) throw new DomainException("已联系该企业或项目");
        db.CadreLinks.Add(new CadreLink { CadreId = cadreId, EnterpriseId = enterpriseId, ProjectId = projectId });
        await db.SaveOrConflictAsync();
    }

    public async Task UnlinkAsync(int linkId)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var link = await db.CadreLinks.FindAsync(linkId) ?? throw new DomainException(DomainException.Conflict);
        if (await db.CadreListItems.AnyAsync(i => i.LinkId == linkId && i.State != ItemState.Done)) throw new DomainException("该联系还有未办结的清单事项，不能解除");
        db.CadreLinks.Remove(link);
        await db.SaveChangesAsync();
    }

    public async Task AddItemAsync(int linkId, CadreList list, string? content, int? ownerUnitId, DateOnly? deadline)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(CadreRules.ItemProblem(list, content, deadline, clock.Today()));
        var d = deadline!.Value;
        await using var db = await factory.CreateDbContextAsync();
        if (!await db.CadreLinks.AnyAsync(l => l.Id == linkId)) throw new DomainException("联系关系不存在");
        if (ownerUnitId is not { } u || !await db.Units.AnyAsync(x => x.Id == u && x.IsActive)) throw new DomainException("请选择责任单位");
        db.CadreListItems.Add(new CadreListItem { LinkId = linkId, List = list, Content = content!.Trim(), OwnerUnitId = u, Deadline = d });
        await db.SaveChangesAsync();
    }

    public async Task UpdateItemAsync(int itemId, ItemState state, string? result, int version)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var item = await db.CadreListItems.FindAsync(itemId) ?? throw new DomainException("清单事项不存在");
        DomainException.ThrowIf(CadreRules.ItemUpdateProblem(item.State, state, result));
        db.ExpectVersion(item, version);
        item.State = state;
        item.Result = string.IsNullOrWhiteSpace(result) ? item.Result : result.Trim();
        item.DoneOn = state == ItemState.Done ? clock.Today() : null;
        await db.SaveOrConflictAsync();
    }
}
