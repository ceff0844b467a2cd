using Playground.Core.Api.Core;

namespace Playground.Core.Controllers.Endpoints;

/// <summary>
/// Upstream's TriggerTimeTracker, for the last-change-trigger-time annotation: the earliest change not yet reflected
/// in a service's endpoints (a pod's readiness transition, the service's creation); a service seen for the first time
/// reports its creation.
/// </summary>
internal sealed class TriggerTimes
{
    private readonly Dictionary<string, (Dictionary<string, DateTimeOffset> Pods, DateTimeOffset Service)> _seen = [];

    public DateTimeOffset? Compute(string serviceKey, Service service, IEnumerable<Pod> pods)
    {
        var known = _seen.TryGetValue(serviceKey, out var last);
        DateTimeOffset? earliestChange = null;
        var podTimes = new Dictionary<string, DateTimeOffset>();
        foreach (var pod in pods)
        {
            if (PodReadiness.ReadyCondition(pod)?.LastTransitionTime is not { } time) continue;
            podTimes[pod.Metadata.Name!] = time;
            if (last.Pods is null || !last.Pods.TryGetValue(pod.Metadata.Name!, out var before) || time > before)
                earliestChange = Earliest(earliestChange, time);
        }
        var serviceTime = service.Metadata.CreationTimestamp ?? default;
        if (serviceTime > last.Service) earliestChange = Earliest(earliestChange, serviceTime);
        _seen[serviceKey] = (podTimes, serviceTime);
        return known ? earliestChange : service.Metadata.CreationTimestamp;
    }

    public void Forget(string serviceKey) => _seen.Remove(serviceKey);

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } t && t < b ? t : b;
}
