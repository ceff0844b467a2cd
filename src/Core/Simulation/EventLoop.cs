namespace Playground.Core.Simulation;

/// <summary>
/// The sandbox's one logical thread: a FIFO of work due now and a queue of timers in virtual time.
/// Components never run concurrently, so Core needs no locks and every run is reproducible.
/// </summary>
public sealed class EventLoop(Clock clock)
{
    private readonly Queue<Action> _ready = new();
    private readonly PriorityQueue<Timer, (DateTimeOffset Due, long Sequence)> _timers = new();
    private long _sequence;

    public Clock Clock => clock;

    public bool HasWork => _ready.Count > 0;

    /// <summary>When the next pending timer fires, if any.</summary>
    public DateTimeOffset? NextTimer
    {
        get
        {
            DropCancelled();
            return _timers.TryPeek(out _, out var at) ? at.Due : null;
        }
    }

    public void Post(Action work) => _ready.Enqueue(work);

    /// <summary>Runs <paramref name="action"/> once <paramref name="delay"/> of virtual time has passed; dispose the result to cancel.</summary>
    public IDisposable After(TimeSpan delay, Action action)
    {
        var timer = new Timer(action);
        _timers.Enqueue(timer, (clock.Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), _sequence++));
        return timer;
    }

    /// <summary>Runs one piece of ready work; false when there is none.</summary>
    public bool RunOne()
    {
        if (!_ready.TryDequeue(out var work)) return false;
        work();
        return true;
    }

    public void RunPending()
    {
        while (RunOne()) { }
    }

    /// <summary>Moves time forward to <paramref name="time"/>, firing every timer due on the way at its own instant.</summary>
    public void AdvanceTo(DateTimeOffset time)
    {
        RunPending();
        while (NextTimer is { } due && due <= time)
        {
            FireNext();
            RunPending();
        }
        if (time > clock.Now) clock.Now = time;
    }

    /// <summary>Runs until nothing is left to do, jumping over idle time; stops at <paramref name="limit"/> of virtual time. True when idle.</summary>
    public bool RunUntilIdle(TimeSpan limit)
    {
        var end = clock.Now + limit;
        RunPending();
        while (NextTimer is { } due)
        {
            if (due > end)
            {
                clock.Now = end;
                return false;
            }
            FireNext();
            RunPending();
        }
        return true;
    }

    private void FireNext()
    {
        _timers.TryDequeue(out var timer, out var at);
        if (at.Due > clock.Now) clock.Now = at.Due;
        timer!.Fire();
    }

    private void DropCancelled()
    {
        while (_timers.TryPeek(out var timer, out _) && timer.Cancelled) _timers.Dequeue();
    }

    private sealed class Timer(Action action) : IDisposable
    {
        public bool Cancelled { get; private set; }
        public void Fire()
        {
            if (!Cancelled) action();
            Cancelled = true;
        }
        public void Dispose() => Cancelled = true;
    }
}
