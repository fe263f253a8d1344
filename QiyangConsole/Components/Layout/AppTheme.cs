using MudBlazor;

namespace QiyangConsole.Components.Layout;

public static class AppTheme
{
    private static readonly string[] Fonts = ["Noto Sans CJK SC", "Source Han Sans SC", "PingFang SC", "Microsoft YaHei", "sans-serif"];

    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#1f4e9c",
            Secondary = "#c8102e",
            AppbarBackground = "#1f4e9c",
            Background = "#f4f6fa",
            DrawerBackground = "#ffffff",
            Success = "#2e7d32",
            // Darker than MudBlazor's defaults so text and chips reach WCAG AA (4.5:1) on white and on the page background:
            // orange #ed8b00 was 2.53:1, secondary text #717274 4.45:1 on #f4f6fa.
            Warning = "#a65300",
            Error = "#c62828",
            TextSecondary = "#5f6368",
        },
        Typography = new Typography
        {
            Default = new DefaultTypography { FontFamily = Fonts },
            H5 = new H5Typography { FontFamily = Fonts, FontSize = "1.35rem", FontWeight = "600" },
            H6 = new H6Typography { FontFamily = Fonts, FontSize = "1.1rem", FontWeight = "600" },
        },
        LayoutProperties = new LayoutProperties { DrawerWidthLeft = "232px" },
    };
}
