using QiyangConsole.Data.Seeding;
using QiyangConsole.Features.Enterprises.Rules;
using QiyangConsole.Tests.Support;

namespace QiyangConsole.Tests.Data.Enterprises;

/// <summary>The enterprise seed files, read the way the seeds read them, to compute the expected figures.</summary>
internal static class SeedJson
{
    internal sealed record Previous(string Steward, DateOnly From, DateOnly To, string Reason);
    internal sealed record Room(string Place, string Schedule, string OnDuty);
    internal sealed record SeedEnterprise(string Name, string CreditCode, string Industry, bool AboveSize, string? Zone, string Steward, DateOnly StewardSince, Previous? Previous, Room? Room);
    internal sealed record SeedVisit(string Enterprise, string Steward, int DaysAgo, string Duties, string? Problems);
    internal sealed record SeedMatter(string Enterprise, string Name, HelpMode Mode, string Agent, List<string> Windows, DateOnly AcceptedOn, DateOnly? FinishedOn, HelpState State);
    internal sealed record SeedItem(string List, string? Enterprise, string? Project, ItemState State);
    internal sealed record SeedCadre(string Name, string Unit, List<string> Enterprises, List<string> Projects, List<SeedItem> Items);
    internal sealed record SeedContact(string Department, string Name, string Phone);
    private sealed record EnterpriseFile(List<SeedEnterprise> Enterprises);
    private sealed record VisitFile(List<SeedVisit> Visits);
    private sealed record MatterFile(List<SeedMatter> Matters);
    private sealed record CadreFile(List<SeedCadre> Cadres);

    private static SeedFiles Files => new(Seeds.Directory);
    private static readonly Lazy<List<SeedEnterprise>> LazyEnterprises = new(() => Files.Read<EnterpriseFile>("enterprises/enterprises.json").Enterprises);
    private static readonly Lazy<List<SeedVisit>> LazyVisits = new(() => Files.Read<VisitFile>("enterprises/visits.json").Visits);
    private static readonly Lazy<List<SeedMatter>> LazyMatters = new(() => Files.Read<MatterFile>("enterprises/help-matters.json").Matters);
    private static readonly Lazy<List<SeedCadre>> LazyCadres = new(() => Files.Read<CadreFile>("enterprises/cadres.json").Cadres);
    private static readonly Lazy<List<SeedContact>> LazyContacts = new(() => Files.Read<List<SeedContact>>("enterprises/service-contacts.json"));

    public static List<SeedEnterprise> Enterprises => LazyEnterprises.Value;
    public static List<SeedVisit> Visits => LazyVisits.Value;
    public static List<SeedMatter> Matters => LazyMatters.Value;
    public static List<SeedCadre> Cadres => LazyCadres.Value;
    public static List<SeedContact> ServiceContacts => LazyContacts.Value;
}
