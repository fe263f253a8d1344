using QiyangConsole.Infrastructure.Auth;

namespace QiyangConsole.Features.Administration;

/// <summary>Downloads of system management; refusals are mapped once, in <c>Refusals</c>.</summary>
public static class AdministrationEndpoints
{
    public static void MapAdministrationEndpoints(this IEndpointRouteBuilder app)
    {
        // A backup by its listed name only: the service refuses anything the backups folder does not list.
        app.MapGet("/system/backups/{name}", (string name, BackupService backups) =>
            Results.File(backups.PathOf(name), "application/vnd.sqlite3", name))
            .RequireAuthorization(Access.SystemAdmin);
    }
}
