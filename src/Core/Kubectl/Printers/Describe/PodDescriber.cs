using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Controllers;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe pod, in upstream's field order.</summary>
public static class PodDescriber
{
    public static string Describe(Pod pod, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var status = pod.Status ?? new PodStatus();
        w.Line(0, $"Name:\t{pod.Metadata.Name}");
        w.Line(0, $"Namespace:\t{pod.Metadata.Namespace}");
        if (pod.Spec.Priority is { } priority) w.Line(0, $"Priority:\t{priority}");
        if (!string.IsNullOrEmpty(pod.Spec.PriorityClassName)) w.Line(0, $"Priority Class Name:\t{pod.Spec.PriorityClassName}");
        if (!string.IsNullOrEmpty(pod.Spec.RuntimeClassName)) w.Line(0, $"Runtime Class Name:\t{pod.Spec.RuntimeClassName}");
        if (!string.IsNullOrEmpty(pod.Spec.ServiceAccountName)) w.Line(0, $"Service Account:\t{pod.Spec.ServiceAccountName}");
        w.Line(0, string.IsNullOrEmpty(pod.Spec.NodeName) ? "Node:\t<none>" : $"Node:\t{pod.Spec.NodeName}/{status.HostIP}");
        if (status.StartTime is { } start) w.Line(0, $"Start Time:\t{DescribeWriter.Time(start)}");
        w.Labels("Labels", pod.Metadata.Labels);
        w.Annotations("Annotations", pod.Metadata.Annotations);
        if (pod.Metadata.DeletionTimestamp is { } deleting && status.Phase is not ("Failed" or "Succeeded"))
        {
            w.Line(0, $"Status:\tTerminating (lasts {HumanDuration.Since(deleting, now)})");
            w.Line(0, $"Termination Grace Period:\t{pod.Metadata.DeletionGracePeriodSeconds ?? 0}s");
        }
        else
        {
            w.Line(0, $"Status:\t{status.Phase}");
        }
        if (!string.IsNullOrEmpty(status.Reason)) w.Line(0, $"Reason:\t{status.Reason}");
        if (!string.IsNullOrEmpty(status.Message)) w.Line(0, $"Message:\t{status.Message}");
        w.Line(0, $"IP:\t{status.PodIP}");
        if (status.PodIPs is { Count: > 0 } ips)
        {
            w.Line(0, "IPs:");
            foreach (var ip in ips) w.Line(1, $"IP:\t{ip.Ip}");
        }
        else
        {
            w.Line(0, "IPs:\t<none>");
        }
        if (Controller(pod) is { } controller) w.Line(0, $"Controlled By:\t{controller}");
        if (!string.IsNullOrEmpty(status.NominatedNodeName)) w.Line(0, $"NominatedNodeName:\t{status.NominatedNodeName}");

        if (pod.Spec.InitContainers is { Count: > 0 } init)
            ContainerSection.Write(w, "Init Containers", init, status.InitContainerStatuses, pod, "");
        ContainerSection.Write(w, "Containers", pod.Spec.Containers, status.ContainerStatuses, pod, "");
        if (status.Conditions is { Count: > 0 } conditions)
        {
            w.Line(0, "Conditions:");
            w.Line(1, "Type\tStatus");
            foreach (var c in conditions) w.Line(1, $"{c.Type} \t{c.Status} ");
        }
        VolumeSection.Write(w, pod.Spec.Volumes, "");
        w.Line(0, $"QoS Class:\t{status.QosClass ?? QosClass(pod)}");
        w.Labels("Node-Selectors", pod.Spec.NodeSelector);
        w.Tolerations("Tolerations", pod.Spec.Tolerations);
        TopologySpread(w, pod.Spec.TopologySpreadConstraints, "");
        w.Events(events, now);
        return w.ToString();
    }

    /// <summary>"ReplicaSet/web-5d8c8f5b": the owner reference marked as controller.</summary>
    public static string? Controller(KubeObject obj) => ControllerRefs.ControllerOf(obj) is { } owner ? $"{owner.Kind}/{owner.Name}" : null;

    internal static void TopologySpread(DescribeWriter w, IReadOnlyList<TopologySpreadConstraint>? constraints, string space)
    {
        if (constraints is not { Count: > 0 }) return;
        w.Write(0, $"{space}Topology Spread Constraints:\t");
        var first = true;
        foreach (var c in constraints.OrderBy(c => c.TopologyKey, StringComparer.Ordinal))
        {
            if (!first) w.Write(0, $"{space}\t");
            first = false;
            var selector = c.LabelSelector is null ? "" : $" for selector {LabelFormat.FormatSelector(c.LabelSelector)}";
            w.Write(0, $"{c.TopologyKey}:{c.WhenUnsatisfiable} when max skew {c.MaxSkew} is exceeded{selector}\n");
        }
    }

    /// <summary>The QoS class the kubelet would assign: BestEffort without requests or limits, Guaranteed when every container's cpu and memory limits equal its requests.</summary>
    public static string QosClass(Pod pod)
    {
        var containers = pod.Spec.Containers.Concat(pod.Spec.InitContainers ?? []).ToList();
        string[] tracked = ["cpu", "memory"];
        var any = containers.Any(c => tracked.Any(r => c.Resources?.Requests?.ContainsKey(r) == true || c.Resources?.Limits?.ContainsKey(r) == true));
        if (!any) return "BestEffort";
        var guaranteed = containers.All(c => tracked.All(r =>
            c.Resources?.Limits?.TryGetValue(r, out var limit) == true
            && (c.Resources.Requests?.TryGetValue(r, out var request) != true || Api.Meta.Quantity.Parse(request!) == Api.Meta.Quantity.Parse(limit!))));
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
