using Playground.Client.Cluster.Trace;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Client.Services;

/// <summary>
/// A request to change a sandbox's clock; each part is optional and applied in this order. At most one of
/// <see cref="Advance"/>, <see cref="Step"/> (that many more writes, then paused) and <see cref="Settle"/> (until idle, at most 1 h).
/// </summary>
public sealed record ClockChange(double? Speed, bool? Paused, TimeSpan? Advance, int? Step = null, bool Settle = false);

/// <summary>What the clock API answers: the sandbox's simulated now, how its clock runs, its store revision, and what a step or settle did.</summary>
public sealed record ClockState(DateTimeOffset Now, double Speed, bool Paused, long Revision, ClockRun? Ran = null);

/// <summary>
/// How far a step or settle ran: virtual seconds, writes stored, whether it got there (the write, or idle) within its
/// hour, and for a step the last write it stored.
/// </summary>
public sealed record ClockRun(double Seconds, int Writes, bool Reached, ClockWrite? Last = null)
{
    public static ClockRun From(RunOutcome outcome, WriteRecord? last) =>
        new(outcome.Elapsed.TotalSeconds, outcome.Writes, outcome.Reached, last is null ? null : ClockWrite.From(last));
}

/// <summary>A write as the trace names it: its revision, its actor and what it did, e.g. "create Pod default/web-7d4b9c-x2x4z".</summary>
public sealed record ClockWrite(long Revision, string Actor, string Step)
{
    public static ClockWrite From(WriteRecord write) => new(write.Revision, write.Actor, TraceText.Step(write));
}
