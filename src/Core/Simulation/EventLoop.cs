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
    private Func<bool>? _stepDone;
    private WorkFiber? _parked;

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

    /// <summary>True while work (also work a step stopped halfway) or a foreground timer is pending.</summary>
    public bool Busy => _parked is not null || _ready.Count > 0 || _foregroundTimers > 0;

    /// <summary>Runs one piece of ready work, first the rest of one a step stopped halfway; false when there is none.</summary>
    public bool RunOne()
    {
        if (_parked is { } parked)
        {
            _parked = null;
            Resume(parked);
            return true;
        }
        if (!_ready.TryDequeue(out var work)) return false;
        Run(work);
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

    /// <summary>
    /// <see cref="RunUntil"/>, but a piece of work that is about to make another write once <paramref name="done"/> holds
    /// stops there and goes on with the next run: a step of one write stores exactly one, even when one sync writes several.
    /// </summary>
    public bool StepUntil(Func<bool> done, DateTimeOffset end)
    {
        _stepDone = done;
        try
        {
            return RunUntil(done, end);
        }
        finally
        {
            _stepDone = null;
        }
    }

    /// <summary>Runs the rest of a piece of work a step stopped halfway, so that no fiber is left waiting when the loop is put away.</summary>
    public void FinishStopped()
    {
        if (_parked is not null) RunOne();
    }

    /// <summary>Called as a write request arrives, before it reads anything, so a stopped piece of work never writes on stale reads.</summary>
    internal void BeforeWrite()
    {
        if (WorkFiber.Current is { } fiber && _stepDone?.Invoke() == true) fiber.Park();
    }

    private void Run(Action work)
    {
        if (_stepDone is null) work();
        else Resume(new WorkFiber(work));
    }

    private void Resume(WorkFiber fiber)
    {
        if (!fiber.Resume()) _parked = fiber;
    }

    private void FireNext()
    {
        _timers.TryDequeue(out var timer, out var at);
        if (at.Due > clock.Now) clock.Now = at.Due;
        Run(timer!.Fire);
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
