using Playground.Core.Api.Core;
using Playground.Core.ApiServer.Admission;
using Playground.Core.Kubectl.Printers.Tables;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>describeSecret: the values are never shown, only their decoded sizes.</summary>
public static class SecretDescriber
{
    public static string Describe(Secret secret)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{secret.Metadata.Name}");
        w.Line(0, $"Namespace:\t{secret.Metadata.Namespace}");
        w.Labels("Labels", secret.Metadata.Labels);
        w.Annotations("Annotations", secret.Metadata.Annotations);
        w.Write(0, $"\nType:\t{secret.Type}\n");
        w.Write(0, "\nData\n====\n");
        foreach (var (key, value) in (secret.Data ?? []).OrderBy(d => d.Key, StringComparer.Ordinal))
            w.Line(0, $"{key}:\t{Convert.FromBase64String(value).Length} bytes");
        return w.ToString();
    }
}

/// <summary>describeQuota: used and hard per resource, in resource name order.</summary>
public static class ResourceQuotaDescriber
{
    public static string Describe(ResourceQuota quota)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{quota.Metadata.Name}");
        w.Line(0, $"Namespace:\t{quota.Metadata.Namespace}");
        if (quota.Spec?.Scopes is { Count: > 0 } scopes) w.Line(0, $"Scopes:\t{string.Join(", ", scopes.Order(StringComparer.Ordinal))}");
        w.Line(0, "Resource\tUsed\tHard");
        w.Line(0, "--------\t----\t----");
        foreach (var resource in (quota.Spec?.Hard ?? []).Keys.Order(StringComparer.Ordinal))
            w.Line(0, $"{resource}\t{Canonical(quota.Status?.Used?.GetValueOrDefault(resource))}\t{Canonical(quota.Status?.Hard?.GetValueOrDefault(resource))}");
        return w.ToString();
    }

    private static string Canonical(string? text) => text is null ? "0" : Amount.Of(text).ToString();
}

/// <summary>describePersistentVolumeClaim, with the pods that mount the claim under "Used By".</summary>
public static class PersistentVolumeClaimDescriber
{
    public static string Describe(PersistentVolumeClaim pvc, IReadOnlyList<Pod> usedBy, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var bound = !string.IsNullOrEmpty(pvc.Spec.VolumeName);
        w.Line(0, $"Name:\t{pvc.Metadata.Name}");
        w.Line(0, $"Namespace:\t{pvc.Metadata.Namespace}");
        w.Line(0, $"StorageClass:\t{pvc.Spec.StorageClassName}");
        w.Line(0, pvc.Metadata.DeletionTimestamp is { } deleted
            ? $"Status:\tTerminating (lasts {HumanDuration.Since(deleted, now)})"
            : $"Status:\t{pvc.Status?.Phase}");
        w.Line(0, $"Volume:\t{pvc.Spec.VolumeName}");
        w.Labels("Labels", pvc.Metadata.Labels);
        w.Annotations("Annotations", pvc.Metadata.Annotations);
        w.Line(0, $"Finalizers:\t[{string.Join(" ", pvc.Metadata.Finalizers ?? [])}]");
        w.Line(0, $"Capacity:\t{(bound ? AccessModeText.Storage(pvc.Status?.Capacity) : "")}");
        w.Line(0, $"Access Modes:\t{(bound ? AccessModeText.Of(pvc.Status?.AccessModes) : "")}");
        if (pvc.Spec.VolumeMode is { } mode) w.Line(0, $"VolumeMode:\t{mode}");
        w.Multiline("Used By", usedBy.Select(p => p.Metadata.Name!).Order(StringComparer.Ordinal));
        w.Events(events, now);
        return w.ToString();
    }

    /// <summary>The pods of the claim's namespace with a volume naming it.</summary>
    public static IReadOnlyList<Pod> PodsUsing(ApiServer.ApiServer api, PersistentVolumeClaim pvc) =>
        api.List<Pod>(pvc.Metadata.Namespace)
            .Where(p => (p.Spec.Volumes ?? []).Any(v => v.PersistentVolumeClaim?["claimName"]?.GetValue<string>() == pvc.Metadata.Name))
            .ToList();
}
