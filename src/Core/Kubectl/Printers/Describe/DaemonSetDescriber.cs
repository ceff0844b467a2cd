using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe daemonset: node selector, the scheduling counts, pod phases, template and events.</summary>
public static class DaemonSetDescriber
{
    public static string Describe(DaemonSet ds, IReadOnlyList<Pod> ownedPods, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var status = ds.Status ?? new DaemonSetStatus();
        w.Line(0, $"Name:\t{ds.Metadata.Name}");
        w.Line(0, $"Selector:\t{LabelFormat.Selector(ds.Spec.Selector)}");
        w.Line(0, $"Node-Selector:\t{LabelFormat.Labels(ds.Spec.Template.Spec.NodeSelector)}");
        w.Labels("Labels", ds.Metadata.Labels);
        w.Annotations("Annotations", ds.Metadata.Annotations);
        w.Line(0, $"Desired Number of Nodes Scheduled: {status.DesiredNumberScheduled}");
        w.Line(0, $"Current Number of Nodes Scheduled: {status.CurrentNumberScheduled}");
        w.Line(0, $"Number of Nodes Scheduled with Up-to-date Pods: {status.UpdatedNumberScheduled ?? 0}");
        w.Line(0, $"Number of Nodes Scheduled with Available Pods: {status.NumberAvailable ?? 0}");
        w.Line(0, $"Number of Nodes Misscheduled: {status.NumberMisscheduled}");
        w.Line(0, $"Pods Status:\t{StatefulSetDescriber.PodPhases(ownedPods)}");
        PodTemplateSection.Write(w, ds.Spec.Template);
        w.Events(events, now);
        return w.ToString();
    }
}
