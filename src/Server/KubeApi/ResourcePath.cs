using Playground.Core.ApiServer;

namespace Playground.Server.KubeApi;

/// <summary>
/// What a REST path under a group version names: the resource type, the namespace (null for cluster-scoped kinds and
/// for lists across namespaces), the object's name and a subresource, as the API server's request info resolver reads it.
/// </summary>
public sealed record ResourcePath(ResourceType Type, string? Namespace, string? Name, string? Subresource)
{
    /// <summary>Null when the path names nothing this group version serves.</summary>
    public static ResourcePath? Parse(ResourceRegistry registry, string groupVersion, string? path)
    {
        var segments = (path ?? "").Split('/', StringSplitOptions.RemoveEmptyEntries);
        string? ns = null;
        // "namespaces/x" is the namespace itself; "namespaces/x/pods/..." is a resource inside it.
        if (segments.Length >= 3 && segments[0] == "namespaces" && segments[2] is not ("status" or "finalize"))
        {
            ns = segments[1];
            segments = segments[2..];
        }
        if (segments.Length is 0 or > 3) return null;
        var type = registry.Served.FirstOrDefault(t => t.ApiVersion == groupVersion && t.Plural == segments[0]);
        if (type is null || (ns is not null && !type.Namespaced)) return null;
        return new ResourcePath(type, ns, segments.Length > 1 ? segments[1] : null, segments.Length > 2 ? segments[2] : null);
    }
}
