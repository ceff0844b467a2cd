using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe replicaset: replicas, the phases of the pods it controls, its template and events.</summary>
public static class ReplicaSetDescriber
{
    public static string Describe(ReplicaSet rs, IReadOnlyList<Pod> ownedPods, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{rs.Metadata.Name}");
        w.Line(0, $"Namespace:\t{rs.Metadata.Namespace}");
        w.Line(0, $"Selector:\t{LabelFormat.FormatSelector(rs.Spec.Selector)}");
        w.Labels("Labels", rs.Metadata.Labels);
        w.Annotations("Annotations", rs.Metadata.Annotations);
        if (PodDescriber.Controller(rs) is { } controller) w.Line(0, $"Controlled By:\t{controller}");
        w.Line(0, $"Replicas:\t{rs.Status?.Replicas ?? 0} current / {rs.Spec.Replicas ?? 0} desired");
        int Count(string phase) => ownedPods.Count(p => p.Status?.Phase == phase);
        w.Line(0, $"Pods Status:\t{Count("Running")} Running / {Count("Pending")} Waiting / {Count("Succeeded")} Succeeded / {Count("Failed")} Failed");
        PodTemplateSection.Write(w, rs.Spec.Template);
        if (rs.Status?.Conditions is { Count: > 0 } conditions)
        {
            w.Line(0, "Conditions:");
            w.Line(1, "Type\tStatus\tReason");
            w.Line(1, "----\t------\t------");
            foreach (var c in conditions) w.Line(1, $"{c.Type} \t{c.Status}\t{c.Reason}");
        }
        w.Events(events, now);
        return w.ToString();
    }
}
