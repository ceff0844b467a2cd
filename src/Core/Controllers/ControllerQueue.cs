using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers;

/// <summary>
/// A controller's work queue with client-go's default retry: a sync refused by the API runs again after a per-key
/// exponential back-off (5 ms doubling up to 1000 s), and a successful sync resets it.
/// </summary>
internal sealed class ControllerQueue
{
    private readonly WorkQueue _queue;
    private readonly Dictionary<string, int> _failures = [];

    public ControllerQueue(EventLoop loop, Action<string, long?> sync) =>
        _queue = new WorkQueue(loop, (key, cause) => Run(key, cause, sync));

    public void Add(string key, long? cause) => _queue.Add(key, cause);

    /// <summary>Queues every added or changed object of the controller's own kind under its own key.</summary>
    public void Watch<T>(Informer<T> informer) where T : KubeObject =>
        informer.OnChange((_, obj, cause) =>
        {
            if (obj is not null) Add(Informer<T>.KeyOf(obj), cause);
        });

    public IDisposable AddAfter(string key, TimeSpan delay, long? cause) => _queue.AddAfter(key, delay, cause);

    private void Run(string key, long? cause, Action<string, long?> sync)
    {
        try
        {
            sync(key, cause);
            _failures.Remove(key);
        }
        catch (ApiException)
        {
            var failures = _failures.GetValueOrDefault(key);
            _failures[key] = failures + 1;
            _queue.AddAfter(key, TimeSpan.FromMilliseconds(Math.Min(5 * Math.Pow(2, failures), 1_000_000)), cause);
        }
    }
}
