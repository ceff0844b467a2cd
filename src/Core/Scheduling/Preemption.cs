using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling;

/// <summary>What DefaultPreemption found: a node and the pods to evict from it, or why preemption cannot help.</summary>
public sealed record PreemptionResult(string? Message, NodeInfo? Node, IReadOnlyList<PodInfo> Victims);

/// <summary>
/// The DefaultPreemption PostFilter plugin: when no node fits, looks for a node where evicting lower-priority pods
/// would make room, keeping as many of them as still allows the pod to fit.
/// </summary>
public static class Preemption
{
    /// <param name="absent">The status of nodes the cycle did not filter because PreFilter ruled them out, if it did.</param>
    public static PreemptionResult Run(PodInfo pod, IReadOnlyList<NodeInfo> nodes, IReadOnlyDictionary<string, FilterResult> statuses, FilterResult? absent, Profile profile)
    {
        if (pod.Pod.Spec.PreemptionPolicy == "Never")
            return new("preemption: not eligible due to preemptionPolicy=Never.", null, []);

        var outcomes = new List<FilterResult>();
        var candidates = new List<(NodeInfo Node, List<PodInfo> Victims)>();
        foreach (var node in nodes)
        {
            if ((statuses.TryGetValue(node.Name, out var status) ? status : absent)?.Code == FilterCode.UnschedulableAndUnresolvable)
            {
                outcomes.Add(FilterResult.Unresolvable("Preemption is not helpful for scheduling"));
                continue;
            }
            var lower = node.Pods.Where(p => p.Priority < pod.Priority).ToList();
            if (lower.Count == 0)
            {
                outcomes.Add(FilterResult.Unresolvable("No preemption victims found for incoming pod"));
                continue;
            }
            var (_, withoutAll) = profile.RunFilters(pod, node.Without(lower));
            if (!withoutAll.IsSuccess)
            {
                outcomes.Add(withoutAll);
                continue;
            }
            candidates.Add((node, Reprieve(pod, node, lower, profile)));
        }
        if (candidates.Count == 0)
            return new($"preemption: {FitError.Message(nodes.Count, outcomes)}", null, []);

        // pickOneNodeForPreemption, without PodDisruptionBudgets: the least important victims, then the fewest.
        var best = candidates
            .OrderBy(c => c.Victims.Max(v => v.Priority))
            .ThenBy(c => c.Victims.Sum(v => (long)v.Priority))
            .ThenBy(c => c.Victims.Count)
            .First();
        return new(null, best.Node, best.Victims);
    }

    /// <summary>Gives back, most important first, every potential victim the pod can fit beside.</summary>
    private static List<PodInfo> Reprieve(PodInfo pod, NodeInfo node, List<PodInfo> potential, Profile profile)
    {
        var victims = potential.ToList();
        foreach (var candidate in potential.OrderByDescending(p => p.Priority).ThenBy(p => p.Pod.Status?.StartTime ?? DateTimeOffset.MaxValue))
        {
            var kept = victims.Where(v => v != candidate).ToList();
            if (profile.RunFilters(pod, node.Without(kept)).Result.IsSuccess) victims = kept;
        }
        return victims;
    }
}
