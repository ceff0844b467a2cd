using Playground.Core.Api.Core;

namespace Playground.Core.Controllers.Endpoints;

/// <summary>How a service finds its pods and their ports, shared by the Endpoints and EndpointSlice controllers as upstream's endpointutil is.</summary>
internal static class ServicePods
{
    /// <summary>The label both controllers put on a headless service's endpoints.</summary>
    public const string HeadlessLabel = "service.kubernetes.io/headless";

    /// <summary>A service selects pods whose labels include its selector; an empty (but present) selector selects them all.</summary>
    public static bool Selects(Service service, Pod? pod)
    {
        if (pod is null || service.Spec.Selector is not { } selector) return false;
        if (selector.Count == 0) return true;
        if (pod.Metadata.Labels is not { } labels) return false;
        // A plain loop rather than LabelSelectors.Matches: every sync asks it of every pod in the namespace.
        foreach (var (key, value) in selector)
            if (!labels.TryGetValue(key, out var label) || label != value) return false;
        return true;
    }

    /// <summary>
    /// Upstream's GetServicesToUpdateOnPodChange: an added or deleted pod concerns the services selecting it; an updated
    /// one only when it changed in a way endpoints show (both sides then), or its labels moved it in or out of a service.
    /// </summary>
    public static IEnumerable<Service> ServicesToSync(IEnumerable<Service> services, Pod? old, Pod? current)
    {
        if (old is null || current is null) return services.Where(s => Selects(s, old ?? current));
        var podChanged = EndpointChanged(old, current);
        var labelsChanged = !SameLabels(old.Metadata.Labels, current.Metadata.Labels)
            || old.Spec.Hostname != current.Spec.Hostname || old.Spec.Subdomain != current.Spec.Subdomain;
        if (!podChanged && !labelsChanged) return [];
        return services.Where(s => podChanged ? Selects(s, old) || Selects(s, current) : Selects(s, old) != Selects(s, current));
    }

    /// <summary>Upstream's podEndpointsChanged (termination, readiness, IP), plus a pod leaving for a terminal phase.</summary>
    private static bool EndpointChanged(Pod old, Pod current) =>
        old.Metadata.DeletionTimestamp != current.Metadata.DeletionTimestamp
        || PodReadiness.IsReady(old) != PodReadiness.IsReady(current)
        || PodIp(old) != PodIp(current)
        || ShouldBeInEndpoints(old, includeTerminating: true) != ShouldBeInEndpoints(current, includeTerminating: true);

    public static bool SameLabels(Dictionary<string, string>? a, Dictionary<string, string>? b) =>
        (a?.Count ?? 0) == (b?.Count ?? 0) && (a ?? []).All(p => b!.TryGetValue(p.Key, out var v) && v == p.Value);

    /// <summary>Upstream's ShouldPodBeInEndpoints: it has an IP, is not terminating (unless included anyway), and may still run.</summary>
    public static bool ShouldBeInEndpoints(Pod pod, bool includeTerminating)
    {
        if (PodIp(pod) is null) return false;
        if (!includeTerminating && pod.Metadata.DeletionTimestamp is not null) return false;
        return pod.Spec.RestartPolicy switch
        {
            "Never" => pod.Status?.Phase is not ("Failed" or "Succeeded"),
            "OnFailure" => pod.Status?.Phase != "Succeeded",
            _ => true,
        };
    }

    /// <summary>The pod's IPv4 address, or its only one; a plain loop, as every sync asks it of every selected pod.</summary>
    public static string? PodIp(Pod pod)
    {
        foreach (var podIp in pod.Status?.PodIPs ?? [])
            if (podIp.Ip is { Length: > 0 } ip && !ip.Contains(':')) return ip;
        return string.IsNullOrEmpty(pod.Status?.PodIP) ? null : pod.Status.PodIP;
    }

    /// <summary>Upstream's podutil.FindPort: a named targetPort is looked up among the containers' ports of the same protocol.</summary>
    public static int? FindPort(Pod pod, ServicePort servicePort)
    {
        var target = servicePort.TargetPort ?? servicePort.Port;
        if (target.IntValue is int number) return number;
        var protocol = servicePort.Protocol ?? "TCP";
        return pod.Spec.Containers.Concat(pod.Spec.InitContainers?.Where(c => c.RestartPolicy == "Always") ?? [])
            .SelectMany(c => c.Ports ?? [])
            .FirstOrDefault(p => p.Name == target.StringValue && (p.Protocol ?? "TCP") == protocol)?.Number;
    }
}
