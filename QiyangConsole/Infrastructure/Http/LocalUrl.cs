namespace QiyangConsole.Infrastructure.Http;

/// <summary>Return addresses: only a path on this site, never "//host" or "/\host" that browsers read as another host.</summary>
public static class LocalUrl
{
    public static bool Is(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) && !url.Any(c => c == '\\' || char.IsControl(c));

    public static string OrHome(string? url) => Is(url) ? url! : "/";
}
