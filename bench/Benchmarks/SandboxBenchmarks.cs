using BenchmarkDotNet.Attributes;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Simulation;

namespace Playground.Benchmarks;

/// <summary>The foundation's figures: a new 3-node cluster, and a 1000-replica deployment run until every pod is Running.</summary>
[MemoryDiagnoser]
public class SandboxBenchmarks
{
    [Benchmark(Description = "new sandbox: 3 nodes Ready")]
    public int NewCluster()
    {
        var cluster = SimulatedCluster.Create();
        cluster.RunUntilIdle();
        return cluster.Api.List<Node>().Count(n => n.Status?.Conditions?.Any(c => c.Type == "Ready" && c.Status == "True") == true);
    }

    [Benchmark(Description = "create deployment --replicas=1000, until idle")]
    public int ThousandReplicas()
    {
        // 10 nodes: at 110 pods a node, three nodes hold only 330 of the 1000 pods.
        var cluster = SimulatedCluster.Create(new ClusterOptions { Nodes = 10 });
        var result = cluster.Kubectl("kubectl create deployment x --image=nginx --replicas=1000");
        if (result.ExitCode != 0) throw new InvalidOperationException(result.Output);
        cluster.RunUntilIdle();
        var running = cluster.Api.List<Pod>("default").Count(p => p.Status?.Phase == "Running");
        return running == 1000 ? running : throw new InvalidOperationException($"only {running} pods running");
    }
}
