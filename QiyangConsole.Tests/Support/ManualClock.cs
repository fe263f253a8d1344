using QiyangConsole.Infrastructure;

namespace QiyangConsole.Tests.Support;

/// <summary>The tests' "now": set or moved on by a test, read by the app's services; safe to move from several threads.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    private readonly Lock _gate = new();
    private DateTimeOffset _now = now;

    public DateTimeOffset Now
    {
        get { lock (_gate) return _now; }
        set { lock (_gate) _now = value; }
    }

    public void Advance(TimeSpan by)
    {
        lock (_gate) _now += by;
    }

    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => AppTime.Zone;
}
