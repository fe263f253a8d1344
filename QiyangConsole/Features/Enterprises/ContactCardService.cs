using Microsoft.EntityFrameworkCore;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Infrastructure;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Enterprises;

public sealed record ContactCard(int EnterpriseId, string Enterprise, string? Address, string? Steward, string? StewardPhone, IReadOnlyList<ServiceContact> Contacts);

/// <summary>企业服务爱心联络卡: the steward and the departments' 24-hour one-to-one contacts, per enterprise.</summary>
public sealed class ContactCardService(IDbContextFactory<AppDbContext> factory, CurrentUser user, EnterpriseService enterprises)
{
    public async Task<List<ServiceContact>> ContactsAsync()
    {
        await using var db = await factory.CreateDbContextAsync();
        return await db.ServiceContacts.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
    }

    public async Task SaveContactAsync(int id, string? department, string? name, string? phone, string? duty, int sortOrder, int version)
    {
        user.Require(Access.OfficeOnly);
        DomainException.ThrowIf(ContactCardRules.Problem(department, name, phone, duty));
        (department, name, phone) = (department!.Trim(), name!.Trim(), phone!.Trim());
        await using var db = await factory.CreateDbContextAsync();
        if (await db.ServiceContacts.AnyAsync(c => c.Department == department.Trim() && c.Id != id)) throw new DomainException($"部门“{department.Trim()}”已有联系人，请直接修改");
        var c = id == 0 ? db.ServiceContacts.Add(new ServiceContact { Department = "", Name = "", Phone = "" }).Entity
            : await db.ServiceContacts.FindAsync(id) ?? throw new DomainException(DomainException.Conflict);
        if (id != 0) db.ExpectVersion(c, version);
        (c.Department, c.Name, c.Phone, c.Duty, c.SortOrder) = (department.Trim(), name.Trim(), phone.Trim(), string.IsNullOrWhiteSpace(duty) ? null : duty.Trim(), sortOrder);
        await db.SaveOrConflictAsync();
    }

    public async Task DeleteContactAsync(int id)
    {
        user.Require(Access.OfficeOnly);
        await using var db = await factory.CreateDbContextAsync();
        var c = await db.ServiceContacts.FindAsync(id) ?? throw new DomainException(DomainException.Conflict);
        db.ServiceContacts.Remove(c);
        await db.SaveChangesAsync();
    }

    /// <summary>Cards for the enterprises in the user's scope matching the register's filter (one, or a whole zone for bulk printing).</summary>
    public async Task<List<ContactCard>> CardsAsync(EnterpriseQuery q, int? onlyId = null, int max = 2000)
    {
        await using var db = await factory.CreateDbContextAsync();
        var contacts = await db.ServiceContacts.AsNoTracking().OrderBy(c => c.SortOrder).ThenBy(c => c.Id).ToListAsync();
        var (rows, _) = onlyId is { } id ? (await enterprises.ListByIdAsync(id), 1) : await enterprises.ListAsync(q, 0, max);
        var ids = rows.Select(r => r.Id).ToList();
        var phones = await db.Enterprises.Where(e => ids.Contains(e.Id) && e.Steward != null).Select(e => new { e.Id, e.Steward!.PhoneNumber }).ToDictionaryAsync(e => e.Id, e => e.PhoneNumber);
        return rows.Select(r => new ContactCard(r.Id, r.Name, r.Address, r.Steward, phones.GetValueOrDefault(r.Id), contacts)).ToList();
    }
}
