using Playground.Core.ApiServer.Admission;

namespace Playground.Server;

/// <summary>Playground:Limits: what one sandbox may hold and how many sandboxes one browser may own, so that no tenant takes the server from the others; null for no limit.</summary>
public sealed class PlaygroundLimits
{
    public int? Objects { get; set; } = 5000;

    public int? Pods { get; set; } = 500;

    public int? Nodes { get; set; } = 20;

    public int? Replicas { get; set; } = 500;

    /// <summary>Sandboxes one visitor (a browser's visitor cookie) may own at once.</summary>
    public int? SandboxesPerVisitor { get; set; } = 50;

    /// <summary>The part each sandbox's API server enforces.</summary>
    public SandboxLimits PerSandbox => new() { Objects = Objects, Pods = Pods, Nodes = Nodes, Replicas = Replicas };
}
