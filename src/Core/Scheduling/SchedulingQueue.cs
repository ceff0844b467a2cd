using Playground.Core.Simulation;

namespace Playground.Core.Scheduling;

/// <summary>
/// kube-scheduler's PriorityQueue in miniature: an active queue (highest priority, then longest waiting, first),
/// a back-off queue (1 s doubling to 10 s per failed attempt) and a set of unschedulable pods that wait for a
/// cluster change (a node added or changed, a pod deleted) to be tried again.
/// </summary>
public sealed class SchedulingQueue(EventLoop loop, Action onActive)
{
    public static readonly TimeSpan InitialBackoff = TimeSpan.FromSeconds(1);
    public static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(10);

    /// <summary>podMaxInUnschedulablePodsDuration: an unschedulable pod is tried again after this long even if nothing changed.</summary>
    public static readonly TimeSpan MaxInUnschedulable = TimeSpan.FromMinutes(5);

    /// <summary>How often the queue looks for pods that have waited as unschedulable for too long.</summary>
    public static readonly TimeSpan FlushPeriod = TimeSpan.FromSeconds(30);

    private readonly Dictionary<string, Entry> _entries = [];

    // The active queue as a heap; an entry that left it, or whose priority changed, is skipped when it surfaces.
    private readonly PriorityQueue<(Entry Entry, long Version), (int Priority, DateTimeOffset Timestamp, long Sequence)> _active = new();
    private long _sequence;
    private long _cycle;
    private long _moveRequestCycle = -1;

    public enum Place { Active, Backoff, Unschedulable, InFlight }

    public sealed class Entry(string key)
    {
        public string Key { get; } = key;
        public int Priority { get; set; }
        public long? Cause { get; set; }
        public int Attempts { get; set; }
        public DateTimeOffset Timestamp { get; set; }
        public long Sequence { get; set; }
        public Place Place { get; set; }
        internal long Cycle { get; set; }
        internal bool ChangedInFlight { get; set; }
        internal long Version { get; set; }
        internal IDisposable? Timer { get; set; }
    }

    public bool HasActive => PeekActive() is not null;

    public Place? PlaceOf(string key) => _entries.TryGetValue(key, out var entry) ? entry.Place : null;

    public bool Contains(string key) => _entries.ContainsKey(key);

    /// <summary>A new unscheduled pod goes straight to the active queue.</summary>
    public void Add(string key, int priority, long? cause)
    {
        if (_entries.ContainsKey(key)) return;
        var entry = new Entry(key) { Priority = priority, Cause = cause, Timestamp = loop.Clock.Now };
        _entries[key] = entry;
        Activate(entry);
    }

    /// <summary>A queued pod's spec or labels changed: if it was waiting as unschedulable, it may fit now.</summary>
    public void Update(string key, int priority, long? cause)
    {
        if (!_entries.TryGetValue(key, out var entry)) return;
        var reorder = entry.Place == Place.Active && entry.Priority != priority;
        entry.Priority = priority;
        entry.Cause = Newest(entry.Cause, cause);
        if (reorder) Push(entry);
        if (entry.Place == Place.InFlight) entry.ChangedInFlight = true;
        else if (entry.Place == Place.Unschedulable) Requeue(entry);
    }

    public void Remove(string key)
    {
        if (_entries.Remove(key, out var entry)) entry.Timer?.Dispose();
    }

    /// <summary>Takes the next pod to schedule; it is in flight until Done, Unschedulable or Remove.</summary>
    public Entry? Pop()
    {
        var next = PeekActive();
        if (next is null) return null;
        _active.Dequeue();
        next.Place = Place.InFlight;
        next.Cycle = ++_cycle;
        next.Attempts++;
        next.ChangedInFlight = false;
        return next;
    }

    /// <summary>
    /// The pod did not fit. It waits for a cluster change, unless one already happened while it was being scheduled;
    /// then it only backs off, as AddUnschedulableIfNotPresent does.
    /// </summary>
    public void Unschedulable(string key)
    {
        if (!_entries.TryGetValue(key, out var entry) || entry.Place != Place.InFlight) return;
        entry.Timestamp = loop.Clock.Now;
        if (_moveRequestCycle >= entry.Cycle || entry.ChangedInFlight) Requeue(entry);
        else entry.Place = Place.Unschedulable;
    }

    /// <summary>An error (a failed bind) rather than a misfit: retry after back-off.</summary>
    public void Retry(string key)
    {
        if (!_entries.TryGetValue(key, out var entry)) return;
        entry.Timestamp = loop.Clock.Now;
        Requeue(entry);
    }

    /// <summary>Something in the cluster changed that may let unschedulable pods fit: move them all back.</summary>
    public void MoveAll(long? cause)
    {
        _moveRequestCycle = _cycle;
        foreach (var entry in _entries.Values.Where(e => e.Place == Place.Unschedulable).ToList())
        {
            entry.Cause = Newest(entry.Cause, cause);
            Requeue(entry);
        }
    }

    /// <summary>
    /// Starts flushUnschedulablePodsLeftover: every 30 s, pods unschedulable for more than 5 minutes go back to be
    /// tried again. A background timer, as it is housekeeping nobody waits for.
    /// </summary>
    public void StartFlushing() => loop.After(FlushPeriod, () =>
    {
        var now = loop.Clock.Now;
        foreach (var entry in _entries.Values.Where(e => e.Place == Place.Unschedulable && now - e.Timestamp > MaxInUnschedulable).ToList()) Requeue(entry);
        StartFlushing();
    }, background: true);

    /// <summary>The back-off after the pod's attempts so far: 1 s, doubled per attempt, at most 10 s.</summary>
    public static TimeSpan Backoff(int attempts)
    {
        var duration = InitialBackoff;
        for (var i = 1; i < attempts; i++)
        {
            if (duration > MaxBackoff - duration) return MaxBackoff;
            duration += duration;
        }
        return duration;
    }

    private void Requeue(Entry entry)
    {
        var expiry = entry.Timestamp + Backoff(entry.Attempts);
        if (entry.Attempts == 0 || expiry <= loop.Clock.Now)
        {
            Activate(entry);
            return;
        }
        entry.Place = Place.Backoff;
        entry.Timer?.Dispose();
        entry.Timer = loop.After(expiry - loop.Clock.Now, () =>
        {
            if (_entries.TryGetValue(entry.Key, out var current) && current == entry && entry.Place == Place.Backoff) Activate(entry);
        });
    }

    private void Activate(Entry entry)
    {
        entry.Timer?.Dispose();
        entry.Timer = null;
        entry.Place = Place.Active;
        entry.Sequence = _sequence++;
        Push(entry);
        onActive();
    }

    private void Push(Entry entry) => _active.Enqueue((entry, ++entry.Version), (-entry.Priority, entry.Timestamp, entry.Sequence));

    /// <summary>The next active entry (highest priority, then longest waiting), dropping the stale ones above it.</summary>
    private Entry? PeekActive()
    {
        while (_active.TryPeek(out var top, out _))
        {
            var (entry, version) = top;
            if (entry.Place == Place.Active && entry.Version == version && _entries.GetValueOrDefault(entry.Key) == entry) return entry;
            _active.Dequeue();
        }
        return null;
    }

    private static long? Newest(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
