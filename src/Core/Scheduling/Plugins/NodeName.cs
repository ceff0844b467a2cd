using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>A pod that names its node fits only that node.</summary>
public sealed class NodeName : IFilterPlugin
{
    public string Name => "NodeName";

    public bool SkipsFilter(PodInfo pod) => string.IsNullOrEmpty(pod.Pod.Spec.NodeName);

    public FilterResult Filter(PodInfo pod, NodeInfo node) =>
        string.IsNullOrEmpty(pod.Pod.Spec.NodeName) || pod.Pod.Spec.NodeName == node.Name
            ? FilterResult.Success
            : FilterResult.Unresolvable("node(s) didn't match the requested node name");
}
