using System.Text.Json;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Scheduling.Framework;
using Playground.Core.Serialization;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>
/// Keeps pods on nodes matching their nodeSelector and required node affinity, and prefers nodes matching their
/// preferred node affinity terms by the sum of the terms' weights.
/// </summary>
public sealed class NodeAffinity : IFilterPlugin, IScorePlugin, INodeNamesPreFilter
{
    public string Name => "NodeAffinity";

    public bool SkipsFilter(PodInfo pod) =>
        pod.Pod.Spec.NodeSelector is not { Count: > 0 } && pod.Pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution is null;

    public int Weight => 2;

    /// <summary>
    /// Upstream's PreFilter: when every required term names nodes by metadata.name (as a DaemonSet's pods do), only
    /// those nodes can pass; the terms are ORed and a term's name requirements ANDed.
    /// </summary>
    public string ConflictReason => "pod affinity terms conflict";

    public IReadOnlySet<string>? NodeNames(PodInfo pod)
    {
        if (pod.Pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution?.NodeSelectorTerms is not { Count: > 0 } terms) return null;
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var term in terms)
        {
            HashSet<string>? termNames = null;
            foreach (var field in term.MatchFields ?? [])
            {
                if (field.Key != "metadata.name" || field.Operator != "In") continue;
                if (termNames is null) termNames = new HashSet<string>(field.Values ?? [], StringComparer.Ordinal);
                else termNames.IntersectWith(field.Values ?? []);
            }
            if (termNames is null) return null;
            names.UnionWith(termNames);
        }
        return names;
    }

    public FilterResult Filter(PodInfo pod, NodeInfo node)
    {
        var selector = pod.Pod.Spec.NodeSelector;
        var required = pod.Pod.Spec.Affinity?.NodeAffinity?.RequiredDuringSchedulingIgnoredDuringExecution;
        if (selector is not { Count: > 0 } && required is null) return FilterResult.Success;
        var labels = node.Node.Metadata.Labels ?? [];
        var selectorMatches = (selector ?? []).All(p => labels.TryGetValue(p.Key, out var v) && v == p.Value);
        return selectorMatches && (required is null || required.NodeSelectorTerms.Any(t => Matches(t, node)))
            ? FilterResult.Success
            : FilterResult.Unresolvable("node(s) didn't match Pod's node affinity/selector");
    }

    public bool Applies(PodInfo pod) => Preferred(pod).Any();

    public long Score(PodInfo pod, NodeInfo node) =>
        Preferred(pod).Where(p => Matches(p.Term, node)).Sum(p => (long)p.Weight);

    public void Normalize(long[] scores) => ScoreNormalization.Scale(scores, reverse: false);

    /// <summary>Terms are ORed by the caller; within a term every expression and field must match, and an empty term matches nothing.</summary>
    public static bool Matches(NodeSelectorTerm term, NodeInfo node)
    {
        var expressions = term.MatchExpressions ?? [];
        var fields = term.MatchFields ?? [];
        if (expressions.Count == 0 && fields.Count == 0) return false;
        var labels = node.Node.Metadata.Labels ?? [];
        var nodeFields = new Dictionary<string, string> { ["metadata.name"] = node.Name };
        return expressions.All(e => LabelSelectors.Matches(e, labels)) && fields.All(f => LabelSelectors.Matches(f, nodeFields));
    }

    private static IEnumerable<(int Weight, NodeSelectorTerm Term)> Preferred(PodInfo pod)
    {
        foreach (var item in pod.Pod.Spec.Affinity?.NodeAffinity?.PreferredDuringSchedulingIgnoredDuringExecution ?? [])
        {
            var weight = item["weight"]?.GetValue<int>() ?? 0;
            var term = item["preference"]?.Deserialize<NodeSelectorTerm>(KubeJson.Options);
            if (weight > 0 && term is not null) yield return (weight, term);
        }
    }
}
