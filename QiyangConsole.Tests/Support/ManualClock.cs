using QiyangConsole.Infrastructure;

namespace QiyangConsole.Tests.Support;

public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now.ToUniversalTime();
    public override TimeZoneInfo LocalTimeZone => AppTime.Zone;
}
