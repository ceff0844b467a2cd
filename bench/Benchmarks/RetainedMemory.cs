using Playground.Core.Simulation;

namespace Playground.Benchmarks;

/// <summary>Measures the managed heap that idle sandboxes keep alive, which BenchmarkDotNet's allocation counts do not show.</summary>
public static class RetainedMemory
{
    public static void Print(int sandboxes)
    {
        var before = GC.GetTotalMemory(forceFullCollection: true);
        var kept = new List<SimulatedCluster>();
        for (var i = 0; i < sandboxes; i++)
        {
            var cluster = SimulatedCluster.Create();
            cluster.RunUntilIdle();
            cluster.Flush();
            kept.Add(cluster);
        }
        var after = GC.GetTotalMemory(forceFullCollection: true);
        Console.WriteLine($"{sandboxes} idle sandboxes: {(after - before) / sandboxes / 1024.0:F1} KiB of managed heap each");
        GC.KeepAlive(kept);
    }
}
