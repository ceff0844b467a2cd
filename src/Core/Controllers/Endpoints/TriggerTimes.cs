using Playground.Core.Api.Core;

namespace Playground.Core.Controllers.Endpoints;

/// <summary>
/// Upstream's TriggerTimeTracker, for the last-change-trigger-time annotation: the earliest change not yet reflected
/// in a service's endpoints (a pod's readiness transition, the service's creation); a service seen for the first time
/// reports its creation.
/// </summary>
internal sealed class TriggerTimes
{
    public const string Annotation = "endpoints.kubernetes.io/last-change-trigger-time";

    private readonly Dictionary<string, Seen> _seen = [];

    /// <summary>What the last sync of a service saw; the spare map is the previous one, reused to spare big services an allocation per sync.</summary>
    private sealed class Seen
    {
        public Dictionary<string, DateTimeOffset> Pods = new(StringComparer.Ordinal);
        public Dictionary<string, DateTimeOffset> Spare = new(StringComparer.Ordinal);
        public DateTimeOffset Service;
    }

    public DateTimeOffset? Compute(string serviceKey, Service service, IEnumerable<Pod> pods)
    {
        var known = _seen.TryGetValue(serviceKey, out var seen);
        if (seen is null) _seen[serviceKey] = seen = new Seen();
        DateTimeOffset? earliestChange = null;
        var podTimes = seen.Spare;
        podTimes.Clear();
        foreach (var pod in pods)
        {
            if (PodReadiness.ReadyCondition(pod)?.LastTransitionTime is not { } time) continue;
            podTimes[pod.Metadata.Name!] = time;
            if (!seen.Pods.TryGetValue(pod.Metadata.Name!, out var before) || time > before)
                earliestChange = Earliest(earliestChange, time);
        }
        var serviceTime = service.Metadata.CreationTimestamp ?? default;
        if (serviceTime > seen.Service) earliestChange = Earliest(earliestChange, serviceTime);
        (seen.Spare, seen.Pods, seen.Service) = (seen.Pods, podTimes, serviceTime);
        return known ? earliestChange : service.Metadata.CreationTimestamp;
    }

    public void Forget(string serviceKey) => _seen.Remove(serviceKey);

    private static DateTimeOffset Earliest(DateTimeOffset? a, DateTimeOffset b) => a is { } t && t < b ? t : b;
}
