namespace QiyangConsole.Benchmark;

/// <summary>
/// How big the synthetic console is (totals, the demo data included) and how hard each scenario is
/// driven. <c>province</c> is the size the issue names; <c>city</c> one city's zone; <c>tiny</c> only
/// proves every scenario runs (the smoke test in <c>dotnet test</c>).
/// </summary>
public sealed record BenchScale(
    string Name, int Units, int Enterprises, int Visits, int Projects, int WorkItems, int Problems, int Months,
    int Indicators, int Stewards, int FocusStewardEnterprises, int ImportRows,
    int Repeats, TimeSpan LoadDuration, int CircuitTabs)
{
    /// <summary>The least warm-up of a short timed call (a list page, a ranking), so that it is timed in its optimised code.</summary>
    public TimeSpan WarmFor { get; init; }

    public static readonly BenchScale Tiny = new("tiny", 80, 300, 1_500, 200, 100, 100, 3, 30, 12, 60, 50,
        Repeats: 3, LoadDuration: TimeSpan.FromSeconds(1), CircuitTabs: 3);

    public static readonly BenchScale City = new("city", 60, 500, 5_000, 300, 300, 300, 36, 30, 12, 120, 2_000,
        Repeats: 7, LoadDuration: TimeSpan.FromSeconds(3), CircuitTabs: 20) { WarmFor = TimeSpan.FromSeconds(2) };

    public static readonly BenchScale Province = new("province", 2_000, 50_000, 500_000, 100_000, 20_000, 20_000, 36, 30, 200, 5_000, 20_000,
        Repeats: 7, LoadDuration: TimeSpan.FromSeconds(5), CircuitTabs: 50) { WarmFor = TimeSpan.FromSeconds(2) };

    public static BenchScale? Named(string name) => name switch
    {
        "tiny" => Tiny,
        "city" => City,
        "province" => Province,
        _ => null,
    };
}
