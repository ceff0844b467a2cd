namespace Playground.Server.Sandboxes;

/// <summary>
/// Maps real time onto a sandbox's virtual clock: simulated time = anchor + real time elapsed since then × speed, or
/// the anchor itself while paused. Every change of speed or pause re-anchors, so the clock never jumps.
/// </summary>
internal sealed class RealTimeDriver(TimeProvider time, DateTimeOffset simulatedStart, ClockSettings settings)
{
    private long _anchorTimestamp = time.GetTimestamp();
    private DateTimeOffset _anchor = simulatedStart;

    public ClockSettings Settings { get; private set; } = settings;

    public DateTimeOffset Now => Settings.Paused ? _anchor : _anchor + time.GetElapsedTime(_anchorTimestamp) * Settings.Speed;

    /// <summary>How long to wait in real time until the virtual clock reaches <paramref name="simulated"/>; forever while paused.</summary>
    public TimeSpan RealDelayUntil(DateTimeOffset simulated) =>
        Settings.Paused ? TimeSpan.MaxValue : (simulated - Now) / Settings.Speed;

    /// <summary>Goes on from <paramref name="simulatedNow"/> (where the cluster's clock stands) with <paramref name="settings"/>.</summary>
    public void Reset(DateTimeOffset simulatedNow, ClockSettings settings)
    {
        _anchor = simulatedNow;
        _anchorTimestamp = time.GetTimestamp();
        Settings = settings;
    }
}

/// <summary>How a sandbox's clock runs: simulated seconds per real second, and whether it stands still.</summary>
public sealed record ClockSettings(double Speed, bool Paused)
{
    public const double MinSpeed = 0.25;
    public const double MaxSpeed = 60;
}
