using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>The "Pod Template:" block of a Deployment or ReplicaSet description (upstream's DescribePodTemplate).</summary>
internal static class PodTemplateSection
{
    public static void Write(DescribeWriter w, PodTemplateSpec? template)
    {
        w.Line(0, "Pod Template:");
        if (template is null)
        {
            w.Write(1, "<unset>");
            return;
        }
        w.Labels("  Labels", template.Metadata?.Labels);
        if (template.Metadata?.Annotations is { Count: > 0 } annotations) w.Annotations("  Annotations", annotations);
        if (!string.IsNullOrEmpty(template.Spec.ServiceAccountName)) w.Line(1, $"Service Account:\t{template.Spec.ServiceAccountName}");
        if (template.Spec.InitContainers is { Count: > 0 } init)
            ContainerSection.Write(w, "Init Containers", init, null, null, "  ");
        ContainerSection.Write(w, "Containers", template.Spec.Containers, null, null, "  ");
        VolumeSection.Write(w, template.Spec.Volumes, "  ");
        PodDescriber.TopologySpread(w, template.Spec.TopologySpreadConstraints, "  ");
        if (!string.IsNullOrEmpty(template.Spec.PriorityClassName)) w.Line(1, $"Priority Class Name:\t{template.Spec.PriorityClassName}");
        w.Labels("  Node-Selectors", template.Spec.NodeSelector);
        w.Tolerations("  Tolerations", template.Spec.Tolerations);
    }
}
