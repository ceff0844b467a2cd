using Playground.Core.Api.Core;

namespace Playground.Core.Scheduling.Framework;

/// <summary>A pod as the scheduler sees it, with its requests worked out once per scheduling cycle.</summary>
public sealed class PodInfo(Pod pod)
{
    public Pod Pod { get; } = pod;
    public string Key { get; } = $"{pod.Metadata.Namespace}/{pod.Metadata.Name}";
    public int Priority => Pod.Spec.Priority ?? 0;

    /// <summary>What the pod asks for: the basis of NodeResourcesFit's filter and of the balanced-allocation score.</summary>
    public Resource Requests { get; } = Resource.Requests(pod.Spec);

    /// <summary>Requests with the scheduler's defaults for containers that ask for nothing: the basis of least-allocated spreading.</summary>
    public Resource NonZeroRequests { get; } = Resource.Requests(pod.Spec, nonZero: true);

    /// <summary>What PreFilter and PreScore plugins worked out for this pod in the current scheduling cycle, by plugin.</summary>
    public Dictionary<string, object> CycleState => _cycleState ??= [];
    private Dictionary<string, object>? _cycleState;

    /// <summary>The filters this cycle runs for the pod, the ones PreFilter did not skip; all of them until PreFilter ran.</summary>
    internal IFilterPlugin[]? Filters { get; set; }

    /// <summary>The only nodes PreFilter left for this cycle and the plugins that named them; null when every node may do.</summary>
    internal (IReadOnlySet<string> Names, List<string> Plugins)? NodeNames { get; set; }

    /// <summary>Why PreFilter left no node at all this cycle (upstream's PreFilter rejection), or null.</summary>
    internal string? PreFilterRejection { get; set; }

    /// <summary>The pod's inter-pod affinity and anti-affinity terms, read once.</summary>
    public PodAffinityTerms AffinityTerms => _affinityTerms ??= PodAffinityTerms.Of(Pod);
    private PodAffinityTerms? _affinityTerms;

    private IReadOnlyList<(string Ip, string Protocol, int Port)>? _hostPorts;

    /// <summary>The host ports the pod's containers claim, as (hostIP, protocol, port); read once, as NodePorts asks on every node.</summary>
    public IReadOnlyList<(string Ip, string Protocol, int Port)> HostPorts => _hostPorts ??= [..
        Pod.Spec.Containers.Concat(Pod.Spec.InitContainers ?? [])
            .SelectMany(c => c.Ports ?? [])
            .Where(p => p.HostPort is > 0)
            .Select(p => (string.IsNullOrEmpty(p.HostIP) ? "0.0.0.0" : p.HostIP, p.Protocol ?? "TCP", p.HostPort!.Value))];
}
