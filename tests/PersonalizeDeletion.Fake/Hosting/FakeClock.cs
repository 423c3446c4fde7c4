using System;

namespace PersonalizeDeletion.Fake.Hosting;

/// <summary>The fake's notion of "now": real UTC time plus the configured offset, so tests can skew it against clients.</summary>
public sealed class FakeClock
{
    private readonly Func<FakeSettings> _settings;

    public FakeClock(Func<FakeSettings> settings) => _settings = settings;

    public DateTimeOffset UtcNow => DateTimeOffset.UtcNow.AddSeconds(_settings().ClockOffsetSeconds);
}
