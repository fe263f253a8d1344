namespace QiyangConsole.Infrastructure.Http;

/// <summary>
/// One answer per kind of refusal for every download and upload: a <see cref="DomainException"/> thrown by a service
/// becomes its message as text with one status each, whatever the area.
/// </summary>
public static class Refusals
{
    public static int StatusOf(DomainException ex) => ex.Message switch
    {
        DomainException.Forbidden => StatusCodes.Status403Forbidden,
        // "无权访问：…不存在或不在您的服务范围内": a missing record and one outside the user's scope answer alike, refused.
        var m when m.StartsWith(DomainException.Forbidden) => StatusCodes.Status403Forbidden,
        DomainException.Conflict => StatusCodes.Status409Conflict,
        var m when m.Contains("不存在") => StatusCodes.Status404NotFound,
        _ => StatusCodes.Status400BadRequest,
    };

    /// <summary>Maps the refusals of every endpoint in the group (one filter for all areas).</summary>
    public static RouteGroupBuilder WithRefusals(this RouteGroupBuilder group) => group.AddEndpointFilter(async (ctx, next) =>
    {
        try { return await next(ctx); }
        catch (DomainException ex) { return Results.Text(ex.Message, statusCode: StatusOf(ex)); }
    });
}
