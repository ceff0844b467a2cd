namespace Playground.Core.Scheduling.Framework;

/// <summary>A Filter extension point plugin: can this pod run on this node, and if not, why.</summary>
public interface IFilterPlugin
{
    string Name { get; }

    /// <summary>True when the plugin has nothing to check for this pod (upstream's PreFilter Skip), so no node is filtered by it; asked after PreFilter.</summary>
    bool SkipsFilter(PodInfo pod) => false;

    FilterResult Filter(PodInfo pod, NodeInfo node);
}
