using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>
/// Spreads matching pods evenly over topology domains: with whenUnsatisfiable DoNotSchedule a node is refused when
/// placing the pod there would make its domain hold more than maxSkew pods above the emptiest domain; with
/// ScheduleAnyway, nodes in emptier domains score higher. Only nodes the pod's node affinity allows count as domains.
/// </summary>
public sealed class PodTopologySpread : IPreFilterPlugin, IFilterPlugin, IScorePlugin, IPreScorePlugin
{
    public const string ConstraintsNotMatch = "node(s) didn't match pod topology spread constraints";
    public const string MissingLabel = "node(s) didn't match pod topology spread constraints (missing required label)";

    private static readonly NodeAffinity NodeAffinityFilter = new();

    public string Name => "PodTopologySpread";

    public bool SkipsFilter(PodInfo pod) => !pod.CycleState.ContainsKey(Name);

    public int Weight => 2;

    /// <summary>Matching pods per domain of each hard constraint, and each constraint's emptiest domain.</summary>
    private sealed record FilterState(IReadOnlyList<TopologySpreadConstraint> Constraints, Dictionary<(string, string), int> Counts, int[] MinMatch);

    public void PreFilter(PodInfo pod, Snapshot snapshot)
    {
        var constraints = Constraints(pod, "DoNotSchedule");
        if (constraints.Count == 0) return;
        var counts = Count(pod, constraints, snapshot.Nodes);
        var min = constraints.Select(c =>
        {
            var domains = counts.Where(p => p.Key.Item1 == c.TopologyKey).Select(p => p.Value).ToList();
            return domains.Count == 0 ? 0 : domains.Min();
        }).ToArray();
        pod.CycleState[Name] = new FilterState(constraints, counts, min);
    }

    public FilterResult Filter(PodInfo pod, NodeInfo node)
    {
        if (pod.CycleState.GetValueOrDefault(Name) is not FilterState state) return FilterResult.Success;
        var labels = node.Node.Metadata.Labels ?? [];
        for (var i = 0; i < state.Constraints.Count; i++)
        {
            var constraint = state.Constraints[i];
            if (!labels.TryGetValue(constraint.TopologyKey, out var value)) return FilterResult.Unresolvable(MissingLabel);
            var self = Matches(constraint, pod.Pod) ? 1 : 0;
            var skew = state.Counts.GetValueOrDefault((constraint.TopologyKey, value)) + self - state.MinMatch[i];
            if (skew > constraint.MaxSkew) return FilterResult.Unschedulable(ConstraintsNotMatch);
        }
        return FilterResult.Success;
    }

    /// <summary>Soft constraints count matching pods per domain of the feasible nodes; skipped for pods without any.</summary>
    public bool PreScore(PodInfo pod, Snapshot snapshot, IReadOnlyList<NodeInfo> feasible)
    {
        var constraints = Constraints(pod, "ScheduleAnyway");
        if (constraints.Count == 0) return false;
        var domains = constraints.Select(c => c.TopologyKey == "kubernetes.io/hostname"
            ? feasible.Count
            : feasible.Select(n => n.Node.Metadata.Labels?.GetValueOrDefault(c.TopologyKey)).Where(v => v is not null).Distinct().Count()).ToArray();
        pod.CycleState[Name + "/score"] = (constraints, Count(pod, constraints, snapshot.Nodes), domains);
        return true;
    }

    /// <summary>Matching pods in the node's domains, each constraint weighted by log(domains + 2), plus maxSkew − 1; lower is better.</summary>
    public long Score(PodInfo pod, NodeInfo node)
    {
        if (pod.CycleState.GetValueOrDefault(Name + "/score") is not (IReadOnlyList<TopologySpreadConstraint> constraints, Dictionary<(string, string), int> counts, int[] domains))
            return 0;
        var labels = node.Node.Metadata.Labels ?? [];
        if (constraints.Any(c => !labels.ContainsKey(c.TopologyKey))) return -1;
        double score = 0;
        for (var i = 0; i < constraints.Count; i++)
        {
            var count = counts.GetValueOrDefault((constraints[i].TopologyKey, labels[constraints[i].TopologyKey]));
            score += count * Math.Log(domains[i] + 2) + (constraints[i].MaxSkew - 1);
        }
        return (long)Math.Round(score);
    }

    /// <summary>Reverses the scores so the emptiest domain gets 100; a node without the topology labels (−1) gets 0.</summary>
    public void Normalize(long[] scores)
    {
        var counted = scores.Where(s => s >= 0).ToList();
        if (counted.Count == 0) return;
        long min = counted.Min(), max = counted.Max();
        for (var i = 0; i < scores.Length; i++)
        {
            if (scores[i] < 0) scores[i] = 0;
            else if (max == 0) scores[i] = IScorePlugin.MaxNodeScore;
            else scores[i] = IScorePlugin.MaxNodeScore * (max + min - scores[i]) / max;
        }
    }

    private static List<TopologySpreadConstraint> Constraints(PodInfo pod, string whenUnsatisfiable) =>
        (pod.Pod.Spec.TopologySpreadConstraints ?? []).Where(c => c.WhenUnsatisfiable == whenUnsatisfiable).ToList();

    /// <summary>
    /// Matching pods of the pod's namespace per (key, value), over nodes that have every constraint's key and pass the
    /// pod's node affinity (nodeAffinityPolicy Honor); every such domain is present, with 0 when empty.
    /// </summary>
    private static Dictionary<(string, string), int> Count(PodInfo pod, IReadOnlyList<TopologySpreadConstraint> constraints, IReadOnlyList<NodeInfo> nodes)
    {
        var counts = new Dictionary<(string, string), int>();
        foreach (var node in nodes)
        {
            var labels = node.Node.Metadata.Labels ?? [];
            if (constraints.Any(c => !labels.ContainsKey(c.TopologyKey)) || !NodeAffinityFilter.Filter(pod, node).IsSuccess) continue;
            foreach (var constraint in constraints)
            {
                var pair = (constraint.TopologyKey, labels[constraint.TopologyKey]);
                var matching = node.Pods.Count(p => p.Pod.Metadata.DeletionTimestamp is null
                    && p.Pod.Metadata.Namespace == pod.Pod.Metadata.Namespace && Matches(constraint, p.Pod));
                counts[pair] = counts.GetValueOrDefault(pair) + matching;
            }
        }
        return counts;
    }

    private static bool Matches(TopologySpreadConstraint constraint, Pod pod) =>
        constraint.LabelSelector is not null && LabelSelectors.Matches(constraint.LabelSelector, pod.Metadata.Labels);
}
