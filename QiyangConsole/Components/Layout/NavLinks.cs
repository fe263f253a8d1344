using System.Collections.Concurrent;
using System.Globalization;
using System.Net;
using System.Text;
using Microsoft.Extensions.Localization;

namespace QiyangConsole.Components.Layout;

/// <summary>
/// The drawer's links as markup (the classes MudBlazor's nav links use), made once per list of links, page and language
/// and shared by every request and circuit: a handful of lists times the pages that light one of them.
/// </summary>
public static class NavLinks
{
    private static readonly ConcurrentDictionary<(string Hrefs, string? Active, string Culture), string> Made = new();

    /// <summary>The link a path lights: 工作台 and 我的待办 on their own paths, else the longest href the path starts with.</summary>
    public static string? Active(string relativePath)
    {
        var path = "/" + relativePath.Split('?', '#')[0].Trim('/');
        return path == NavCatalog.Home.Href ? path : NavCatalog.Find(path).Item?.Href;
    }

    public static string Markup(IReadOnlyList<NavItem> items, string? active, IStringLocalizer localizer)
    {
        var hrefs = string.Join(' ', items.Select(i => i.Href));
        var lit = items.Any(i => i.Href == active) ? active : null;
        return Made.GetOrAdd((hrefs, lit, CultureInfo.CurrentUICulture.Name), _ =>
        {
            var html = new StringBuilder();
            foreach (var item in items)
            {
                var on = item.Href == lit;
                html.Append("<div class=\"mud-nav-item\"><a href=\"").Append(WebUtility.HtmlEncode(item.Href))
                    .Append(on ? "\" class=\"mud-nav-link mud-ripple active\" aria-current=\"page\">" : "\" class=\"mud-nav-link mud-ripple\">")
                    .Append("<svg class=\"mud-icon-root mud-icon-default mud-svg-icon mud-icon-size-medium mud-nav-link-icon mud-nav-link-icon-default\" focusable=\"false\" viewBox=\"0 0 24 24\" aria-hidden=\"true\" role=\"img\">")
                    .Append(item.Icon).Append("</svg><div class=\"mud-nav-link-text\">")
                    .Append(WebUtility.HtmlEncode(localizer[item.Title].Value)).Append("</div></a></div>");
            }
            return html.ToString();
        });
    }
}
