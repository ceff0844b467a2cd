using Playground.Core.Api.Core;
using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>Keeps pods off cordoned nodes (spec.unschedulable), unless they tolerate the unschedulable taint.</summary>
public sealed class NodeUnschedulable : IFilterPlugin
{
    private static readonly Taint UnschedulableTaint = new() { Key = "node.kubernetes.io/unschedulable", Effect = "NoSchedule" };

    public string Name => "NodeUnschedulable";

    public FilterResult Filter(PodInfo pod, NodeInfo node) =>
        node.Unschedulable && !pod.Pod.Spec.Tolerations.Tolerate(UnschedulableTaint)
            ? FilterResult.Unresolvable("node(s) were unschedulable")
            : FilterResult.Success;
}
