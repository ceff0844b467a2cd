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
        var cpu = node.Allocatable.MilliCpu;
        var memory = node.Allocatable.Memory;
        // With only CPU and memory, the standard deviation of two fractions is half their difference; one alone deviates by nothing.
        var deviation = cpu == 0 || memory == 0
            ? 0
            : Math.Abs((Fraction(cpu, node.Requested.MilliCpu + pod.Requests.MilliCpu) - Fraction(memory, node.Requested.Memory + pod.Requests.Memory)) / 2);
        return (long)((1 - deviation) * IScorePlugin.MaxNodeScore);
    }

    private static double Fraction(long allocatable, long requested) => Math.Min(1, (double)requested / allocatable);
}
