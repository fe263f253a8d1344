using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;

namespace QiyangConsole.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/account/logout", async (SignInService signIn) =>
        {
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).AllowAnonymous();

        // The language switch is a cookie read by request localization; the circuit picks it up on reload.
        app.MapGet("/culture/set", (string culture, string? returnUrl, HttpContext ctx) =>
        {
            if (culture is not ("zh-CN" or "en")) return Results.BadRequest();
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(returnUrl is { Length: > 0 } && returnUrl.StartsWith('/') ? returnUrl : "/");
        }).AllowAnonymous();

        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();
    }
}
