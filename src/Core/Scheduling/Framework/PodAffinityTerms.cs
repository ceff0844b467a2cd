using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Serialization;

namespace Playground.Core.Scheduling.Framework;

/// <summary>
/// One podAffinityTerm: pods matching the selector in the given namespaces, counted per value of the topology key.
/// No namespaces and no namespaceSelector mean the owning pod's namespace; an empty namespaceSelector means all.
/// </summary>
public sealed record AffinityTerm(LabelSelector? Selector, IReadOnlyList<string> Namespaces, LabelSelector? NamespaceSelector, string TopologyKey, int Weight)
{
    public bool Matches(Pod pod) =>
        InNamespace(pod.Metadata.Namespace ?? "default") && Selector is not null && LabelSelectors.Matches(Selector, pod.Metadata.Labels);

    private bool InNamespace(string ns)
    {
        if (Namespaces.Contains(ns)) return true;
        if (NamespaceSelector is null) return false;
        // The namespace's only label the scheduler can count on without a namespace lister is its name label.
        return LabelSelectors.Matches(NamespaceSelector, new Dictionary<string, string> { ["kubernetes.io/metadata.name"] = ns });
    }
}

/// <summary>A pod's inter-pod affinity and anti-affinity, required and preferred, parsed from its spec once.</summary>
public sealed record PodAffinityTerms(
    IReadOnlyList<AffinityTerm> RequiredAffinity,
    IReadOnlyList<AffinityTerm> RequiredAntiAffinity,
    IReadOnlyList<AffinityTerm> PreferredAffinity,
    IReadOnlyList<AffinityTerm> PreferredAntiAffinity)
{
    public bool Any => RequiredAffinity.Count + RequiredAntiAffinity.Count + PreferredAffinity.Count + PreferredAntiAffinity.Count > 0;

    public static PodAffinityTerms Of(Pod pod)
    {
        var ns = pod.Metadata.Namespace ?? "default";
        var affinity = pod.Spec.Affinity;
        return new(
            Required(affinity?.PodAffinity, ns), Required(affinity?.PodAntiAffinity, ns),
            Preferred(affinity?.PodAffinity, ns), Preferred(affinity?.PodAntiAffinity, ns));
    }

    private static List<AffinityTerm> Required(JsonObject? rules, string ns) =>
        (rules?["requiredDuringSchedulingIgnoredDuringExecution"] as JsonArray ?? [])
            .OfType<JsonObject>().Select(t => Term(t, ns, 1)).ToList();

    private static List<AffinityTerm> Preferred(JsonObject? rules, string ns) =>
        (rules?["preferredDuringSchedulingIgnoredDuringExecution"] as JsonArray ?? [])
            .OfType<JsonObject>()
            .Where(p => p["podAffinityTerm"] is JsonObject)
            .Select(p => Term((JsonObject)p["podAffinityTerm"]!, ns, p["weight"]?.GetValue<int>() ?? 0))
            .ToList();

    private static AffinityTerm Term(JsonObject term, string ns, int weight)
    {
        var namespaces = (term["namespaces"] as JsonArray ?? []).Select(n => n?.GetValue<string>() ?? "").ToList();
        var namespaceSelector = term["namespaceSelector"]?.Deserialize<LabelSelector>(KubeJson.Options);
        if (namespaces.Count == 0 && namespaceSelector is null) namespaces.Add(ns);
        return new AffinityTerm(
            term["labelSelector"]?.Deserialize<LabelSelector>(KubeJson.Options),
            namespaces,
            namespaceSelector,
            term["topologyKey"]?.GetValue<string>() ?? "",
            weight);
    }
}
