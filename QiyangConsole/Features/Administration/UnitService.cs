using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Administration;

public sealed record UnitRow(int Id, string Name, string? ShortName, int? ParentId, int Depth, int? GroupId, string? GroupName,
    string? HeadName, string? Phone, bool IsActive, int SortOrder, int Version, int UserCount);

public sealed class UnitEdit
{
    public int Id { get; set; }
    public string Name { get; set; } = "";
    public string? ShortName { get; set; }
    public int? ParentId { get; set; }
    public int? GroupId { get; set; }
    public string? HeadName { get; set; }
    public string? Phone { get; set; }
    public int SortOrder { get; set; }
    public bool IsActive { get; set; } = true;
    public int Version { get; set; }
}

public sealed class UnitService(IDbContextFactory<AppDbContext> factory, CurrentUser user, FigureCache cache)
{
    /// <summary>The unit tree in display order (parents before children); kept for a short time (every unit pick list reads it).</summary>
    public async Task<List<UnitRow>> TreeAsync() => [.. await cache.GetAsync("units:tree", ReadTreeAsync)];

    private async Task<List<UnitRow>> ReadTreeAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        var units = await db.Units.AsNoTracking().Include(u => u.Group).ToListAsync();
        var users = await db.Users.Where(u => u.UnitId != null).GroupBy(u => u.UnitId!.Value).Select(g => new { g.Key, Count = g.Count() }).ToDictionaryAsync(x => x.Key, x => x.Count);
        var children = units.ToLookup(u => u.ParentId);
        var rows = new List<UnitRow>();
        void Walk(int? parent, int depth)
        {
            foreach (var u in children[parent].OrderBy(u => u.SortOrder).ThenBy(u => u.Id))
            {
                rows.Add(new UnitRow(u.Id, u.Name, u.ShortName, u.ParentId, depth, u.GroupId, u.Group?.Name, u.HeadName, u.Phone, u.IsActive, u.SortOrder, u.Version, users.GetValueOrDefault(u.Id)));
                Walk(u.Id, depth + 1);
            }
        }
        Walk(null, 0);
        return rows;
    }

    /// <summary>A unit and every unit below it: the data scope "own unit and below".</summary>
    public static async Task<HashSet<int>> SubtreeAsync(AppDbContext db, int unitId)
    {
        var parents = await db.Units.AsNoTracking().Select(u => new { u.Id, u.ParentId }).ToListAsync();
        var children = parents.ToLookup(u => u.ParentId, u => u.Id);
        var result = new HashSet<int> { unitId };
        var queue = new Queue<int>([unitId]);
        while (queue.TryDequeue(out var id))
            foreach (var c in children[id]) if (result.Add(c)) queue.Enqueue(c);
        return result;
    }

    public async Task<List<UnitGroup>> GroupsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.UnitGroups.AsNoTracking().OrderBy(g => g.SortOrder).ToListAsync();
    }

    public async Task SaveGroupAsync(int id, string? name, int sortOrder, int version)
    {
        user.Require(Access.SystemAdmin);
        name = name?.Trim() ?? "";
        DomainException.ThrowIf(UnitRules.GroupProblem(name));
        await using var db = await factory.CreateDbContextAsync();
        if (await db.UnitGroups.AnyAsync(g => g.Name == name && g.Id != id)) throw new DomainException($"考核组别“{name}”已存在");
        var group = id == 0 ? db.UnitGroups.Add(new UnitGroup { Name = name }).Entity
            : await db.UnitGroups.FindAsync(id) ?? throw new DomainException(DomainException.Conflict);
        if (id != 0) db.ExpectVersion(group, version);
        group.Name = name;
        group.SortOrder = sortOrder;
        await db.SaveOrConflictAsync();
    }

    public async Task SaveAsync(UnitEdit edit)
    {
        user.Require(Access.SystemAdmin);
        var name = edit.Name?.Trim() ?? "";
        DomainException.ThrowIf(UnitRules.UnitProblem(name));
        await using var db = await factory.CreateDbContextAsync();
        if (await db.Units.AnyAsync(u => u.Name == name && u.Id != edit.Id)) throw new DomainException($"单位名称“{name}”已存在");
        if (edit.ParentId is { } parentId)
        {
            if (!await db.Units.AnyAsync(u => u.Id == parentId)) throw new DomainException("上级单位不存在");
            if (edit.Id != 0 && (await SubtreeAsync(db, edit.Id)).Contains(parentId))
                throw new DomainException("上级单位不能是本单位或其下级单位");
        }
        if (edit.GroupId is { } groupId && !await db.UnitGroups.AnyAsync(g => g.Id == groupId)) throw new DomainException("考核组别不存在");
        var unit = edit.Id == 0 ? db.Units.Add(new Unit { Name = name }).Entity
            : await db.Units.FindAsync(edit.Id) ?? throw new DomainException(DomainException.Conflict);
        if (edit.Id != 0) db.ExpectVersion(unit, edit.Version);
        unit.Name = name;
        unit.ShortName = Blank(edit.ShortName);
        unit.ParentId = edit.ParentId;
        unit.GroupId = edit.GroupId;
        unit.HeadName = Blank(edit.HeadName);
        unit.Phone = Blank(edit.Phone);
        unit.SortOrder = edit.SortOrder;
        unit.IsActive = edit.IsActive;
        await db.SaveOrConflictAsync();
    }

    public async Task DeleteAsync(int id)
    {
        user.Require(Access.SystemAdmin);
        await using var db = await factory.CreateDbContextAsync();
        var unit = await db.Units.FindAsync(id) ?? throw new DomainException(DomainException.Conflict);
        if (await db.Units.AnyAsync(u => u.ParentId == id)) throw new DomainException($"“{unit.Name}”还有下级单位，不能删除");
        if (await db.Users.AnyAsync(u => u.UnitId == id)) throw new DomainException($"“{unit.Name}”还有用户，不能删除，可改为停用");
        db.Units.Remove(unit);
        try { await db.SaveOrConflictAsync(); }
        catch (DbUpdateException ex) when (ex is not DbUpdateConcurrencyException)
        {
            throw new DomainException($"“{unit.Name}”已被业务数据引用，不能删除，可改为停用");
        }
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

}
