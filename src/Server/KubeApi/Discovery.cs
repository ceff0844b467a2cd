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
    /// <summary>The subresources each resource serves (by qualified name, as metrics.k8s.io has pods and nodes too), with their verbs, as upstream lists them.</summary>
    private static readonly Dictionary<string, (string Name, string[] Verbs)[]> Subresources = new()
    {
        ["pods"] = [("binding", ["create"]), ("eviction", ["create"]), ("exec", ["create", "get"]), ("log", ["get"]), ("status", ["get", "patch", "update"])],
        ["deployments.apps"] = [("scale", ["get", "patch", "update"]), ("status", ["get", "patch", "update"])],
        ["replicasets.apps"] = [("scale", ["get", "patch", "update"]), ("status", ["get", "patch", "update"])],
        ["statefulsets.apps"] = [("scale", ["get", "patch", "update"]), ("status", ["get", "patch", "update"])],
        ["namespaces"] = [("finalize", ["update"]), ("status", ["get", "patch", "update"])],
    };

    /// <summary>Resources whose status is a subresource of its own; the rest are written whole.</summary>
    private static readonly HashSet<string> WithStatus =
    [
        "nodes", "services", "persistentvolumeclaims", "persistentvolumes", "resourcequotas", "daemonsets.apps", "jobs.batch",
        "cronjobs.batch", "horizontalpodautoscalers.autoscaling", "poddisruptionbudgets.policy", "ingresses.networking.k8s.io",
    ];

    public Discovery(ResourceRegistry registry)
    {
        Registry = registry;
        GroupVersions = registry.Served.GroupBy(t => t.ApiVersion).ToDictionary(g => g.Key, g => ResourceList(g.Key, g));
        Aggregated = new AggregatedDiscovery(this);
    }

    /// <summary>The same documents in aggregated form, one for /api and one for /apis.</summary>
    public AggregatedDiscovery Aggregated { get; }

    public ResourceRegistry Registry { get; }

    /// <summary>Every served group version ("v1", "apps/v1", "autoscaling/v1", "metrics.k8s.io/v1beta1", ...) with its APIResourceList.</summary>
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

    /// <summary>Every group with its versions, the preferred (stored) one first, as upstream orders them.</summary>
    public JsonObject Groups() => new()
    {
        ["kind"] = "APIGroupList",
        ["apiVersion"] = "v1",
        ["groups"] = new JsonArray([.. Registry.Served.Where(t => t.Group.Length > 0).GroupBy(t => t.Group).Select(g =>
        {
            var versions = g.Select(t => t.Version).Distinct().Select(v => new JsonObject { ["groupVersion"] = $"{g.Key}/{v}", ["version"] = v }).ToList();
            return (JsonNode)new JsonObject
            {
                ["name"] = g.Key,
                ["versions"] = new JsonArray([.. versions]),
                ["preferredVersion"] = versions[0].DeepClone(),
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
                ["verbs"] = new JsonArray([.. type.Verbs.Select(v => (JsonNode)v)]),
            };
            if (type.ShortNames.Count > 0) resource["shortNames"] = new JsonArray([.. type.ShortNames.Select(n => (JsonNode)n)]);
            if (type.Categories.Count > 0) resource["categories"] = new JsonArray([.. type.Categories.Select(c => (JsonNode)c)]);
            resources.Add(resource);
            var subresources = Subresources.GetValueOrDefault(type.QualifiedPlural) ?? (WithStatus.Contains(type.QualifiedPlural) ? [("status", ["get", "patch", "update"])] : []);
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
