using Playground.Core.Simulation;

namespace Playground.Core.Controllers.Endpoints;

/// <summary>
/// Upstream's --endpoint-updates-batch-period (and --endpointslice-updates-batch-period) as a throttle in virtual time:
/// a pod change syncs its service at once, unless the service synced less than a period ago; then one sync at the
/// period's end takes every change made meanwhile, caused by the newest. The period is the cluster's
/// <see cref="ClusterOptions.EndpointUpdatesBatchPeriod"/>: zero by default, as upstream's, so every change syncs.
/// </summary>
internal sealed class UpdateBatches(ControllerQueue queue, ClusterServices services)
{
    private TimeSpan Period => services.Options.EndpointUpdatesBatchPeriod;

    private readonly Dictionary<string, DateTimeOffset> _lastSync = new(StringComparer.Ordinal);
    private readonly Dictionary<string, long?> _waiting = new(StringComparer.Ordinal);

    public void Add(string key, long? cause)
    {
        if (_waiting.TryGetValue(key, out var waiting))
        {
            if (cause > waiting || waiting is null) _waiting[key] = cause;
            return;
        }
        var now = services.Clock.Now;
        if (!_lastSync.TryGetValue(key, out var last) || now - last >= Period)
        {
            queue.Add(key, cause);
            return;
        }
        _waiting[key] = cause;
        services.Loop.After(last + Period - now, () =>
        {
            _waiting.Remove(key, out var newest);
            queue.Add(key, newest);
        });
    }

    /// <summary>Called by each sync of the service, whatever asked for it.</summary>
    public void Synced(string key) => _lastSync[key] = services.Clock.Now;

    public void Forget(string key) => _lastSync.Remove(key);
}
