using Playground.Core.ApiServer.Admission;
using Playground.Core.Simulation;

namespace Playground.Core.Tests;

/// <summary>Clusters for tests: a fixed start time and seed, so every run writes the same history.</summary>
internal static class TestCluster
{
    public static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    public static SimulatedCluster Create(int nodes = 3, string cpu = "2", string memory = "4Gi", SandboxLimits? limits = null) =>
        SimulatedCluster.Create(new ClusterOptions { Nodes = nodes, NodeCpu = cpu, NodeMemory = memory, Start = Start, Limits = limits });
}
