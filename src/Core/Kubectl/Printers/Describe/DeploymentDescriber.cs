using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe deployment, with its old and new ReplicaSets and events.</summary>
public static class DeploymentDescriber
{
    public static string Describe(Deployment d, IReadOnlyList<ReplicaSet> oldReplicaSets, ReplicaSet? newReplicaSet, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var status = d.Status ?? new DeploymentStatus();
        w.Line(0, $"Name:\t{d.Metadata.Name}");
        w.Line(0, $"Namespace:\t{d.Metadata.Namespace}");
        w.Line(0, $"CreationTimestamp:\t{DescribeWriter.Time(d.Metadata.CreationTimestamp)}");
        w.Labels("Labels", d.Metadata.Labels);
        w.Annotations("Annotations", d.Metadata.Annotations);
        w.Line(0, $"Selector:\t{LabelFormat.Selector(d.Spec.Selector)}");
        w.Line(0, $"Replicas:\t{d.Spec.Replicas ?? 0} desired | {status.UpdatedReplicas ?? 0} updated | {status.Replicas ?? 0} total | {status.AvailableReplicas ?? 0} available | {status.UnavailableReplicas ?? 0} unavailable");
        w.Line(0, $"StrategyType:\t{d.Spec.Strategy?.Type}");
        w.Line(0, $"MinReadySeconds:\t{d.Spec.MinReadySeconds ?? 0}");
        if (d.Spec.Strategy?.RollingUpdate is { } rolling)
            w.Line(0, $"RollingUpdateStrategy:\t{rolling.MaxUnavailable} max unavailable, {rolling.MaxSurge} max surge");
        PodTemplateSection.Write(w, d.Spec.Template);
        if (status.Conditions is { Count: > 0 } conditions)
        {
            w.Line(0, "Conditions:");
            w.Line(1, "Type\tStatus\tReason");
            w.Line(1, "----\t------\t------");
            foreach (var c in conditions) w.Line(1, $"{c.Type} \t{c.Status}\t{c.Reason}");
        }
        if (oldReplicaSets.Count > 0 || newReplicaSet is not null)
        {
            w.Line(0, $"OldReplicaSets:\t{ReplicaSets(oldReplicaSets)}");
            w.Line(0, $"NewReplicaSet:\t{ReplicaSets(newReplicaSet is null ? [] : [newReplicaSet])}");
        }
        w.Events(events, now);
        return w.ToString();
    }

    private static string ReplicaSets(IReadOnlyList<ReplicaSet> sets) =>
        sets.Count == 0 ? "<none>" : string.Join(", ", sets.Select(rs => $"{rs.Metadata.Name} ({rs.Status?.Replicas ?? 0}/{rs.Spec.Replicas ?? 0} replicas created)"));
}
