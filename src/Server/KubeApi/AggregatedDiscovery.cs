using System.Text;
using System.Text.Json.Nodes;

namespace Playground.Server.KubeApi;

/// <summary>
/// Aggregated discovery (apidiscovery.k8s.io v2, and v2beta1 for kubectl 1.26 to 1.29): every version and resource of
/// the core group at /api, and of the named groups (metrics.k8s.io among them, as the aggregator merges it) at /apis, in
/// one answer. kubectl 1.32 asks for it first, which spares it a request per group version. It is made from the
/// per-group-version documents, so the two forms always agree.
/// </summary>
public sealed class AggregatedDiscovery
{
    private readonly Discovery _discovery;
    private readonly Dictionary<(bool Core, string Version), byte[]> _documents = [];

    /// <summary>Made once, after <paramref name="discovery"/>'s group version documents.</summary>
    public AggregatedDiscovery(Discovery discovery)
    {
        _discovery = discovery;
        foreach (var core in new[] { true, false })
            foreach (var version in new[] { "v2", "v2beta1" })
                _documents[(core, version)] = Encoding.UTF8.GetBytes(Document(core, version).ToJsonString());
    }

    /// <summary>The aggregated answer when the Accept header prefers it to a plain APIVersions or APIGroupList; otherwise null.</summary>
    public IResult? Answer(HttpRequest request, bool core)
    {
        if (Requested(request.Headers.Accept.ToString()) is not { } version) return null;
        request.HttpContext.Response.Headers.Vary = "Accept";
        return Results.Bytes(_documents[(core, version)], $"application/json;g=apidiscovery.k8s.io;v={version};as=APIGroupDiscoveryList");
    }

    /// <summary>"v2" or "v2beta1" when the first JSON media type the client accepts is an APIGroupDiscoveryList of that version.</summary>
    private static string? Requested(string accept)
    {
        foreach (var mediaType in accept.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = mediaType.Split(';', StringSplitOptions.TrimEntries);
            if (parts[0] is not ("application/json" or "application/*" or "*/*")) continue;
            var parameters = parts.Skip(1).Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
            if (!parameters.TryGetValue("as", out var kind)) return null;
            if (kind == "APIGroupDiscoveryList" && parameters.GetValueOrDefault("g") == "apidiscovery.k8s.io" && parameters.GetValueOrDefault("v") is "v2" or "v2beta1")
                return parameters["v"];
        }
        return null;
    }

    private JsonObject Document(bool core, string version)
    {
        List<(string Name, string[] Versions)> groups = core
            ? [("", ["v1"])]
            : [.. _discovery.Groups()["groups"]!.AsArray().Select(g => (g!["name"]!.GetValue<string>(), g["versions"]!.AsArray().Select(v => v!["version"]!.GetValue<string>()).ToArray()))];
        return new JsonObject
        {
            ["kind"] = "APIGroupDiscoveryList",
            ["apiVersion"] = $"apidiscovery.k8s.io/{version}",
            ["metadata"] = new JsonObject(),
            ["items"] = new JsonArray([.. groups.Select(g => (JsonNode)Group(g.Name, g.Versions))]),
        };
    }

    private JsonObject Group(string name, string[] versions)
    {
        var metadata = new JsonObject { ["creationTimestamp"] = null };
        if (name.Length > 0) metadata["name"] = name;
        return new JsonObject
        {
            ["metadata"] = metadata,
            ["versions"] = new JsonArray([.. versions.Select(v => (JsonNode)new JsonObject
            {
                ["version"] = v,
                ["resources"] = Resources(name, v),
                ["freshness"] = "Current",
            })]),
        };
    }

    /// <summary>A group version's resources with their subresources folded in, from its APIResourceList.</summary>
    private JsonArray Resources(string group, string version)
    {
        var list = _discovery.GroupVersions[group.Length == 0 ? version : $"{group}/{version}"]["resources"]!.AsArray().OfType<JsonObject>().ToList();
        JsonObject Kind(JsonObject entry) => new()
        {
            ["group"] = entry["group"]?.DeepClone() ?? group,
            ["version"] = entry["version"]?.DeepClone() ?? version,
            ["kind"] = entry["kind"]!.DeepClone(),
        };
        var resources = new JsonArray();
        foreach (var entry in list.Where(r => !r["name"]!.GetValue<string>().Contains('/')))
        {
            var name = entry["name"]!.GetValue<string>();
            var resource = new JsonObject
            {
                ["resource"] = name,
                ["responseKind"] = Kind(entry),
                ["scope"] = entry["namespaced"]!.GetValue<bool>() ? "Namespaced" : "Cluster",
                ["singularResource"] = entry["singularName"]!.DeepClone(),
                ["verbs"] = entry["verbs"]!.DeepClone(),
            };
            if (entry["shortNames"] is { } shortNames) resource["shortNames"] = shortNames.DeepClone();
            if (entry["categories"] is { } categories) resource["categories"] = categories.DeepClone();
            var subresources = list.Where(r => r["name"]!.GetValue<string>().StartsWith(name + "/", StringComparison.Ordinal)).Select(s => (JsonNode)new JsonObject
            {
                ["subresource"] = s["name"]!.GetValue<string>()[(name.Length + 1)..],
                ["responseKind"] = Kind(s),
                ["verbs"] = s["verbs"]!.DeepClone(),
            }).ToList();
            if (subresources.Count > 0) resource["subresources"] = new JsonArray([.. subresources]);
            resources.Add(resource);
        }
        return resources;
    }
}
