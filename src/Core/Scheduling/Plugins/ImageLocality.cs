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

    public bool PreScore(PodInfo pod, Snapshot snapshot, IReadOnlyList<NodeInfo> feasible)
    {
        var holders = pod.Pod.Spec.Containers.Concat(pod.Pod.Spec.InitContainers ?? [])
            .Select(c => ImageReference.Parse(c.Image ?? "").Normalized)
            .Distinct()
            .Select(image => (Image: image, Spread: (double)snapshot.NodesWithImage(image) / Math.Max(snapshot.Count, 1)))
            .Where(h => h.Spread > 0)
            .ToArray();
        pod.CycleState[Name] = holders;
        return true;
    }

    public long Score(PodInfo pod, NodeInfo node)
    {
        if (pod.CycleState.GetValueOrDefault(Name) is not (string Image, double Spread)[] holders) return 0;
        long sum = 0;
        foreach (var (image, spread) in holders)
            if (node.Images.TryGetValue(image, out var size)) sum += (long)(size * spread);
        var max = MaxContainerThreshold * pod.Pod.Spec.Containers.Count;
        var clamped = Math.Clamp(sum, MinThreshold, max);
        return IScorePlugin.MaxNodeScore * (clamped - MinThreshold) / (max - MinThreshold);
    }
}
