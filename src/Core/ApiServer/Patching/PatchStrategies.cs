using System.Text.Json.Nodes;

namespace Playground.Core.ApiServer.Patching;

/// <summary>
/// The patchStrategy and patchMergeKey tags of upstream's API types (k8s.io/api types.go) by field name: lists named
/// here merge item by item on their key (or, for scalars, as a set); every other list is replaced whole.
/// </summary>
public static class PatchStrategies
{
    private static readonly Dictionary<string, string> MergeKeys = new()
    {
        ["containers"] = "name",
        ["initContainers"] = "name",
        ["ephemeralContainers"] = "name",
        ["env"] = "name",
        ["volumes"] = "name",
        ["imagePullSecrets"] = "name",
        ["secrets"] = "name",
        ["schedulingGates"] = "name",
        ["resourceClaims"] = "name",
        ["volumeMounts"] = "mountPath",
        ["volumeDevices"] = "devicePath",
        ["hostAliases"] = "ip",
        ["podIPs"] = "ip",
        ["hostIPs"] = "ip",
        ["topologySpreadConstraints"] = "topologyKey",
        ["ownerReferences"] = "uid",
        ["conditions"] = "type",
    };

    /// <summary>Lists of scalars with patchStrategy "merge": a patch adds its values to them instead of replacing them.</summary>
    private static readonly HashSet<string> MergedScalars = ["finalizers", "podCIDRs"];

    /// <summary>The merge key of a list field, or null when the list is replaced whole; "ports" is containerPort in a container and port in a service.</summary>
    public static string? MergeKey(string field, JsonArray items) => field == "ports"
        ? items.OfType<JsonObject>().Any(i => i.ContainsKey("containerPort")) ? "containerPort" : "port"
        : MergeKeys.GetValueOrDefault(field);

    public static bool MergesScalars(string field) => MergedScalars.Contains(field);
}
