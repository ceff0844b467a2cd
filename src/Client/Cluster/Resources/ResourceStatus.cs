using Playground.Core.Api.Apps;
using Playground.Core.Api.Batch;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Client.Cluster.Resources;

/// <summary>How healthy an object reads at a glance; each level has its own icon as well as its colour.</summary>
public enum StatusLevel { Ok, Progressing, Failed, Done, Idle }

/// <summary>A status badge's text and level.</summary>
public sealed record StatusBadge(string Text, StatusLevel Level)
{
    public string Icon => Level switch
    {
        StatusLevel.Ok => "bi-check-circle-fill",
        StatusLevel.Progressing => "bi-arrow-repeat",
        StatusLevel.Failed => "bi-x-octagon-fill",
        StatusLevel.Done => "bi-check2-all",
        _ => "bi-pause-circle",
    };

    public string CssClass => "status-" + Level.ToString().ToLowerInvariant();
}

/// <summary>The badge of a workload, node or claim, read from its status as kubectl's columns are; kinds without a health get none.</summary>
public static class ResourceStatus
{
    public static StatusBadge? Of(KubeObject obj) => obj switch
    {
        Pod pod => OfPod(PodDisplay.Of(pod)),
        Deployment d when d.Status?.Conditions?.Any(c => c is { Type: "Progressing", Status: "False" }) == true => new("Stalled", StatusLevel.Failed),
        Deployment d => Replicas(d.Status?.ReadyReplicas ?? 0, d.Spec.Replicas ?? 1),
        ReplicaSet rs => Replicas(rs.Status?.ReadyReplicas ?? 0, rs.Spec.Replicas ?? 1),
        StatefulSet s => Replicas(s.Status?.ReadyReplicas ?? 0, s.Spec.Replicas ?? 1),
        DaemonSet ds => Replicas(ds.Status?.NumberReady ?? 0, ds.Status?.DesiredNumberScheduled ?? 0),
        Job job when HasCondition(job.Status?.Conditions, "Failed") => new("Failed", StatusLevel.Failed),
        Job job when HasCondition(job.Status?.Conditions, "Complete") => new("Complete", StatusLevel.Done),
        Job => new("Running", StatusLevel.Progressing),
        CronJob { Spec.Suspend: true } => new("Suspended", StatusLevel.Idle),
        CronJob cj => cj.Status?.Active is { Count: > 0 } active ? new($"Active {active.Count}", StatusLevel.Progressing) : new("Scheduled", StatusLevel.Ok),
        Node node => OfNode(node),
        PersistentVolumeClaim pvc => (pvc.Status?.Phase ?? "Pending") switch
        {
            "Bound" => new("Bound", StatusLevel.Ok),
            "Lost" => new("Lost", StatusLevel.Failed),
            var phase => new(phase, StatusLevel.Progressing),
        },
        _ => null,
    };

    private static StatusBadge OfPod(PodDisplay pod) => new(pod.Status, pod.Category switch
    {
        PodCategory.Running => pod.ReadyContainers == pod.TotalContainers ? StatusLevel.Ok : StatusLevel.Progressing,
        PodCategory.Succeeded => StatusLevel.Done,
        PodCategory.Failed => StatusLevel.Failed,
        _ => StatusLevel.Progressing,
    });

    private static StatusBadge Replicas(int ready, int desired) =>
        desired == 0 ? new("Scaled to 0", StatusLevel.Idle)
        : ready >= desired ? new($"Ready {ready}/{desired}", StatusLevel.Ok)
        : new($"Ready {ready}/{desired}", StatusLevel.Progressing);

    private static StatusBadge OfNode(Node node)
    {
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready")?.Status;
        var text = ready == "True" ? "Ready" : ready == "False" ? "NotReady" : "Unknown";
        if (node.Spec.Unschedulable == true) text += ",SchedulingDisabled";
        return new(text, ready == "True" ? node.Spec.Unschedulable == true ? StatusLevel.Idle : StatusLevel.Ok : StatusLevel.Failed);
    }

    private static bool HasCondition(List<Condition>? conditions, string type) =>
        conditions?.Any(c => c.Type == type && c.Status == "True") == true;
}
