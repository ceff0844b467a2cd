using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>
/// The default profile: every plugin the scheduler runs, in upstream's order. Filters stop at the first plugin that
/// rejects a node, so the order decides which reason a node reports.
/// </summary>
public sealed class PluginRegistry(IReadOnlyList<object> plugins)
{
    public static readonly PluginRegistry Default = new(
    [
        new NodeUnschedulable(),
        new NodeName(),
        new TaintToleration(),
        new NodeAffinity(),
        new NodePorts(),
        new NodeResourcesFit(),
        new PodTopologySpread(),
        new InterPodAffinity(),
        new NodeResourcesBalancedAllocation(),
        new ImageLocality(),
    ]);

    // Arrays: the scheduler walks them for every node of every cycle, and an array's loop allocates no enumerator.
    public IPreFilterPlugin[] PreFilters { get; } = [.. plugins.OfType<IPreFilterPlugin>()];

    public INodeNamesPreFilter[] NodeNamesPreFilters { get; } = [.. plugins.OfType<INodeNamesPreFilter>()];

    public IFilterPlugin[] Filters { get; } = [.. plugins.OfType<IFilterPlugin>()];

    public IScorePlugin[] Scores { get; } = [.. plugins.OfType<IScorePlugin>()];
}
