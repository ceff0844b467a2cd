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

    private readonly Dictionary<string, Entry> _entries = [];
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
        internal IDisposable? Timer { get; set; }
    }

    public bool HasActive => _entries.Values.Any(e => e.Place == Place.Active);

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
        entry.Priority = priority;
        entry.Cause = Newest(entry.Cause, cause);
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
        var next = _entries.Values
            .Where(e => e.Place == Place.Active)
            .OrderByDescending(e => e.Priority).ThenBy(e => e.Timestamp).ThenBy(e => e.Sequence)
            .FirstOrDefault();
        if (next is null) return null;
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
        onActive();
    }

    private static long? Newest(long? a, long? b) => a is null ? b : b is null ? a : Math.Max(a.Value, b.Value);
}
