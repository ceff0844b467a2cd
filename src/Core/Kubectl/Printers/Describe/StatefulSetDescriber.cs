using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe statefulset: replicas, update strategy, pod phases, template, volume claim templates and events.</summary>
public static class StatefulSetDescriber
{
    public static string Describe(StatefulSet set, IReadOnlyList<Pod> ownedPods, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{set.Metadata.Name}");
        w.Line(0, $"Namespace:\t{set.Metadata.Namespace}");
        w.Line(0, $"CreationTimestamp:\t{DescribeWriter.Time(set.Metadata.CreationTimestamp)}");
        w.Line(0, $"Selector:\t{LabelFormat.Selector(set.Spec.Selector)}");
        w.Labels("Labels", set.Metadata.Labels);
        w.Annotations("Annotations", set.Metadata.Annotations);
        w.Line(0, $"Replicas:\t{set.Spec.Replicas ?? 0} desired | {set.Status?.Replicas ?? 0} total");
        w.Line(0, $"Update Strategy:\t{set.Spec.UpdateStrategy?.Type}");
        if (set.Spec.UpdateStrategy?.RollingUpdate is { Partition: { } partition } rolling)
        {
            w.Line(1, $"Partition:\t{partition}");
            if (rolling.MaxUnavailable is { } maxUnavailable) w.Line(1, $"MaxUnavailable:\t{maxUnavailable}");
        }
        w.Line(0, $"Pods Status:\t{PodPhases(ownedPods)}");
        PodTemplateSection.Write(w, set.Spec.Template);
        VolumeClaimTemplates(w, set.Spec.VolumeClaimTemplates);
        w.Events(events, now);
        return w.ToString();
    }

    /// <summary>getPodStatusForController's line: pods by phase, Pending counted as Waiting.</summary>
    public static string PodPhases(IReadOnlyList<Pod> pods)
    {
        int Count(string phase) => pods.Count(p => p.Status?.Phase == phase);
        return $"{Count("Running")} Running / {Count("Pending")} Waiting / {Count("Succeeded")} Succeeded / {Count("Failed")} Failed";
    }

    private static void VolumeClaimTemplates(DescribeWriter w, IReadOnlyList<PersistentVolumeClaim>? templates)
    {
        if (templates is not { Count: > 0 })
        {
            w.Line(0, "Volume Claims:\t<none>");
            return;
        }
        w.Line(0, "Volume Claims:");
        foreach (var claim in templates)
        {
            w.Line(1, $"Name:\t{claim.Metadata.Name}");
            var storageClass = claim.Metadata.Annotations?.GetValueOrDefault("volume.beta.kubernetes.io/storage-class") ?? claim.Spec.StorageClassName ?? "";
            w.Line(1, $"StorageClass:\t{storageClass}");
            IndentedPairs(w, "Labels", claim.Metadata.Labels);
            IndentedPairs(w, "Annotations", claim.Metadata.Annotations);
            w.Line(1, $"Capacity:\t{claim.Spec.Resources?.Requests?.GetValueOrDefault("storage") ?? "<default>"}");
            w.Line(1, $"Access Modes:\t[{string.Join(' ', claim.Spec.AccessModes ?? [])}]");
        }
    }

    /// <summary>printLabelsMultilineWithIndent with a two-space indent: sorted key=value lines, or &lt;none&gt;.</summary>
    private static void IndentedPairs(DescribeWriter w, string title, IReadOnlyDictionary<string, string>? pairs)
    {
        w.Write(1, $"{title}:\t");
        var sorted = (pairs ?? new Dictionary<string, string>()).OrderBy(p => p.Key, StringComparer.Ordinal).ToList();
        if (sorted.Count == 0) w.Write(0, "<none>\n");
        for (var i = 0; i < sorted.Count; i++) w.Write(i == 0 ? 0 : 1, $"{(i == 0 ? "" : "\t")}{sorted[i].Key}={sorted[i].Value}\n");
    }
}
