using Playground.Core.Api.Core;

namespace Playground.Core.Controllers.Endpoints;

/// <summary>
/// What each selected pod contributed to a service's endpoints at the service's last sync. Informer objects are
/// replaced on every write and never changed, so the same pod object (and the same service object) gives the same
/// answer: a sync of a big service recomputes only the pods that changed since the previous one.
/// </summary>
internal sealed class PodContributions<T>(Func<Service, Pod, T> compute)
{
    private sealed class Seen
    {
        public Service? Service;
        public Dictionary<Pod, T> Last = new(ReferenceEqualityComparer.Instance);
        public Dictionary<Pod, T> Next = new(ReferenceEqualityComparer.Instance);
    }

    private readonly Dictionary<string, Seen> _services = new(StringComparer.Ordinal);

    /// <summary>Each pod's contribution, in the order of <paramref name="pods"/>; only what this sync saw is remembered.</summary>
    public List<T> Collect(string serviceKey, Service service, IReadOnlyList<Pod> pods)
    {
        if (!_services.TryGetValue(serviceKey, out var seen)) _services[serviceKey] = seen = new Seen();
        if (!ReferenceEquals(seen.Service, service)) seen.Last.Clear();
        seen.Service = service;
        var next = seen.Next;
        next.Clear();
        var result = new List<T>(pods.Count);
        foreach (var pod in pods)
        {
            if (!seen.Last.TryGetValue(pod, out var value)) value = compute(service, pod);
            next[pod] = value;
            result.Add(value);
        }
        (seen.Last, seen.Next) = (next, seen.Last);
        return result;
    }

    public void Forget(string serviceKey) => _services.Remove(serviceKey);
}
