using Playground.Core.Kubelet.Images;
using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>
/// Prefers nodes that already hold the pod's images, by their size scaled by how widely the image is spread over the
/// nodes (so one node with a popular image does not attract every pod), between 23 MB and 1000 MB per container.
/// </summary>
public sealed class ImageLocality : IScorePlugin, IPreScorePlugin
{
    private const long MinThreshold = 23 * 1024 * 1024;
    private const long MaxContainerThreshold = 1000 * 1024 * 1024;

    public string Name => "ImageLocality";

    public int Weight => 1;

    public bool PreScore(PodInfo pod, IReadOnlyList<NodeInfo> allNodes, IReadOnlyList<NodeInfo> feasible)
    {
        var wanted = pod.Pod.Spec.Containers.Concat(pod.Pod.Spec.InitContainers ?? [])
            .Select(c => ImageReference.Parse(c.Image ?? "").Normalized).Distinct().ToList();
        var holders = wanted.ToDictionary(i => i, i => allNodes.Count(n => n.Images.ContainsKey(i)));
        pod.CycleState[Name] = (holders, allNodes.Count);
        return true;
    }

    public long Score(PodInfo pod, NodeInfo node)
    {
        if (pod.CycleState.GetValueOrDefault(Name) is not (Dictionary<string, int> holders, int total) || total == 0) return 0;
        long sum = 0;
        foreach (var (name, count) in holders)
            if (node.Images.TryGetValue(name, out var size)) sum += (long)(size * ((double)count / total));
        var max = MaxContainerThreshold * pod.Pod.Spec.Containers.Count;
        var clamped = Math.Clamp(sum, MinThreshold, max);
        return IScorePlugin.MaxNodeScore * (clamped - MinThreshold) / (max - MinThreshold);
    }
}
