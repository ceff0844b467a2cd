using System.Text.Json.Nodes;
using Playground.Core.Api.Core;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>The Volumes section, for the volume sources the playground's pods use.</summary>
internal static class VolumeSection
{
    public static void Write(DescribeWriter w, IReadOnlyList<Volume>? volumes, string space)
    {
        if (volumes is not { Count: > 0 })
        {
            w.Line(0, $"{space}Volumes:\t<none>");
            return;
        }
        w.Line(0, $"{space}Volumes:");
        foreach (var volume in volumes)
        {
            w.Line(1, $"{(space.Length > 0 ? " " : "")}{volume.Name}:");
            if (volume.HostPath is { } hostPath)
            {
                w.Line(2, "Type:\tHostPath (bare host directory volume)");
                w.Line(2, $"Path:\t{hostPath["path"]}");
                w.Line(2, $"HostPathType:\t{hostPath["type"]?.ToString() ?? "<none>"}");
            }
            else if (volume.EmptyDir is { } emptyDir)
            {
                w.Line(2, "Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)");
                w.Line(2, $"Medium:\t{emptyDir["medium"]}");
                w.Line(2, $"SizeLimit:\t{emptyDir["sizeLimit"]?.ToString() ?? "<unset>"}");
            }
            else if (volume.Secret is { } secret)
            {
                w.Line(2, "Type:\tSecret (a volume populated by a Secret)");
                w.Line(2, $"SecretName:\t{secret["secretName"]}");
                w.Line(2, $"Optional:\t{Optional(secret)}");
            }
            else if (volume.ConfigMap is { } configMap)
            {
                w.Line(2, "Type:\tConfigMap (a volume populated by a ConfigMap)");
                w.Line(2, $"Name:\t{configMap["name"]}");
                w.Line(2, $"Optional:\t{Optional(configMap)}");
            }
            else if (volume.PersistentVolumeClaim is { } claim)
            {
                w.Line(2, "Type:\tPersistentVolumeClaim (a reference to a PersistentVolumeClaim in the same namespace)");
                w.Line(2, $"ClaimName:\t{claim["claimName"]}");
                w.Line(2, $"ReadOnly:\t{Optional(claim, "readOnly")}");
            }
            else if (volume.Projected is { } projected)
                Projected(w, projected);
            else if (volume.DownwardAPI is { } downward)
            {
                w.Line(2, "Type:\tDownwardAPI (a volume populated by information about the pod)");
                w.Line(2, "Items:");
                foreach (var item in (downward["items"] as JsonArray ?? []).OfType<JsonObject>())
                {
                    var source = item["fieldRef"]?["fieldPath"] ?? item["resourceFieldRef"]?["resource"];
                    w.Line(3, $"{source} -> {item["path"]}");
                }
            }
            else
                w.Line(1, "<unknown>");
        }
    }

    /// <summary>v1.32 prints a projected source's optional flag as Go's %v of a *bool: "&lt;nil&gt;" when unset (and an address when set, shown here as the value).</summary>
    private static void Projected(DescribeWriter w, JsonObject projected)
    {
        w.Line(2, "Type:\tProjected (a volume that contains injected data from multiple sources)");
        foreach (var source in (projected["sources"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (source["secret"] is JsonObject secret)
            {
                w.Line(2, $"SecretName:\t{secret["name"]}");
                w.Line(2, $"SecretOptionalName:\t{OptionalPointer(secret)}");
            }
            else if (source["downwardAPI"] is not null)
                w.Line(2, "DownwardAPI:\ttrue");
            else if (source["configMap"] is JsonObject configMap)
            {
                w.Line(2, $"ConfigMapName:\t{configMap["name"]}");
                w.Line(2, $"ConfigMapOptional:\t{OptionalPointer(configMap)}");
            }
            else if (source["serviceAccountToken"] is JsonObject token)
                w.Line(2, $"TokenExpirationSeconds:\t{token["expirationSeconds"]}");
        }
    }

    private static string Optional(JsonObject source, string field = "optional") => source[field]?.GetValue<bool>() == true ? "true" : "false";

    private static string OptionalPointer(JsonObject source) => source["optional"] is null ? "<nil>" : Optional(source);
}
