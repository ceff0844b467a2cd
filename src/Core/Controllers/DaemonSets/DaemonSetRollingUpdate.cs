using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;

namespace Playground.Core.Controllers.DaemonSets;

/// <summary>Upstream's daemon update.go rollingUpdate: replace old pods node by node within maxUnavailable, or surge new ones within maxSurge.</summary>
public sealed partial class DaemonSetController
{
    private static bool AllowsSurge(DaemonSet ds) =>
        ds.Spec.UpdateStrategy?.RollingUpdate?.MaxSurge is { } surge && surge.Scaled(1, roundUp: false) > 0;

    private bool RollingUpdate(DaemonSet ds, IReadOnlyList<Eligibility> nodes, Dictionary<string, List<Pod>> byNode, string hash, WriteContext context)
    {
        // Without an old pod there is nothing to replace, whatever the budget: the usual sync between rollouts.
        if (!byNode.Values.Any(pods => HasOld(ds, pods, hash))) return false;
        var eligible = nodes.Where(n => n.ShouldRun).Select(n => n.Name).ToHashSet();
        foreach (var node in eligible) byNode.TryAdd(node, []);
        var desired = eligible.Count;
        var rolling = ds.Spec.UpdateStrategy!.RollingUpdate ?? new RollingUpdateDaemonSet();
        var maxUnavailable = rolling.MaxUnavailable?.Scaled(desired, roundUp: true) ?? 1;
        var maxSurge = rolling.MaxSurge?.Scaled(desired, roundUp: true) ?? 0;
        if (maxUnavailable == 0 && maxSurge == 0) maxUnavailable = 1;
        var minReady = ds.Spec.MinReadySeconds ?? 0;
        var now = _clock.Now;

        if (maxSurge == 0)
        {
            var unavailable = 0;
            var allowed = new List<Pod>();
            var candidates = new List<Pod>();
            foreach (var (_, pods) in byNode.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                if (UpdatedAndOld(ds, pods, hash) is not var (newPod, oldPod))
                {
                    unavailable++;
                    continue;
                }
                if ((oldPod is null) == (newPod is null)) unavailable++;
                else if (newPod is not null) { if (!PodReadiness.IsAvailable(newPod, minReady, now)) unavailable++; }
                else if (!PodReadiness.IsAvailable(oldPod!, minReady, now)) allowed.Add(oldPod!);
                else if (unavailable < maxUnavailable) candidates.Add(oldPod!);
            }
            var remaining = Math.Clamp(maxUnavailable - unavailable, 0, candidates.Count);
            return SyncNodes(ds, [.. allowed, .. candidates.Take(remaining)], [], hash, context);
        }

        var surged = 0;
        var oldToDelete = new List<Pod>();
        var allowedNodes = new List<string>();
        var candidateNodes = new List<string>();
        foreach (var (nodeName, pods) in byNode.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            if (UpdatedAndOld(ds, pods, hash) is not var (newPod, oldPod))
            {
                surged++;
                continue;
            }
            if (oldPod is null) continue;
            if (newPod is null)
            {
                if (!PodReadiness.IsAvailable(oldPod, minReady, now))
                {
                    if (eligible.Contains(nodeName)) allowedNodes.Add(nodeName);
                }
                else if (surged < maxSurge) candidateNodes.Add(nodeName);
                continue;
            }
            if (!PodReadiness.IsAvailable(newPod, minReady, now)) surged++;
            else oldToDelete.Add(oldPod);
        }
        var room = Math.Clamp(maxSurge - surged, 0, candidateNodes.Count);
        return SyncNodes(ds, oldToDelete, [.. allowedNodes, .. candidateNodes.Take(room)], hash, context);
    }

    /// <summary>Upstream's findUpdatedPodsOnNode: the node's one new and one old live pod, or null when it has two of either.</summary>
    private static (Pod? New, Pod? Old)? UpdatedAndOld(DaemonSet ds, IEnumerable<Pod> pods, string hash)
    {
        Pod? newPod = null, oldPod = null;
        foreach (var pod in pods.Where(p => p.Metadata.DeletionTimestamp is null))
        {
            if (DaemonPods.IsUpdated(pod, hash, ds))
            {
                if (newPod is not null) return null;
                newPod = pod;
            }
            else
            {
                if (oldPod is not null) return null;
                oldPod = pod;
            }
        }
        return (newPod, oldPod);
    }
}
