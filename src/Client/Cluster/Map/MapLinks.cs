using Playground.Core.Api.Core;

namespace Playground.Client.Cluster.Map;

/// <summary>
/// The ids the map's lines join: a service card lists the ids it points at (data-links), and each thing it can point at
/// carries its own (data-link-id), so the script finds both ends in the page without being told about pods.
/// </summary>
public static class MapLinks
{
    /// <summary>The kubernetes service's endpoint: the API server itself.</summary>
    public const string ApiServer = "control-plane/api-server";

    public static string Pod(Pod pod) => $"{pod.Metadata.Namespace}/{pod.Metadata.Name}";
}
