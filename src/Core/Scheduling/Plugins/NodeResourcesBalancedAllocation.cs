using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling.Plugins;

/// <summary>
/// Prefers nodes whose CPU and memory would be used in equal proportion: 100 × (1 − the standard deviation of the
/// requested fractions), using the pods' actual requests.
/// </summary>
public sealed class NodeResourcesBalancedAllocation : IScorePlugin
{
    public string Name => "NodeResourcesBalancedAllocation";

    public int Weight => 1;

    public long Score(PodInfo pod, NodeInfo node)
    {
        var fractions = new List<double>();
        foreach (var (allocatable, requested) in new[]
        {
            (node.Allocatable.MilliCpu, node.Requested.MilliCpu + pod.Requests.MilliCpu),
            (node.Allocatable.Memory, node.Requested.Memory + pod.Requests.Memory),
        })
        {
            if (allocatable == 0) continue;
            fractions.Add(Math.Min(1, (double)requested / allocatable));
        }
        var deviation = fractions.Count switch
        {
            2 => Math.Abs((fractions[0] - fractions[1]) / 2),
            > 2 => Math.Sqrt(fractions.Sum(f => Math.Pow(f - fractions.Average(), 2)) / fractions.Count),
            _ => 0,
        };
        return (long)((1 - deviation) * IScorePlugin.MaxNodeScore);
    }
}
