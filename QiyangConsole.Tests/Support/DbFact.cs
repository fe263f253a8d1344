using QiyangConsole.Data;
using Xunit.Abstractions;
using Xunit.Sdk;

namespace QiyangConsole.Tests.Support;

/// <summary>
/// A data test run once on each engine the console supports: SQLite, then PostgreSQL (shown with " [PostgreSQL]").
/// <see cref="TestDb"/> creates its database on the engine of the test that runs.
/// </summary>
[XunitTestCaseDiscoverer("QiyangConsole.Tests.Support.DbFactDiscoverer", "QiyangConsole.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbFactAttribute : FactAttribute;

/// <summary>A data theory run once per data row on each engine (see <see cref="DbFactAttribute"/>).</summary>
[XunitTestCaseDiscoverer("QiyangConsole.Tests.Support.DbTheoryDiscoverer", "QiyangConsole.Tests")]
[AttributeUsage(AttributeTargets.Method)]
public sealed class DbTheoryAttribute : TheoryAttribute;

public sealed class DbFactDiscoverer(IMessageSink sink) : IXunitTestCaseDiscoverer
{
    public IEnumerable<IXunitTestCase> Discover(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        Enum.GetValues<DatabaseProvider>().Select(engine =>
            new EngineTestCase(engine, sink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method));
}

public sealed class DbTheoryDiscoverer(IMessageSink sink) : TheoryDiscoverer(sink)
{
    protected override IEnumerable<IXunitTestCase> CreateTestCasesForDataRow(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute, object[] row) =>
        Enum.GetValues<DatabaseProvider>().Select(engine =>
            new EngineTestCase(engine, DiagnosticMessageSink, options.MethodDisplayOrDefault(), options.MethodDisplayOptionsOrDefault(), method, row));

    protected override IEnumerable<IXunitTestCase> CreateTestCasesForTheory(ITestFrameworkDiscoveryOptions options, ITestMethod method, IAttributeInfo attribute) =>
        throw new InvalidOperationException($"{method.Method.Name}: a [DbTheory] needs data xunit can enumerate at discovery (InlineData or serialisable MemberData)");
}

/// <summary>One test (or data row) on one engine.</summary>
public sealed class EngineTestCase : XunitTestCase
{
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public EngineTestCase() { }

    public EngineTestCase(DatabaseProvider engine, IMessageSink sink, TestMethodDisplay display, TestMethodDisplayOptions displayOptions, ITestMethod method, object[]? arguments = null)
        : base(sink, display, displayOptions, method, arguments) => Engine = engine;

    public DatabaseProvider Engine { get; private set; }

    protected override void Initialize()
    {
        base.Initialize();
        if (Engine == DatabaseProvider.PostgreSql) DisplayName += " [PostgreSQL]";
    }

    protected override string GetUniqueID() => base.GetUniqueID() + "-" + Engine;

    protected override string GetSkipReason(IAttributeInfo factAttribute) =>
        base.GetSkipReason(factAttribute) ?? (Engine == DatabaseProvider.PostgreSql ? PostgresServer.Unavailable : null)!;

    public override void Serialize(IXunitSerializationInfo data)
    {
        data.AddValue(nameof(Engine), Engine.ToString());
        base.Serialize(data);
    }

    public override void Deserialize(IXunitSerializationInfo data)
    {
        Engine = Enum.Parse<DatabaseProvider>(data.GetValue<string>(nameof(Engine)));
        base.Deserialize(data);
    }

    public override async Task<RunSummary> RunAsync(IMessageSink sink, IMessageBus bus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellation)
    {
        TestDb.Engine = Engine;
        return await base.RunAsync(sink, bus, constructorArguments, aggregator, cancellation);
    }
}
