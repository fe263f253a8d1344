using Microsoft.Extensions.FileProviders;

namespace QiyangConsole.Infrastructure;

/// <summary>The console's own static files (logo, theme, print sheets) from wwwroot-assets, served under /assets.</summary>
public static class AppAssets
{
    public static StaticFileOptions Options => new()
    {
        FileProvider = new PhysicalFileProvider(Path.Combine(AppContext.BaseDirectory, "wwwroot-assets")),
        RequestPath = "/assets",
    };
}
