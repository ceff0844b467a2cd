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
    private int _foregroundTimers;

    public Clock Clock => clock;

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

    /// <summary>
    /// Runs <paramref name="action"/> once <paramref name="delay"/> of virtual time has passed; dispose the result to cancel.
    /// A background timer (a heartbeat, a periodic resync) fires in order like any other but never keeps the loop busy:
    /// "until idle" stops when only background timers are left.
    /// </summary>
    public IDisposable After(TimeSpan delay, Action action, bool background = false)
    {
        var timer = new Timer(action, background ? null : () => _foregroundTimers--);
        if (!background) _foregroundTimers++;
        _timers.Enqueue(timer, (clock.Now + (delay < TimeSpan.Zero ? TimeSpan.Zero : delay), _sequence++));
        return timer;
    }

    /// <summary>True while work or a foreground timer is pending.</summary>
    public bool Busy => _ready.Count > 0 || _foregroundTimers > 0;

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
        while (_foregroundTimers > 0 && NextTimer is { } due)
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

    /// <summary>
    /// Runs one piece of work at a time, firing the next timer (background ones too) whenever nothing is ready, until
    /// <paramref name="done"/> holds or no timer is due by <paramref name="end"/>; true when <paramref name="done"/> held.
    /// </summary>
    public bool RunUntil(Func<bool> done, DateTimeOffset end)
    {
        while (!done())
        {
            if (RunOne()) continue;
            if (NextTimer is not { } due || due > end) return false;
            FireNext();
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

    private sealed class Timer(Action action, Action? settled) : IDisposable
    {
        public bool Cancelled { get; private set; }

        public void Fire()
        {
            if (Cancelled) return;
            Settle();
            action();
        }

        public void Dispose()
        {
            if (!Cancelled) Settle();
        }

        private void Settle()
        {
            Cancelled = true;
            settled?.Invoke();
        }
    }
}
