using Playground.Core.ApiServer;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Server.Sandboxes;

/// <summary>
/// A sandbox's starting state, kept with it so that a reset rebuilds exactly this: a new cluster of this shape, then
/// <see cref="Manifests"/> (multi-document YAML or JSON) created by the actor "scenario" once the bootstrap is done.
/// </summary>
public sealed record SandboxSeed(ClusterOptions Cluster, string? Manifests = null)
{
    /// <summary>The actor of the seed's writes, as the trace shows it.</summary>
    public const string Actor = "scenario";

    /// <summary>Creates one of the seed's objects as <see cref="Actor"/>, a namespaced one without a namespace in "default".</summary>
    public static void Plant(SimulatedCluster cluster, Manifest manifest)
    {
        var obj = cluster.Resources.Decode(manifest.Node);
        if (cluster.Resources.For(obj.GetType()).Namespaced) obj.Metadata.Namespace ??= "default";
        cluster.Api.Create(obj, new WriteContext(Actor));
    }
}
