using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Metrics;

/// <summary>One container's usage as metrics.k8s.io reports it.</summary>
public sealed record ContainerUsage(string Name, long MilliCpu, long MemoryBytes);

/// <summary>One pod's usage (a PodMetrics object of metrics.k8s.io).</summary>
public sealed record PodUsage(Pod Pod, IReadOnlyList<ContainerUsage> Containers)
{
    public long MilliCpu => Containers.Sum(c => c.MilliCpu);
    public long MemoryBytes => Containers.Sum(c => c.MemoryBytes);
}

/// <summary>One node's usage (a NodeMetrics object) and what it can allocate.</summary>
public sealed record NodeUsage(Node Node, long MilliCpu, long MemoryBytes, long AllocatableMilliCpu, long AllocatableMemoryBytes);

/// <summary>
/// The simulated metrics-server: usage of running pods and of nodes, worked out from the load model when asked
/// (metrics are not objects in the store, as metrics.k8s.io is served by an aggregated API, not etcd).
/// </summary>
public static class MetricsServer
{
    private const long MiB = 1024 * 1024;

    /// <summary>What a node's own daemons (kubelet, container runtime, system) use besides pods.</summary>
    private const long NodeMilliCpu = 60;
    private const long NodeMemory = 520 * MiB;

    public static IReadOnlyList<PodUsage> Pods(ApiServer.ApiServer api, string? ns)
    {
        var demand = LoadModel.Demand(api);
        return api.List<Pod>(ns).Where(HasMetrics).Select(p => Usage(p, demand.GetValueOrDefault(p.Metadata.Uid!))).ToList();
    }

    public static IReadOnlyList<NodeUsage> Nodes(ApiServer.ApiServer api)
    {
        var pods = Pods(api, null);
        return api.List<Node>().Select(node =>
        {
            var onNode = pods.Where(p => p.Pod.Spec.NodeName == node.Metadata.Name).ToList();
            var allocatable = node.Status?.Allocatable ?? [];
            return new NodeUsage(node, NodeMilliCpu + onNode.Sum(p => p.MilliCpu), NodeMemory + onNode.Sum(p => p.MemoryBytes),
                Quantity.MilliCpu(allocatable.GetValueOrDefault("cpu")), Quantity.Bytes(allocatable.GetValueOrDefault("memory")));
        }).ToList();
    }

    /// <summary>The kubelet reports a pod once its containers run; metrics-server then serves it.</summary>
    public static bool HasMetrics(Pod pod) => pod.Status?.Phase == "Running" && pod.Metadata.DeletionTimestamp is null;

    /// <summary>An idle container uses about a millicore and a few MiB; demand goes to the first container, up to its CPU limit.</summary>
    private static PodUsage Usage(Pod pod, long demand)
    {
        var containers = new List<ContainerUsage>();
        foreach (var (container, index) in pod.Spec.Containers.Select((c, i) => (c, i)))
        {
            var seed = Seed(pod.Metadata.Uid + container.Name);
            var cpu = 1 + (index == 0 ? demand : 0);
            if (container.Resources?.Limits?.GetValueOrDefault("cpu") is { } limit) cpu = Math.Min(cpu, Quantity.MilliCpu(limit));
            containers.Add(new ContainerUsage(container.Name, cpu, (4 + seed % 12) * MiB + seed % MiB));
        }
        return new PodUsage(pod, containers);
    }

    /// <summary>A stable per-container number (string.GetHashCode differs between runs).</summary>
    private static long Seed(string text)
    {
        long hash = 17;
        foreach (var c in text) hash = (hash * 31 + c) % 1_000_003;
        return hash;
    }
}
