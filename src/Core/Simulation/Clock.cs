namespace Playground.Core.Simulation;

/// <summary>The sandbox's virtual time; only the event loop moves it, so an hour can pass in a millisecond.</summary>
public sealed class Clock(DateTimeOffset start)
{
    public DateTimeOffset Now { get; internal set; } = start;
}
