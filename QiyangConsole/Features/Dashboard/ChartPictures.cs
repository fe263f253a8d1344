using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using QiyangConsole.Infrastructure;

namespace QiyangConsole.Features.Dashboard;

/// <summary>
/// The overview's charts as markup: MudChart rendered once per scope, period and language by Blazor's
/// <see cref="HtmlRenderer"/> and kept with the figures (<see cref="FigureCache"/>). Each circuit of the overview then
/// holds one string per chart, shared with every other circuit of the same scope, instead of a component tree of
/// several hundred SVG elements: 50 tabs of the overview took about 730 KB a circuit for the charts alone (bench
/// circuit-memory, province). The charts are pictures (aria-hidden); the table under each carries the same numbers.
/// </summary>
public sealed class ChartPictures(IServiceProvider services, ILoggerFactory logs, FigureCache cache, CurrentUser user)
{
    public Task<IReadOnlyList<string>> SvgAsync(Period period, IReadOnlyList<Chart> charts) =>
        cache.GetAsync<IReadOnlyList<string>>($"chart-svg:{FigureCache.ScopeOf(user)}:{period.Query}:{CultureInfo.CurrentUICulture.Name}", async () =>
        {
            await using var renderer = new HtmlRenderer(services, logs);
            return await renderer.Dispatcher.InvokeAsync(async () =>
            {
                var markup = new List<string>(charts.Count);
                foreach (var chart in charts)
                {
                    var output = await renderer.RenderComponentAsync<ChartPicture>(ParameterView.FromDictionary(new Dictionary<string, object?> { [nameof(ChartPicture.Chart)] = chart }));
                    markup.Add(output.ToHtmlString());
                }
                return (IReadOnlyList<string>)markup.AsReadOnly();
            });
        });
}
