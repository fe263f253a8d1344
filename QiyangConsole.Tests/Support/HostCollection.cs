namespace QiyangConsole.Tests.Support;

/// <summary>Hangfire's JobStorage.Current is static: every test that starts the app runs in this one collection.</summary>
[CollectionDefinition(Name)]
public sealed class HostCollection : ICollectionFixture<HostFixture>
{
    public const string Name = "app host";
}
