using Playground.Core.Api.Core;
using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>
/// Inter-pod affinity and anti-affinity: keeps a pod out of topology domains (nodes sharing a label value) where its
/// required anti-affinity, or an existing pod's, would be broken, and in those where its required affinity finds its
/// peers; scores by preferred terms, both the pod's and the existing pods'.
/// </summary>
public sealed class InterPodAffinity : IPreFilterPlugin, IFilterPlugin, IScorePlugin, IPreScorePlugin
{
    public const string AffinityRulesNotMatch = "node(s) didn't match pod affinity rules";
    public const string AntiAffinityRulesNotMatch = "node(s) didn't match pod anti-affinity rules";
    public const string ExistingAntiAffinityRulesNotMatch = "node(s) didn't satisfy existing pods anti-affinity rules";

    /// <summary>What an existing pod's required affinity term matching the incoming pod adds to the score (HardPodAffinityWeight).</summary>
    private const int HardPodAffinityWeight = 1;

    public string Name => "InterPodAffinity";

    public bool SkipsFilter(PodInfo pod) => !pod.CycleState.ContainsKey(Name);

    public int Weight => 2;

    /// <summary>Matching pods per (topology key, value), for each kind of required rule.</summary>
    private sealed class FilterState
    {
        public readonly Dictionary<(string, string), int> ExistingAntiAffinity = [];
        public readonly Dictionary<(string, string), int>[] Affinity = [];
        public readonly Dictionary<(string, string), int>[] AntiAffinity = [];
        public bool NoPeerAnywhere;

        public FilterState(int affinityTerms, int antiAffinityTerms)
        {
            Affinity = Enumerable.Range(0, affinityTerms).Select(_ => new Dictionary<(string, string), int>()).ToArray();
            AntiAffinity = Enumerable.Range(0, antiAffinityTerms).Select(_ => new Dictionary<(string, string), int>()).ToArray();
        }
    }

    public void PreFilter(PodInfo pod, Snapshot snapshot)
    {
        var terms = pod.AffinityTerms;
        var own = terms.RequiredAffinity.Count + terms.RequiredAntiAffinity.Count > 0;
        var nodes = own ? snapshot.Nodes : snapshot.WithRequiredAntiAffinityPods;
        // The common case: no required terms on either side, nothing to keep for Filter.
        if (nodes.Count == 0) return;
        var state = new FilterState(terms.RequiredAffinity.Count, terms.RequiredAntiAffinity.Count);
        foreach (var node in nodes)
        {
            var labels = node.Node.Metadata.Labels ?? [];
            foreach (var existing in own ? node.Pods : node.PodsWithRequiredAntiAffinity)
            {
                // Existing pods whose required anti-affinity the incoming pod would break, wherever it lands in their domain.
                foreach (var term in existing.AffinityTerms.RequiredAntiAffinity)
                    if (term.Matches(pod.Pod) && labels.TryGetValue(term.TopologyKey, out var value)) Increment(state.ExistingAntiAffinity, term.TopologyKey, value);
                if (existing.Pod.Metadata.DeletionTimestamp is not null) continue;
                for (var i = 0; i < terms.RequiredAffinity.Count; i++)
                    if (terms.RequiredAffinity[i].Matches(existing.Pod) && labels.TryGetValue(terms.RequiredAffinity[i].TopologyKey, out var value))
                        Increment(state.Affinity[i], terms.RequiredAffinity[i].TopologyKey, value);
                for (var i = 0; i < terms.RequiredAntiAffinity.Count; i++)
                    if (terms.RequiredAntiAffinity[i].Matches(existing.Pod) && labels.TryGetValue(terms.RequiredAntiAffinity[i].TopologyKey, out var value))
                        Increment(state.AntiAffinity[i], terms.RequiredAntiAffinity[i].TopologyKey, value);
            }
        }
        state.NoPeerAnywhere = state.Affinity.All(c => c.Count == 0);
        pod.CycleState[Name] = state;
    }

    /// <summary>Upstream's order: the pod's affinity (unresolvable), its anti-affinity, then the existing pods' anti-affinity.</summary>
    public FilterResult Filter(PodInfo pod, NodeInfo node)
    {
        if (pod.CycleState.GetValueOrDefault(Name) is not FilterState state) return FilterResult.Success;
        var labels = node.Node.Metadata.Labels ?? [];
        var terms = pod.AffinityTerms;
        if (!SatisfiesAffinity(pod, terms, state, labels)) return FilterResult.Unresolvable(AffinityRulesNotMatch);
        for (var i = 0; i < terms.RequiredAntiAffinity.Count; i++)
        {
            var key = terms.RequiredAntiAffinity[i].TopologyKey;
            if (labels.TryGetValue(key, out var value) && state.AntiAffinity[i].GetValueOrDefault((key, value)) > 0)
                return FilterResult.Unschedulable(AntiAffinityRulesNotMatch);
        }
        foreach (var ((key, value), count) in state.ExistingAntiAffinity)
            if (count > 0 && labels.TryGetValue(key, out var actual) && actual == value) return FilterResult.Unschedulable(ExistingAntiAffinityRulesNotMatch);
        return FilterResult.Success;
    }

    /// <summary>
    /// Every affinity term needs a matching pod in the node's domain; the first pod of a group, matching its own terms
    /// when no peer exists anywhere, may go to any node that has the topology labels.
    /// </summary>
    private static bool SatisfiesAffinity(PodInfo pod, PodAffinityTerms terms, FilterState state, Dictionary<string, string> labels)
    {
        var allFound = true;
        for (var i = 0; i < terms.RequiredAffinity.Count && allFound; i++)
        {
            var key = terms.RequiredAffinity[i].TopologyKey;
            allFound = labels.TryGetValue(key, out var value) && state.Affinity[i].GetValueOrDefault((key, value)) > 0;
        }
        if (allFound) return true;
        return state.NoPeerAnywhere
            && terms.RequiredAffinity.All(t => t.Matches(pod.Pod))
            && terms.RequiredAffinity.All(t => labels.ContainsKey(t.TopologyKey));
    }

    /// <summary>Skipped when neither the pod nor any existing pod has an affinity term that could count.</summary>
    public bool PreScore(PodInfo pod, Snapshot snapshot, IReadOnlyList<NodeInfo> feasible)
    {
        var terms = pod.AffinityTerms;
        var own = terms.PreferredAffinity.Count + terms.PreferredAntiAffinity.Count > 0;
        var nodes = own ? snapshot.Nodes : snapshot.WithAffinityPods;
        if (nodes.Count == 0) return false;
        var scores = new Dictionary<(string, string), long>();
        foreach (var node in nodes)
        {
            var labels = node.Node.Metadata.Labels ?? [];
            foreach (var existing in own ? node.Pods : node.PodsWithAffinity)
            {
                if (own)
                {
                    foreach (var term in terms.PreferredAffinity) Add(scores, term, existing.Pod, labels, term.Weight);
                    foreach (var term in terms.PreferredAntiAffinity) Add(scores, term, existing.Pod, labels, -term.Weight);
                }
                var theirs = existing.AffinityTerms;
                foreach (var term in theirs.RequiredAffinity) Add(scores, term, pod.Pod, labels, HardPodAffinityWeight);
                foreach (var term in theirs.PreferredAffinity) Add(scores, term, pod.Pod, labels, term.Weight);
                foreach (var term in theirs.PreferredAntiAffinity) Add(scores, term, pod.Pod, labels, -term.Weight);
            }
        }
        pod.CycleState[Name + "/score"] = scores;
        // Upstream skips the plugin when no topology domain got a score.
        return scores.Count > 0;
    }

    public long Score(PodInfo pod, NodeInfo node)
    {
        if (pod.CycleState.GetValueOrDefault(Name + "/score") is not Dictionary<(string, string), long> scores) return 0;
        var labels = node.Node.Metadata.Labels ?? [];
        return scores.Where(s => labels.TryGetValue(s.Key.Item1, out var value) && value == s.Key.Item2).Sum(s => s.Value);
    }

    /// <summary>Min-max scaling to 0–100; all equal scores become 0.</summary>
    public void Normalize(long[] scores)
    {
        if (scores.Length == 0) return;
        long min = scores.Min(), max = scores.Max();
        for (var i = 0; i < scores.Length; i++)
            scores[i] = max - min > 0 ? (long)(IScorePlugin.MaxNodeScore * ((double)(scores[i] - min) / (max - min))) : 0;
    }

    private static void Add(Dictionary<(string, string), long> scores, AffinityTerm term, Pod target, Dictionary<string, string> labels, long weight)
    {
        if (weight == 0 || !term.Matches(target) || !labels.TryGetValue(term.TopologyKey, out var value)) return;
        scores[(term.TopologyKey, value)] = scores.GetValueOrDefault((term.TopologyKey, value)) + weight;
    }

    private static void Increment(Dictionary<(string, string), int> counts, string key, string value) =>
        counts[(key, value)] = counts.GetValueOrDefault((key, value)) + 1;
}
