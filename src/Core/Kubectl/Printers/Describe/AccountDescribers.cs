using Playground.Core.Api.Core;
using Playground.Core.Api.Storage;
using Playground.Core.ApiServer.Admission;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>describeServiceAccount: the account's pull secrets, mountable secrets and tokens.</summary>
public static class ServiceAccountDescriber
{
    public static string Describe(ServiceAccount sa, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{sa.Metadata.Name}");
        w.Line(0, $"Namespace:\t{sa.Metadata.Namespace}");
        w.Labels("Labels", sa.Metadata.Labels);
        w.Annotations("Annotations", sa.Metadata.Annotations);
        w.Multiline("Image pull secrets", (sa.ImagePullSecrets ?? []).Select(s => s.Name ?? ""));
        w.Multiline("Mountable secrets", (sa.Secrets ?? []).Select(s => s.Name ?? ""));
        w.Line(0, "Tokens:\t<none>");
        w.Events(events, now);
        return w.ToString();
    }
}

/// <summary>describeStorageClass: whether it is the default, its provisioner and binding behaviour.</summary>
public static class StorageClassDescriber
{
    public static string Describe(StorageClass sc, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var annotations = sc.Metadata.Annotations ?? [];
        w.Line(0, $"Name:\t{sc.Metadata.Name}");
        w.Line(0, $"IsDefaultClass:\t{(annotations.GetValueOrDefault(DefaultStorageClass.DefaultAnnotation) == "true" ? "Yes" : "No")}");
        w.Line(0, $"Annotations:\t{Pairs(annotations)}");
        w.Line(0, $"Provisioner:\t{sc.Provisioner}");
        w.Line(0, $"Parameters:\t{(sc.Parameters is { Count: > 0 } p ? Pairs(p) : "<none>")}");
        w.Line(0, $"AllowVolumeExpansion:\t{(sc.AllowVolumeExpansion is { } expand ? (expand ? "True" : "False") : "<unset>")}");
        w.Line(0, $"MountOptions:\t{(sc.MountOptions is { Count: > 0 } options ? string.Join(", ", options) : "<none>")}");
        w.Line(0, $"ReclaimPolicy:\t{sc.ReclaimPolicy}");
        w.Line(0, $"VolumeBindingMode:\t{sc.VolumeBindingMode}");
        w.Events(events, now);
        return w.ToString();
    }

    /// <summary>labels.FormatLabels: "k=v,k2=v2" in key order.</summary>
    private static string Pairs(Dictionary<string, string> map) =>
        string.Join(",", map.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={kv.Value}"));
}

/// <summary>describeLimitRange: one row per resource of every item, "-" where a bound is not set.</summary>
public static class LimitRangeDescriber
{
    public static string Describe(LimitRange range)
    {
        var w = new DescribeWriter();
        w.Line(0, $"Name:\t{range.Metadata.Name}");
        w.Line(0, $"Namespace:\t{range.Metadata.Namespace}");
        w.Line(0, "Type\tResource\tMin\tMax\tDefault Request\tDefault Limit\tMax Limit/Request Ratio");
        w.Line(0, "----\t--------\t---\t---\t---------------\t-------------\t-----------------------");
        foreach (var item in range.Spec.Limits)
        {
            var resources = new[] { item.Min, item.Max, item.DefaultRequest, item.Default, item.MaxLimitRequestRatio }
                .SelectMany(m => (m ?? []).Keys).Distinct().Order(StringComparer.Ordinal);
            foreach (var resource in resources)
            {
                string Cell(Dictionary<string, string>? values) => values?.GetValueOrDefault(resource) ?? "-";
                w.Line(0, $"{item.Type}\t{resource}\t{Cell(item.Min)}\t{Cell(item.Max)}\t{Cell(item.DefaultRequest)}\t{Cell(item.Default)}\t{Cell(item.MaxLimitRequestRatio)}");
            }
        }
        return w.ToString();
    }
}
