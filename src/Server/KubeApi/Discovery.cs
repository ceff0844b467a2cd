using System.Text.Json.Nodes;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet;

namespace Playground.Server.KubeApi;

/// <summary>
/// The discovery documents kubectl reads before anything else (/version, /api, /apis, and one resource list per group
/// version), made once from the kinds the simulated API server serves.
/// </summary>
public sealed class Discovery
{
    private static readonly string[] Verbs = ["create", "delete", "deletecollection", "get", "list", "patch", "update", "watch"];

    /// <summary>The subresources each kind serves, with their verbs, as upstream lists them.</summary>
    private static readonly Dictionary<string, (string Name, string[] Verbs)[]> Subresources = new()
    {
        ["pods"] = [("binding", ["create"]), ("eviction", ["create"]), ("exec", ["create", "get"]), ("log", ["get"]), ("status", ["get", "patch", "update"])],
        ["deployments"] = [("scale", ["get", "patch", "update"]), ("status", ["get", "patch", "update"])],
        ["replicasets"] = [("scale", ["get", "patch", "update"]), ("status", ["get", "patch", "update"])],
        ["statefulsets"] = [("scale", ["get", "patch", "update"]), ("status", ["get", "patch", "update"])],
        ["namespaces"] = [("finalize", ["update"]), ("status", ["get", "patch", "update"])],
    };

    /// <summary>Kinds whose status is a subresource of its own; the rest are written whole.</summary>
    private static readonly HashSet<string> WithStatus =
    [
        "nodes", "services", "persistentvolumeclaims", "persistentvolumes", "resourcequotas", "daemonsets", "jobs",
        "cronjobs", "horizontalpodautoscalers", "poddisruptionbudgets", "ingresses",
    ];

    public Discovery(ResourceRegistry registry)
    {
        Registry = registry;
        GroupVersions = registry.All.GroupBy(t => t.ApiVersion).ToDictionary(g => g.Key, g => ResourceList(g.Key, g));
    }

    public ResourceRegistry Registry { get; }

    /// <summary>Every served group version ("v1", "apps/v1", ...) with its APIResourceList.</summary>
    public IReadOnlyDictionary<string, JsonObject> GroupVersions { get; }

    public static JsonObject Version()
    {
        var version = NodeIdentity.KubeletVersion;
        var parts = version.TrimStart('v').Split('.');
        return new JsonObject
        {
            ["major"] = parts[0],
            ["minor"] = parts[1],
            ["gitVersion"] = version,
            ["gitCommit"] = "",
            ["gitTreeState"] = "clean",
            ["buildDate"] = "2025-02-12T21:17:52Z",
            ["goVersion"] = "go1.23.6",
            ["compiler"] = "gc",
            ["platform"] = "linux/amd64",
        };
    }

    public static JsonObject CoreVersions(string serverAddress) => new()
    {
        ["kind"] = "APIVersions",
        ["versions"] = new JsonArray("v1"),
        ["serverAddressByClientCIDRs"] = new JsonArray(new JsonObject { ["clientCIDR"] = "0.0.0.0/0", ["serverAddress"] = serverAddress }),
    };

    public JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Registry.All.Where(t => t.Group.Length > 0).GroupBy(t => t.Group).Select(g =>
        {
            var groupVersion = new JsonObject { ["groupVersion"] = $"{g.Key}/{g.First().Version}", ["version"] = g.First().Version };
            return (JsonNode)new JsonObject
            {
                ["name"] = g.Key,
                ["versions"] = new JsonArray(groupVersion.DeepClone()),
                ["preferredVersion"] = groupVersion,
            };
        })]),
    };

    private static JsonObject ResourceList(string groupVersion, IEnumerable<ResourceType> types)
    {
        var resources = new JsonArray();
        foreach (var type in types.OrderBy(t => t.Plural, StringComparer.Ordinal))
        {
            var resource = new JsonObject
            {
                ["name"] = type.Plural,
                ["singularName"] = type.Singular,
                ["namespaced"] = type.Namespaced,
                ["kind"] = type.Kind,
                ["verbs"] = new JsonArray([.. Verbs.Select(v => (JsonNode)v)]),
            };
            if (type.ShortNames.Count > 0) resource["shortNames"] = new JsonArray([.. type.ShortNames.Select(n => (JsonNode)n)]);
            if (type.Categories.Count > 0) resource["categories"] = new JsonArray([.. type.Categories.Select(c => (JsonNode)c)]);
            resources.Add(resource);
            var subresources = Subresources.GetValueOrDefault(type.Plural) ?? (WithStatus.Contains(type.Plural) ? [("status", ["get", "patch", "update"])] : []);
            foreach (var (name, verbs) in subresources)
            {
                var subresource = new JsonObject
                {
                    ["name"] = $"{type.Plural}/{name}",
                    ["singularName"] = "",
                    ["namespaced"] = type.Namespaced,
                    ["kind"] = name switch { "scale" => "Scale", "eviction" => "Eviction", "binding" => "Binding", _ => type.Kind },
                    ["verbs"] = new JsonArray([.. verbs.Select(v => (JsonNode)v)]),
                };
                // Scale and Eviction are kinds of other groups, and discovery says which.
                if (name switch { "scale" => "autoscaling", "eviction" => "policy", _ => null } is { } group)
                {
                    subresource["group"] = group;
                    subresource["version"] = "v1";
                }
                resources.Add(subresource);
            }
        }
        return new JsonObject { ["kind"] = "APIResourceList", ["apiVersion"] = "v1", ["groupVersion"] = groupVersion, ["resources"] = resources };
    }
}
