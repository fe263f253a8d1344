namespace QiyangConsole;

/// <summary>
/// The console's texts. Keys are the Simplified Chinese texts themselves (the neutral language);
/// Resources/SharedResource.en.resx holds the English switch.
/// </summary>
public sealed class SharedResource;
