using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Mvc;
using QiyangConsole.Infrastructure.Http;

namespace QiyangConsole.Features.Account;

public static class AccountEndpoints
{
    public static void MapAccountEndpoints(this IEndpointRouteBuilder app)
    {
        // A form post with the antiforgery token of the user menu's form: another site cannot sign a user out.
        app.MapPost("/account/logout", async (SignInService signIn, IAntiforgery antiforgery, HttpContext ctx) =>
        {
            if (!await antiforgery.IsRequestValidAsync(ctx)) return Results.BadRequest("请求已失效，请刷新页面后再退出");
            await signIn.SignOutAsync();
            return Results.LocalRedirect("/account/login");
        }).AllowAnonymous().DisableAntiforgery();

        // 大字版: kept on the user, so the page is drawn large from its first (prerendered) paint on any device.
        app.MapPost("/account/large-text", async (DisplayPreferences preferences, IAntiforgery antiforgery, HttpContext ctx) =>
        {
            if (!await antiforgery.IsRequestValidAsync(ctx)) return Results.BadRequest("请求已失效，请刷新页面后重试");
            var form = await ctx.Request.ReadFormAsync();
            await preferences.SetLargeTextAsync(form["on"] == "true");
            return Results.LocalRedirect(LocalUrl.OrHome(form["returnUrl"]));
        }).RequireAuthorization(Infrastructure.Auth.Access.SignedIn).DisableAntiforgery();

        // A tab in use calls this now and then so its cookie (which lapses after the idle time) is renewed; nothing else.
        app.MapGet("/account/keepalive", () => Results.NoContent()).RequireAuthorization(Infrastructure.Auth.Access.SignedIn);

        // The language switch is a cookie read by request localization; the circuit picks it up on reload.
        app.MapGet("/culture/set", (string culture, string? returnUrl, HttpContext ctx) =>
        {
            if (culture is not ("zh-CN" or "en")) return Results.BadRequest();
            ctx.Response.Cookies.Append(CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(culture)),
                new CookieOptions { Expires = DateTimeOffset.UtcNow.AddYears(1), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.LocalRedirect(LocalUrl.OrHome(returnUrl));
        }).AllowAnonymous();

        app.MapGet("/healthz", () => Results.Text("ok")).AllowAnonymous();
    }
}
