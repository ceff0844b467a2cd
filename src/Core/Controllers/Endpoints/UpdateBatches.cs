using Playground.Core.Simulation;

namespace Playground.Core.Controllers.Endpoints;

/// <summary>
/// Upstream's --endpoint-updates-batch-period (and --endpointslice-updates-batch-period): a pod change queues its
/// service after the period, as the delaying work queue's AddAfter does, and changes while it waits join that one sync
/// (caused by the newest). The period is the cluster's <see cref="ClusterOptions.EndpointUpdatesBatchPeriod"/>: zero by
/// default, as upstream's, so every change syncs at once.
/// </summary>
internal sealed class UpdateBatches(ControllerQueue queue, ClusterServices services)
{
    private readonly Dictionary<string, long?> _waiting = new(StringComparer.Ordinal);

    public void Add(string key, long? cause)
    {
        var period = services.Options.EndpointUpdatesBatchPeriod;
        if (period <= TimeSpan.Zero)
        {
            queue.Add(key, cause);
            return;
        }
        if (_waiting.TryGetValue(key, out var waiting))
        {
            if (cause > waiting || waiting is null) _waiting[key] = cause;
            return;
        }
        _waiting[key] = cause;
        services.Loop.After(period, () =>
        {
            _waiting.Remove(key, out var newest);
            queue.Add(key, newest);
        });
    }
}
