using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer.Admission;

/// <summary>
/// Upstream's LimitRanger plugin: on pod creation, containers get the namespace's default requests and limits (noted in
/// the kubernetes.io/limit-ranger annotation), then every container must lie within the ranges' min and max.
/// </summary>
public sealed class LimitRanger : IMutatingAdmission, IValidatingAdmission
{
    private const string Annotation = "kubernetes.io/limit-ranger";

    public void Admit(AdmissionAttributes a)
    {
        if (a.Operation != AdmissionOperation.Create || a.Object is not Pod pod) return;
        var items = ContainerItems(a).ToList();
        if (items.Count == 0) return;
        var limits = new Dictionary<string, string>();
        var requests = new Dictionary<string, string>();
        foreach (var item in items)
        {
            foreach (var (k, v) in item.Default ?? []) limits.TryAdd(k, v);
            foreach (var (k, v) in item.DefaultRequest ?? []) requests.TryAdd(k, v);
        }
        var notes = new List<string>();
        foreach (var c in pod.Spec.Containers) Merge(c, "container", requests, limits, notes);
        foreach (var c in pod.Spec.InitContainers ?? []) Merge(c, "init container", requests, limits, notes);
        if (notes.Count > 0) (pod.Metadata.Annotations ??= [])[Annotation] = "LimitRanger plugin set: " + string.Join("; ", notes);
    }

    public void Validate(AdmissionAttributes a)
    {
        if (a.Operation != AdmissionOperation.Create || a.Object is not Pod pod) return;
        var errors = new List<string>();
        foreach (var item in ContainerItems(a))
            foreach (var c in pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []))
            {
                var requests = c.Resources?.Requests ?? [];
                var limits = c.Resources?.Limits ?? [];
                foreach (var (resource, min) in Sorted(item.Min)) if (MinProblem(resource, min, requests, limits) is { } e) errors.Add(e);
                foreach (var (resource, max) in Sorted(item.Max)) if (MaxProblem(resource, max, requests, limits) is { } e) errors.Add(e);
            }
        if (errors.Count > 0) throw a.Forbidden(errors.Count == 1 ? errors[0] : $"[{string.Join(", ", errors)}]");
    }

    private static IEnumerable<LimitRangeItem> ContainerItems(AdmissionAttributes a) =>
        a.Api.List<LimitRange>(a.Namespace).SelectMany(r => r.Spec.Limits).Where(i => i.Type == "Container");

    /// <summary>Requests default to the container's own limits first (API defaulting runs before admission upstream), then to the range's.</summary>
    private static void Merge(Container c, string kind, Dictionary<string, string> requests, Dictionary<string, string> limits, List<string> notes)
    {
        var had = c.Resources is not null;
        var resources = c.Resources ??= new ResourceRequirements();
        var ownLimits = resources.Limits ??= [];
        var ownRequests = resources.Requests ??= [];
        foreach (var (k, v) in ownLimits) ownRequests.TryAdd(k, v);
        var setLimits = limits.Where(kv => ownLimits.TryAdd(kv.Key, kv.Value)).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        var setRequests = requests.Where(kv => ownRequests.TryAdd(kv.Key, kv.Value)).Select(kv => kv.Key).Order(StringComparer.Ordinal).ToList();
        if (setRequests.Count > 0) notes.Add($"{string.Join(", ", setRequests)} request for {kind} {c.Name}");
        if (setLimits.Count > 0) notes.Add($"{string.Join(", ", setLimits)} limit for {kind} {c.Name}");
        if (ownLimits.Count == 0) resources.Limits = null;
        if (ownRequests.Count == 0) resources.Requests = null;
        if (!had && resources.Limits is null && resources.Requests is null) c.Resources = null;
    }

    private static IEnumerable<KeyValuePair<string, string>> Sorted(Dictionary<string, string>? values) =>
        (values ?? []).OrderBy(kv => kv.Key, StringComparer.Ordinal);

    private static string? MinProblem(string resource, string min, Dictionary<string, string> requests, Dictionary<string, string> limits)
    {
        var enforced = Quantity.Parse(min);
        if (!requests.TryGetValue(resource, out var request)) return $"minimum {resource} usage per Container is {min}.  No request is specified";
        if (Quantity.Parse(request) < enforced) return $"minimum {resource} usage per Container is {min}, but request is {request}";
        if (limits.TryGetValue(resource, out var limit) && Quantity.Parse(limit) < enforced) return $"minimum {resource} usage per Container is {min}, but limit is {limit}";
        return null;
    }

    private static string? MaxProblem(string resource, string max, Dictionary<string, string> requests, Dictionary<string, string> limits)
    {
        var enforced = Quantity.Parse(max);
        if (!limits.TryGetValue(resource, out var limit)) return $"maximum {resource} usage per Container is {max}.  No limit is specified";
        if (Quantity.Parse(limit) > enforced) return $"maximum {resource} usage per Container is {max}, but limit is {limit}";
        if (requests.TryGetValue(resource, out var request) && Quantity.Parse(request) > enforced) return $"maximum {resource} usage per Container is {max}, but request is {request}";
        return null;
    }
}
