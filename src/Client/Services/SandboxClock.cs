namespace Playground.Client.Services;

/// <summary>
/// A request to change a sandbox's clock; each part is optional and applied in this order. At most one of
/// <see cref="Advance"/>, <see cref="Step"/> (that many more writes, then paused) and <see cref="Settle"/> (until idle, at most 1 h).
/// </summary>
public sealed record ClockChange(double? Speed, bool? Paused, TimeSpan? Advance, int? Step = null, bool Settle = false);

/// <summary>What the clock API answers: the sandbox's simulated now, how its clock runs, its store revision, and what a step or settle did.</summary>
public sealed record ClockState(DateTimeOffset Now, double Speed, bool Paused, long Revision, ClockRun? Ran = null);

/// <summary>How far a step or settle ran: virtual seconds, writes stored, and whether it got there (the write, or idle) within its hour.</summary>
public sealed record ClockRun(double Seconds, int Writes, bool Reached);
