using System.Text.Json.Nodes;
using Playground.Core.Api.Core;
using Playground.Core.Kubectl.Printers.Tables;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>describePersistentVolume: binding, policy, node affinity terms and the volume source.</summary>
public static class PersistentVolumeDescriber
{
    public static string Describe(PersistentVolume pv, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var spec = pv.Spec;
        w.Line(0, $"Name:\t{pv.Metadata.Name}");
        w.Labels("Labels", pv.Metadata.Labels);
        w.Annotations("Annotations", pv.Metadata.Annotations);
        w.Line(0, $"Finalizers:\t[{string.Join(" ", pv.Metadata.Finalizers ?? [])}]");
        w.Line(0, $"StorageClass:\t{spec.StorageClassName}");
        w.Line(0, pv.Metadata.DeletionTimestamp is { } deleted
            ? $"Status:\tTerminating (lasts {HumanDuration.Since(deleted, now)})"
            : $"Status:\t{pv.Status?.Phase}");
        w.Line(0, $"Claim:\t{(spec.ClaimRef is { } claim ? $"{claim.Namespace}/{claim.Name}" : "")}");
        w.Line(0, $"Reclaim Policy:\t{spec.PersistentVolumeReclaimPolicy}");
        w.Line(0, $"Access Modes:\t{AccessModeText.Of(spec.AccessModes)}");
        w.Line(0, $"VolumeMode:\t{spec.VolumeMode}");
        w.Line(0, $"Capacity:\t{AccessModeText.Storage(spec.Capacity)}");
        NodeAffinity(w, spec.NodeAffinity);
        w.Line(0, $"Message:\t{pv.Status?.Message}");
        w.Line(0, "Source:");
        if (spec.HostPath is { } hostPath)
        {
            w.Line(2, "Type:\tHostPath (bare host directory volume)");
            w.Line(2, $"Path:\t{hostPath["path"]?.GetValue<string>()}");
            w.Line(2, $"HostPathType:\t{hostPath["type"]?.GetValue<string>()}");
        }
        else if (spec.Local is { } local)
        {
            w.Line(2, "Type:\tLocalVolume (a persistent volume backed by local storage on a node)");
            w.Line(2, $"Path:\t{local["path"]?.GetValue<string>()}");
        }
        w.Events(events, now);
        return w.ToString();
    }

    private static void NodeAffinity(DescribeWriter w, JsonObject? affinity)
    {
        if (affinity?["required"]?["nodeSelectorTerms"] is not JsonArray terms)
        {
            w.Line(0, "Node Affinity:\t<none>");
            return;
        }
        w.Line(0, "Node Affinity:\t");
        w.Line(1, "Required Terms:\t");
        for (var i = 0; i < terms.Count; i++)
        {
            var expressions = (terms[i]?["matchExpressions"] as JsonArray ?? []).OfType<JsonObject>()
                .Select(e => $"{e["key"]} {e["operator"]?.GetValue<string>().ToLowerInvariant()} [{string.Join(", ", (e["values"] as JsonArray ?? []).Select(v => v?.GetValue<string>()))}]");
            w.Line(2, $"Term {i}:\t{string.Join(", ", expressions)}");
        }
    }
}
