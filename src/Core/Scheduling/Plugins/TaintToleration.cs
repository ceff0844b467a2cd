using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>
/// Filters out nodes with a NoSchedule or NoExecute taint the pod does not tolerate, and prefers nodes with fewer
/// untolerated PreferNoSchedule taints.
/// </summary>
public sealed class TaintToleration : IFilterPlugin, IScorePlugin
{
    public string Name => "TaintToleration";

    public int Weight => 3;

    public FilterResult Filter(PodInfo pod, NodeInfo node) =>
        node.Taints.Count == 0 ? FilterResult.Success
        : Tolerations.FirstUntolerated(node.Node, pod.Pod.Spec.Tolerations, "NoSchedule", "NoExecute") is { } taint
            ? FilterResult.Unresolvable($"node(s) had untolerated taint {{{taint.Key}: {taint.Value}}}")
            : FilterResult.Success;

    /// <summary>The number of PreferNoSchedule taints not tolerated; normalized in reverse, so fewer is better.</summary>
    public long Score(PodInfo pod, NodeInfo node)
    {
        if (node.Taints.Count == 0) return 0;
        var tolerations = (pod.Pod.Spec.Tolerations ?? []).Where(t => string.IsNullOrEmpty(t.Effect) || t.Effect == "PreferNoSchedule").ToList();
        return node.Taints.Count(t => t.Effect == "PreferNoSchedule" && !tolerations.Tolerate(t));
    }

    public void Normalize(long[] scores) => ScoreNormalization.Scale(scores, reverse: true);
}
