using System.Text.Json.Nodes;

namespace Playground.Server.Tests;

/// <summary>A resource or subresource as the server's own discovery lists it, with the REST paths of its verbs in namespace "default".</summary>
public sealed record DiscoveredRoute(string GroupVersion, string Resource, string? Subresource, string Kind, bool Namespaced, IReadOnlyList<string> Verbs)
{
    public string Group => GroupVersion.Contains('/') ? GroupVersion[..GroupVersion.IndexOf('/')] : "";

    /// <summary>"deployments.apps", as upstream's messages name a resource.</summary>
    public string QualifiedResource => Group.Length == 0 ? Resource : $"{Resource}.{Group}";

    public string Collection => (GroupVersion.Contains('/') ? $"/apis/{GroupVersion}" : $"/api/{GroupVersion}")
        + (Namespaced ? $"/namespaces/default/{Resource}" : $"/{Resource}");

    public string Object(string name) => Subresource is null ? $"{Collection}/{name}" : $"{Collection}/{name}/{Subresource}";

    public bool Has(string verb) => Verbs.Contains(verb);

    public override string ToString() => $"{GroupVersion} {Resource}{(Subresource is null ? "" : "/" + Subresource)}";

    /// <summary>Every resource and subresource of every group version the sandbox serves, read from /api, /apis and their resource lists.</summary>
    public static async Task<IReadOnlyList<DiscoveredRoute>> ReadAsync(ApiSandbox sandbox)
    {
        var core = await sandbox.GetAsync("/api");
        var groups = await sandbox.GetAsync("/apis");
        var groupVersions = core["versions"]!.AsArray().Select(v => v!.GetValue<string>())
            .Concat(groups["groups"]!.AsArray().SelectMany(g => g!["versions"]!.AsArray().Select(v => v!["groupVersion"]!.GetValue<string>())));
        var routes = new List<DiscoveredRoute>();
        foreach (var groupVersion in groupVersions)
        {
            var list = await sandbox.GetAsync(groupVersion.Contains('/') ? $"/apis/{groupVersion}" : $"/api/{groupVersion}");
            foreach (var resource in list["resources"]!.AsArray().Select(r => r!.AsObject()))
            {
                var name = resource["name"]!.GetValue<string>().Split('/');
                routes.Add(new DiscoveredRoute(groupVersion, name[0], name.Length > 1 ? name[1] : null, resource["kind"]!.GetValue<string>(),
                    resource["namespaced"]!.GetValue<bool>(), [.. resource["verbs"]!.AsArray().Select(v => v!.GetValue<string>())]));
            }
        }
        return routes;
    }
}
