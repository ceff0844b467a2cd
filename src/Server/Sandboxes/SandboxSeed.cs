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
}
