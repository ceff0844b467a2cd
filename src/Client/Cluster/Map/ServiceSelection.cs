using Playground.Core.Api.Core;
using Playground.Core.Controllers;

namespace Playground.Client.Cluster.Map;

/// <summary>A selected pod and whether the service sends it traffic: only ready pods that are not shutting down get any.</summary>
public sealed record SelectedPod(Pod Pod, bool Ready)
{
    /// <summary>How the map's lines find the pod's chip: "namespace/name".</summary>
    public string LinkId => MapLinks.Pod(Pod);
}

/// <summary>One service and the pods its selector picks in its namespace, ready ones first.</summary>
public sealed record ServiceSelection(Service Service, bool HasSelector, IReadOnlyList<SelectedPod> Pods)
{
    public int ReadyCount => Pods.Count(p => p.Ready);

    /// <summary>The kubernetes service and kube-system's services: there from the start, drawn quieter than the learner's own.</summary>
    public bool IsSystem => Service.Metadata.Namespace == "kube-system" || (Service.Metadata.Namespace == "default" && Service.Metadata.Name == "kubernetes");

    /// <summary>
    /// Every service with the pods it selects, the learner's services first. Pods are grouped by namespace once, so the
    /// cost is the services times the pods of their own namespace, not of the whole cluster.
    /// </summary>
    public static IReadOnlyList<ServiceSelection> Of(IEnumerable<Service> services, IEnumerable<Pod> pods)
    {
        var byNamespace = pods.ToLookup(p => p.Metadata.Namespace);
        return services
            .Select(s => For(s, byNamespace[s.Metadata.Namespace]))
            .OrderBy(s => s.IsSystem)
            .ThenBy(s => s.Service.Metadata.Namespace, StringComparer.Ordinal)
            .ThenBy(s => s.Service.Metadata.Name, StringComparer.Ordinal)
            .ToList();
    }

    private static ServiceSelection For(Service service, IEnumerable<Pod> candidates)
    {
        // As the endpoints controller reads it: no selector means endpoints are managed by someone else, an empty one selects every pod.
        if (service.Spec.Selector is not { } selector) return new(service, false, []);
        var selected = candidates
            .Where(p => Selects(selector, p))
            .Select(p => new SelectedPod(p, PodReadiness.IsReady(p) && p.Metadata.DeletionTimestamp is null))
            .OrderByDescending(p => p.Ready)
            .ThenBy(p => p.Pod.Metadata.Name, StringComparer.Ordinal)
            .ToList();
        return new(service, true, selected);
    }

    private static bool Selects(Dictionary<string, string> selector, Pod pod)
    {
        if (selector.Count == 0) return true;
        if (pod.Metadata.Labels is not { } labels) return false;
        foreach (var (key, value) in selector)
            if (!labels.TryGetValue(key, out var label) || label != value) return false;
        return true;
    }
}
