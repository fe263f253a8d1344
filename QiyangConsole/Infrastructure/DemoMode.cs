namespace QiyangConsole.Infrastructure;

/// <summary>Demo mode (on for the embedded default) seeds the demo accounts and shows their hint on the sign-in page.</summary>
public static class DemoMode
{
    public static bool IsOn(IConfiguration config) => config.GetValue("Demo:Enabled", true);
}
