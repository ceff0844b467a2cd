using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Validation;

namespace Playground.Core.Controllers.Endpoints;

/// <summary>How a service finds its pods and their ports, shared by the Endpoints and EndpointSlice controllers as upstream's endpointutil is.</summary>
internal static class ServicePods
{
    /// <summary>A service selects pods whose labels include its selector; an empty (but present) selector selects them all.</summary>
    public static bool Selects(Service service, Pod? pod) =>
        pod is not null && service.Spec.Selector is { } selector
        && (selector.Count == 0 || LabelSelectors.Matches(selector, pod.Metadata.Labels));

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

    public static string? PodIp(Pod pod) =>
        pod.Status?.PodIPs?.Select(p => p.Ip).FirstOrDefault(ip => !ip.Contains(':')) is { Length: > 0 } ip ? ip
        : string.IsNullOrEmpty(pod.Status?.PodIP) ? null : pod.Status.PodIP;

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
