using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace QiyangConsole.Infrastructure.Http;

/// <summary>
/// Behind nginx: the client's address and scheme come from X-Forwarded-For / X-Forwarded-Proto, so that the login log,
/// the operation log and the sign-in guard (which counts failures per address) see the user's address, not the proxy's.
/// Only a proxy the console trusts may say so: loopback (nginx on the same machine) and the addresses in
/// <c>Proxy:KnownProxies</c> (comma-separated, for nginx on another machine).
/// </summary>
public static class Proxy
{
    public static ForwardedHeadersOptions Options(IConfiguration config)
    {
        var options = new ForwardedHeadersOptions { ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto, ForwardLimit = 1 };
        foreach (var text in (config["Proxy:KnownProxies"] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            options.KnownProxies.Add(IPAddress.TryParse(text, out var address) ? address
                : throw new InvalidOperationException($"配置项 Proxy:KnownProxies 中的“{text}”不是 IP 地址"));
        return options;
    }
}
