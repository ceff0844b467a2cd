using System.Diagnostics;
using Playground.Core.Api.Core;
using Playground.Core.Simulation;

namespace Playground.Benchmarks;

/// <summary>
/// The managed heap one sandbox keeps alive with 5,000 nodes (each with its kubelet) and 50,000 Running pods from
/// 50 deployments of 1,000 replicas: the memory figure, which BenchmarkDotNet's allocation counts do not show.
/// </summary>
public static class LargeSandboxMemory
{
    public static void Print(int nodes, int deployments, int replicas)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var clock = Stopwatch.StartNew();
        var cluster = SimulatedCluster.Create(new ClusterOptions { Nodes = nodes, HistoryWindow = 5000 });
        cluster.RunUntilIdle();
        for (var i = 0; i < deployments; i++)
        {
            var result = cluster.Kubectl($"kubectl create deployment app-{i} --image=nginx --replicas={replicas}");
            if (result.ExitCode != 0) throw new InvalidOperationException(result.Output);
        }
        cluster.RunUntilIdle();
        cluster.Flush();
        var running = cluster.Informers.For<Pod>().List().Count(p => p.Status?.Phase == "Running");
        var built = clock.Elapsed;
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{nodes} nodes, {running} Running pods, {cluster.Store.Count} objects at revision {cluster.Store.Revision}: "
            + $"{(after - before) / 1024.0 / 1024.0:F0} MiB of managed heap (built in {built.TotalSeconds:F1} s)");
        GC.KeepAlive(cluster);
    }
}
