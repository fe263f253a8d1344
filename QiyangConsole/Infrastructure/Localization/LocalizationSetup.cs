using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;
using MudBlazor;

namespace QiyangConsole.Infrastructure.Localization;

public static class LocalizationSetup
{
    public static readonly CultureInfo[] Cultures = [new("zh-CN"), new("en")];

    public static IServiceCollection AddQiyangLocalization(this IServiceCollection services)
    {
        services.AddLocalization(o => o.ResourcesPath = "Resources");
        services.AddTransient<MudLocalizer, ChineseMudLocalizer>();
        services.Configure<RequestLocalizationOptions>(o =>
        {
            o.DefaultRequestCulture = new RequestCulture("zh-CN");
            o.SupportedCultures = Cultures;
            o.SupportedUICultures = Cultures;
            // Chinese unless the user chose English: the browser's language is not asked.
            o.RequestCultureProviders = [new CookieRequestCultureProvider()];
        });
        return services;
    }
}

/// <summary>MudBlazor's own texts (pager, filters, dialogs, pickers) in Chinese unless English is chosen.</summary>
public sealed class ChineseMudLocalizer : MudLocalizer
{
    public override LocalizedString this[string key] =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "zh" && MudChineseTexts.Texts.TryGetValue(key, out var text)
            ? new LocalizedString(key, text)
            : base[key];
}
