using Microsoft.AspNetCore.HttpOverrides;

namespace QiyangConsole.Infrastructure.Http;

/// <summary>
/// The response headers a government console is audited for: a Content-Security-Policy that Blazor Server and MudBlazor
/// work under (scripts only from this site, no framing, no plugins), no MIME sniffing, no referrer to other sites, and
/// HSTS when served over HTTPS (behind nginx, which passes X-Forwarded-Proto).
/// </summary>
public static class SecurityHeaders
{
    /// <summary>
    /// MudBlazor sets style attributes (positions of popovers, the theme's variables), so styles allow 'unsafe-inline';
    /// scripts do not: blazor.web.js, MudBlazor.min.js and our app.js all come from 'self'. The circuit's WebSocket is
    /// same-origin ('self' covers ws: and wss: of this host).
    /// </summary>
    public const string Policy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; " +
        "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'";

    /// <summary>Hangfire's dashboard writes inline scripts of its own: it keeps the rest of the policy.</summary>
    public const string DashboardPolicy =
        "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; object-src 'none'; base-uri 'self'; frame-ancestors 'none'";

    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app)
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto };
        // Trusted from a proxy on this machine only: loopback, also as an IPv4-mapped address (Kestrel's dual-stack socket).
        forwarded.KnownProxies.Add(System.Net.IPAddress.Parse("::ffff:127.0.0.1"));
        app.UseForwardedHeaders(forwarded);
        return app.Use((ctx, next) =>
        {
            var h = ctx.Response.Headers;
            h.ContentSecurityPolicy = ctx.Request.Path.StartsWithSegments("/hangfire") ? DashboardPolicy : Policy;
            h.XContentTypeOptions = "nosniff";
            h.XFrameOptions = "DENY";
            h["Referrer-Policy"] = "same-origin";
            h["Permissions-Policy"] = "camera=(self), geolocation=(), microphone=()";
            if (ctx.Request.IsHttps) h.StrictTransportSecurity = "max-age=31536000";
            return next();
        });
    }
}
