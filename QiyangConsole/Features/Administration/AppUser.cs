using Microsoft.AspNetCore.Identity;

namespace QiyangConsole.Features.Administration;

public class AppUser : IdentityUser
{
    public required string DisplayName { get; set; }
    public int? UnitId { get; set; }
    public Unit? Unit { get; set; }
    public bool IsDisabled { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastSignInAt { get; set; }
}
