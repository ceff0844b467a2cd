namespace Playground.Server.Sandboxes;

/// <summary>Maps real time onto a sandbox's virtual clock: simulated time = start + real time elapsed × speed.</summary>
internal sealed class RealTimeDriver(TimeProvider time, DateTimeOffset simulatedStart, double speed)
{
    private readonly long _startTimestamp = time.GetTimestamp();

    public DateTimeOffset Now => simulatedStart + time.GetElapsedTime(_startTimestamp) * speed;

    /// <summary>How long to wait in real time until the virtual clock reaches <paramref name="simulated"/>.</summary>
    public TimeSpan RealDelayUntil(DateTimeOffset simulated) => (simulated - Now) / speed;
}
