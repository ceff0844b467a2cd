using Playground.Core.Api.Core;
using Playground.Core.Scheduling.Framework;

namespace Playground.Client.Cluster.Map;

/// <summary>One resource of a node: how much its pods request and how much it can give them.</summary>
public sealed record Usage(long Requested, long Allocatable)
{
    /// <summary>Truncated as kubectl describe node's "Allocated resources" prints it.</summary>
    public int Percent => Allocatable <= 0 ? 0 : (int)(Requested * 100 / Allocatable);
}

/// <summary>A node's CPU (millicores) and memory (bytes) requested by its pods against its allocatable amounts.</summary>
public sealed record NodeUsage(Usage Cpu, Usage Memory)
{
    /// <summary>
    /// Sums what the scheduler counts for each pod bound to the node that has not finished (Succeeded and Failed pods
    /// hold nothing): its containers, or its largest init container when that is more, as <see cref="Resource.Requests"/> does.
    /// </summary>
    public static NodeUsage Of(Node node, IEnumerable<Pod> pods)
    {
        var allocatable = Resource.From(node.Status?.Allocatable is { Count: > 0 } a ? a : node.Status?.Capacity);
        var requested = new Resource();
        foreach (var pod in pods)
            if (pod.Status?.Phase is not ("Succeeded" or "Failed")) requested.Add(Resource.Requests(pod.Spec));
        return new(new Usage(requested.MilliCpu, allocatable.MilliCpu), new Usage(requested.Memory, allocatable.Memory));
    }
}
