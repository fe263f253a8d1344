using System.Security.Claims;
using QiyangConsole.Features.Administration;
using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Infrastructure;

/// <summary>
/// Who is acting in this scope: set from the HTTP request (middleware) or from the circuit's
/// authentication state (<see cref="Auth.CurrentUserCircuitHandler"/>). Services read it for data scope and audit.
/// </summary>
public sealed class CurrentUser
{
    public ClaimsPrincipal Principal { get; private set; } = new(new ClaimsIdentity());
    public string? Ip { get; set; }

    public void Set(ClaimsPrincipal principal) => Principal = principal;

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true;
    public string? UserId => Principal.FindFirstValue(ClaimTypes.NameIdentifier);
    public string UserName => Principal.Identity?.Name ?? "系统";
    public string DisplayName => Principal.FindFirstValue(AppClaims.DisplayName) ?? UserName;
    public int? UnitId => int.TryParse(Principal.FindFirstValue(AppClaims.UnitId), out var id) ? id : null;
    public string? UnitName => Principal.FindFirstValue(AppClaims.UnitName);
    public bool IsInRole(string role) => Principal.IsInRole(role);
    public bool IsOffice => IsInRole(AppRoles.Office);
    /// <summary>The signed-in liaison of this unit (the Unit role and the unit on its account).</summary>
    public bool IsLiaisonOf(int? unitId) => IsInRole(AppRoles.Unit) && unitId is not null && UnitId == unitId;
    /// <summary>The signed-in steward of this record (the Steward role and its own user id).</summary>
    public bool IsStewardOf(string? stewardId) => IsInRole(AppRoles.Steward) && stewardId is not null && UserId == stewardId;
    /// <summary>The business records this user reaches (the union of its roles' reaches).</summary>
    public DataReach Reach => DataReach.Of(Principal);
    /// <summary>Phones, visit notes and photos of others: the Office and leaders only.</summary>
    public bool SeesPersonalData => AppRoles.SeesPersonalData(IsInRole);

    /// <summary>A phone as this user may see it: whole for the Office, leaders and the record's owner, else masked (138****5678).</summary>
    public string? Phone(string? phone, bool owner = false) => phone is null || SeesPersonalData || owner ? phone : Mask(phone);

    public static string Mask(string phone) => phone.Length <= 4 ? "****" : phone.Length < 8 ? phone[..1] + new string('*', phone.Length - 3) + phone[^2..] : phone[..3] + "****" + phone[^4..];

    /// <summary>Whether the user passes an <see cref="Access"/> policy.</summary>
    public bool May(string policy) => Access.Allows(policy, IsInRole);

    /// <summary>Refuses with 无权访问 unless the user passes the <see cref="Access"/> policy.</summary>
    public void Require(string policy)
    {
        if (!May(policy)) throw new DomainException(DomainException.Forbidden);
    }
}
