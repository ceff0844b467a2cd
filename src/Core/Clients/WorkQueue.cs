using Playground.Core.Simulation;

namespace Playground.Core.Clients;

/// <summary>
/// A controller's queue of object keys, as client-go's workqueue: a key waiting is not queued twice, and it
/// remembers the newest revision that asked for it, which becomes the cause of the writes its sync makes.
/// </summary>
public sealed class WorkQueue(EventLoop loop, Action<string, long?> sync)
{
    private readonly Dictionary<string, long?> _waiting = [];

    public int Length => _waiting.Count;

    public void Add(string key, long? cause)
    {
        if (_waiting.TryGetValue(key, out var existing))
        {
            if (cause > existing || existing is null) _waiting[key] = cause;
            return;
        }
        _waiting[key] = cause;
        loop.Post(() => Process(key));
    }

    /// <summary>Queues the key again after a delay of virtual time (requeue-after, back-off).</summary>
    public IDisposable AddAfter(string key, TimeSpan delay, long? cause) => loop.After(delay, () => Add(key, cause));

    private void Process(string key)
    {
        if (!_waiting.Remove(key, out var cause)) return;
        sync(key, cause);
    }
}
