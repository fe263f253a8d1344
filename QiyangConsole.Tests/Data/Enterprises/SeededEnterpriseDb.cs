using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

/// <summary>One database seeded with the system, projects and enterprise steps, shared by a class whose tests only read.</summary>
public sealed class SeededEnterpriseDb : IAsyncLifetime
{
    public TestDb Db { get; private set; } = null!;

    public async Task InitializeAsync() => Db = await EnterpriseDb.FullAsync();

    public async Task DisposeAsync()
    {
        if (Db is not null) await Db.DisposeAsync();
    }
}
