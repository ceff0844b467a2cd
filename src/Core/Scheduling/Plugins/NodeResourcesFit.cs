using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>
/// Filters out nodes without room for the pod's requests (and pod count), and scores with the default LeastAllocated
/// strategy: the more CPU and memory would stay free, the better, using the scheduler's non-zero requests.
/// </summary>
public sealed class NodeResourcesFit : IFilterPlugin, IScorePlugin
{
    public string Name => "NodeResourcesFit";

    public int Weight => 1;

    public FilterResult Filter(PodInfo pod, NodeInfo node)
    {
        // Most nodes fit: tell that without building the list of reasons.
        if (PlainlyFits(pod.Requests, node)) return FilterResult.Success;
        string[] reasons = [.. Insufficient(pod.Requests, node)];
        return reasons.Length == 0 ? FilterResult.Success : FilterResult.Unschedulable(reasons);
    }

    /// <summary>True when <see cref="Insufficient"/> would find nothing, for pods without extended resources.</summary>
    private static bool PlainlyFits(Resource request, NodeInfo node) =>
        node.Pods.Count + 1 <= node.AllowedPods
        && request.Scalar.Count == 0
        && (request.MilliCpu == 0 || request.MilliCpu <= node.Allocatable.MilliCpu - node.Requested.MilliCpu)
        && (request.Memory == 0 || request.Memory <= node.Allocatable.Memory - node.Requested.Memory)
        && (request.EphemeralStorage == 0 || request.EphemeralStorage <= node.Allocatable.EphemeralStorage - node.Requested.EphemeralStorage);

    /// <summary>Upstream's fitsRequest, in its order: pod count, then CPU, memory, ephemeral storage, extended resources.</summary>
    public static IEnumerable<string> Insufficient(Resource request, NodeInfo node)
    {
        if (node.Pods.Count + 1 > node.AllowedPods) yield return "Too many pods";
        if (request.IsZero) yield break;
        if (request.MilliCpu > 0 && request.MilliCpu > node.Allocatable.MilliCpu - node.Requested.MilliCpu) yield return "Insufficient cpu";
        if (request.Memory > 0 && request.Memory > node.Allocatable.Memory - node.Requested.Memory) yield return "Insufficient memory";
        if (request.EphemeralStorage > 0 && request.EphemeralStorage > node.Allocatable.EphemeralStorage - node.Requested.EphemeralStorage)
            yield return "Insufficient ephemeral-storage";
        foreach (var (name, amount) in request.Scalar)
        {
            if (amount > node.Allocatable.Scalar.GetValueOrDefault(name) - node.Requested.Scalar.GetValueOrDefault(name))
                yield return $"Insufficient {name}";
        }
    }

    /// <summary>LeastAllocated: ((allocatable - requested) × 100 / allocatable) per resource, averaged over CPU and memory (weight 1 each).</summary>
    public long Score(PodInfo pod, NodeInfo node)
    {
        long total = 0, weights = 0;
        Add(node.Allocatable.MilliCpu, node.NonZeroRequested.MilliCpu + pod.NonZeroRequests.MilliCpu);
        Add(node.Allocatable.Memory, node.NonZeroRequested.Memory + pod.NonZeroRequests.Memory);
        return weights == 0 ? 0 : total / weights;

        void Add(long allocatable, long requested)
        {
            if (allocatable == 0) return;
            total += requested > allocatable ? 0 : (allocatable - requested) * IScorePlugin.MaxNodeScore / allocatable;
            weights++;
        }
    }
}
