namespace Playground.Core.Scheduling.Framework;

/// <summary>A Filter extension point plugin: can this pod run on this node, and if not, why.</summary>
public interface IFilterPlugin
{
    string Name { get; }
    FilterResult Filter(PodInfo pod, NodeInfo node);
}
