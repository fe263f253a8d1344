using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication;
using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using QiyangConsole.Data;
using QiyangConsole.Features.Administration;

namespace QiyangConsole.Infrastructure.Auth;

public static class AuthSetup
{
    /// <summary>How long a sign-in may stay unused before it ends (等保 2.0: 登录连接超时自动退出); <c>Security:IdleTimeout</c>.</summary>
    public static TimeSpan IdleTimeout(IConfiguration config) =>
        TimeSpan.TryParse(config["Security:IdleTimeout"], System.Globalization.CultureInfo.InvariantCulture, out var t) && t > TimeSpan.Zero ? t : TimeSpan.FromMinutes(30);

    public static IServiceCollection AddQiyangAuth(this IServiceCollection services, IConfiguration config)
    {
        var idle = IdleTimeout(config);
        services.AddSingleton(new IdleSettings(idle));
        services.AddScoped<CircuitActivity>();
        services.AddScoped<CurrentUser>();
        services.AddSingleton<OnlineSessions>();
        services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
        services.AddCascadingAuthenticationState();
        services.AddScoped<AuthenticationStateProvider, RevalidatingIdentityStateProvider>();
        services.AddAuthentication(IdentityConstants.ApplicationScheme).AddIdentityCookies();
        services.ConfigureApplicationCookie(o =>
        {
            o.LoginPath = "/account/login";
            o.AccessDeniedPath = "/account/denied";
            o.Cookie.Name = "qiyang.auth";
            // Unused for the idle time, the cookie lapses; a tab in use keeps it fresh (see assets/js/app.js and /account/keepalive).
            o.ExpireTimeSpan = idle;
            o.SlidingExpiration = true;
            o.Cookie.HttpOnly = true;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            // A user forced out by the Office loses its cookie at the next request, not a minute later.
            o.Events.OnValidatePrincipal = async ctx =>
            {
                var online = ctx.HttpContext.RequestServices.GetRequiredService<OnlineSessions>();
                if (online.WasForcedOut(ctx.Principal?.FindFirstValue(ClaimTypes.NameIdentifier), ctx.Properties.IssuedUtc)
                    || online.SignInEnded(ctx.Principal?.FindFirstValue(AppClaims.Session)))
                {
                    ctx.RejectPrincipal();
                    await ctx.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
                    return;
                }
                await SecurityStampValidator.ValidatePrincipalAsync(ctx);
            };
        });
        // A disabled user or a reset password ends sessions within a minute, on pages and downloads alike.
        services.Configure<SecurityStampValidatorOptions>(o => o.ValidationInterval = TimeSpan.FromMinutes(1));
        services.AddAuthorizationBuilder().AddAccessPolicies();
        services.AddIdentityCore<AppUser>(o =>
            {
                o.Password.RequiredLength = Features.Administration.Rules.PasswordRules.MinLength;
                o.Password.RequireDigit = true;
                o.Password.RequireLowercase = true;
                o.Password.RequireUppercase = false;
                o.Password.RequireNonAlphanumeric = true;
                o.Lockout.MaxFailedAccessAttempts = 5;
                o.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
                o.Lockout.AllowedForNewUsers = true;
                o.User.RequireUniqueEmail = false;
            })
            .AddRoles<IdentityRole>()
            .AddEntityFrameworkStores<AppDbContext>()
            .AddSignInManager()
            .AddErrorDescriber<ChineseIdentityErrorDescriber>()
            .AddClaimsPrincipalFactory<AppClaimsFactory>()
            .AddDefaultTokenProviders()
            .AddPasswordValidator<Features.Administration.Rules.NotUserNamePasswordValidator>();
        return services;
    }

    /// <summary>
    /// An account that must choose a new password (new, reset by the administrator, or expired) reaches nothing but the
    /// password page until it has: every other request is sent there.
    /// </summary>
    public static IApplicationBuilder UsePasswordChangeGate(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        if (ctx.User.HasClaim(c => c.Type == AppClaims.MustChangePassword) && !MayPassGate(ctx))
        {
            ctx.Response.Redirect("/account/password?required=true");
            return;
        }
        await next();
    });

    private static bool MayPassGate(HttpContext ctx) =>
        ctx.Request.Path.StartsWithSegments("/account") || ctx.Request.Path.StartsWithSegments("/_framework") || ctx.Request.Path.StartsWithSegments("/_blazor")
        || ctx.Request.Path.StartsWithSegments("/_content") || ctx.Request.Path.StartsWithSegments("/assets") || ctx.Request.Path.StartsWithSegments("/healthz")
        || ctx.Request.Path.StartsWithSegments("/culture")
        || ctx.GetEndpoint()?.Metadata.GetMetadata<Microsoft.AspNetCore.StaticAssets.StaticAssetDescriptor>() is not null;

    /// <summary>Makes the signed-in user of a plain HTTP request known to <see cref="CurrentUser"/>.</summary>
    public static IApplicationBuilder UseCurrentUser(this IApplicationBuilder app) => app.Use(async (ctx, next) =>
    {
        var current = ctx.RequestServices.GetRequiredService<CurrentUser>();
        current.Set(ctx.User);
        current.Ip = ctx.Connection.RemoteIpAddress?.ToString();
        await next();
    });
}

/// <summary>Adds the user's display name and unit to the cookie so every page and service can scope by them.</summary>
public sealed class AppClaimsFactory(UserManager<AppUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options, AppDbContext db, TimeProvider clock)
    : UserClaimsPrincipalFactory<AppUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(AppUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        identity.AddClaim(new Claim(AppClaims.DisplayName, user.DisplayName));
        identity.AddClaim(new Claim(AppClaims.Session, Guid.NewGuid().ToString("N")));
        var maxAge = int.TryParse(await db.Parameters.Where(p => p.Key == "security.passwordMaxAgeDays").Select(p => p.Value).FirstOrDefaultAsync(), out var days) ? days : 90;
        if (user.MustChangePassword || Features.Administration.Rules.PasswordRules.Expired(user.PasswordChangedAt, user.CreatedAt, clock.GetUtcNow().UtcDateTime, maxAge))
            identity.AddClaim(new Claim(AppClaims.MustChangePassword, "true"));
        if (user.UnitId is { } unitId)
        {
            identity.AddClaim(new Claim(AppClaims.UnitId, unitId.ToString()));
            var unit = await db.Units.FindAsync(unitId);
            if (unit is not null) identity.AddClaim(new Claim(AppClaims.UnitName, unit.ShortName ?? unit.Name));
        }
        return identity;
    }
}

/// <summary>Keeps <see cref="CurrentUser"/> of a circuit in step with its authentication state, and the circuit on the online list.</summary>
public sealed class CurrentUserCircuitHandler(AuthenticationStateProvider auth, CurrentUser current, OnlineSessions online, TimeProvider clock, CircuitActivity activity) : CircuitHandler, IDisposable
{
    /// <summary>Every event, call or navigation from the browser counts as use of the tab (for the idle sign-out).</summary>
    public override Func<CircuitInboundActivityContext, Task> CreateInboundActivityHandler(Func<CircuitInboundActivityContext, Task> next) =>
        ctx => { activity.Touch(); return next(ctx); };

    public override async Task OnCircuitOpenedAsync(Circuit circuit, CancellationToken ct)
    {
        auth.AuthenticationStateChanged += OnChanged;
        var user = (await auth.GetAuthenticationStateAsync()).User;
        current.Set(user);
        if (user.Identity?.IsAuthenticated == true) online.Add(new OnlineSession(circuit.Id, user, clock.GetUtcNow().UtcDateTime, current, auth));
    }

    public override Task OnConnectionUpAsync(Circuit circuit, CancellationToken ct) { online.Seen(circuit.Id, true); return Task.CompletedTask; }

    public override Task OnConnectionDownAsync(Circuit circuit, CancellationToken ct) { online.Seen(circuit.Id, false); return Task.CompletedTask; }

    public override Task OnCircuitClosedAsync(Circuit circuit, CancellationToken ct) { online.Remove(circuit.Id); return Task.CompletedTask; }

    private void OnChanged(Task<AuthenticationState> task) =>
        _ = task.ContinueWith(t => { if (t.IsCompletedSuccessfully) current.Set(t.Result.User); }, TaskScheduler.Default);

    public void Dispose() => auth.AuthenticationStateChanged -= OnChanged;
}

/// <summary>Signs a circuit out when its user is disabled or its password reset (security stamp changed).</summary>
public sealed class RevalidatingIdentityStateProvider(ILoggerFactory logger, IServiceScopeFactory scopes, IOptions<IdentityOptions> options)
    : RevalidatingServerAuthenticationStateProvider(logger)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(1);

    protected override async Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<AppUser>>();
        var user = await users.GetUserAsync(state.User);
        if (user is null || user.IsDisabled) return false;
        if (!users.SupportsUserSecurityStamp) return true;
        var stamp = state.User.FindFirstValue(options.Value.ClaimsIdentity.SecurityStampClaimType);
        return stamp == await users.GetSecurityStampAsync(user);
    }
}

public sealed class ChineseIdentityErrorDescriber : IdentityErrorDescriber
{
    public override IdentityError DefaultError() => new() { Code = nameof(DefaultError), Description = "操作失败" };
    public override IdentityError ConcurrencyFailure() => new() { Code = nameof(ConcurrencyFailure), Description = DomainException.Conflict };
    public override IdentityError PasswordMismatch() => new() { Code = nameof(PasswordMismatch), Description = "原密码不正确" };
    public override IdentityError InvalidUserName(string? userName) => new() { Code = nameof(InvalidUserName), Description = $"用户名“{userName}”无效，只能包含字母、数字和 -._@+" };
    public override IdentityError DuplicateUserName(string userName) => new() { Code = nameof(DuplicateUserName), Description = $"用户名“{userName}”已存在" };
    public override IdentityError PasswordTooShort(int length) => new() { Code = nameof(PasswordTooShort), Description = $"密码长度不能少于 {length} 位" };
    public override IdentityError PasswordRequiresDigit() => new() { Code = nameof(PasswordRequiresDigit), Description = "密码必须包含数字" };
    public override IdentityError PasswordRequiresLower() => new() { Code = nameof(PasswordRequiresLower), Description = "密码必须包含小写字母" };
    public override IdentityError PasswordRequiresUpper() => new() { Code = nameof(PasswordRequiresUpper), Description = "密码必须包含大写字母" };
    public override IdentityError PasswordRequiresNonAlphanumeric() => new() { Code = nameof(PasswordRequiresNonAlphanumeric), Description = "密码必须包含特殊字符（如 @、#、!）" };
    public override IdentityError PasswordRequiresUniqueChars(int uniqueChars) => new() { Code = nameof(PasswordRequiresUniqueChars), Description = $"密码至少包含 {uniqueChars} 个不同字符" };
    public override IdentityError UserAlreadyInRole(string role) => new() { Code = nameof(UserAlreadyInRole), Description = $"用户已拥有角色“{AppRoles.DisplayName(role)}”" };
    public override IdentityError UserNotInRole(string role) => new() { Code = nameof(UserNotInRole), Description = $"用户没有角色“{AppRoles.DisplayName(role)}”" };
}

/// <summary>The idle time after which a sign-in ends.</summary>
public sealed class IdleSettings(TimeSpan timeout)
{
    /// <summary>Settable so a test can shorten it on a running console.</summary>
    public TimeSpan Timeout { get; set; } = timeout;
}

/// <summary>When the browser last did something in this circuit (scoped: one per tab).</summary>
public sealed class CircuitActivity(TimeProvider clock)
{
    private long _last = clock.GetUtcNow().UtcTicks;
    public DateTime Last => new(Interlocked.Read(ref _last), DateTimeKind.Utc);
    public void Touch() => Interlocked.Exchange(ref _last, clock.GetUtcNow().UtcTicks);
}
