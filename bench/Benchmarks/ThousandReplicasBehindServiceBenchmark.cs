using BenchmarkDotNet.Attributes;
using Playground.Core.Api.Core;
using Playground.Core.Simulation;

namespace Playground.Benchmarks;

/// <summary>
/// The ThousandReplicas figure with a Service in front: every pod's way to Ready also goes through the Endpoints and
/// EndpointSlice controllers, so this measures what 1,000 endpoints cost them and the store.
/// </summary>
[MemoryDiagnoser]
public class ThousandReplicasBehindServiceBenchmark
{
    /// <summary>Upstream's default (0: a sync per pod change) and a one-second batch period, as big clusters set it.</summary>
    [Params(0, 1)]
    public int BatchPeriodSeconds { get; set; }

    [Benchmark(Description = "expose + create deployment --replicas=1000, until idle")]
    public int ThousandReplicasBehindService()
    {
        // 10 nodes as in SandboxBenchmarks: three nodes hold only 330 of the 1000 pods.
        var cluster = SimulatedCluster.Create(new ClusterOptions { Nodes = 10, EndpointUpdatesBatchPeriod = TimeSpan.FromSeconds(BatchPeriodSeconds) });
        Run(cluster, "kubectl create deployment x --image=nginx --replicas=1000");
        // Exposed before any pod has an IP, so every pod's way to Ready goes through both controllers.
        Run(cluster, "kubectl expose deployment x --port=80");
        cluster.RunUntilIdle();
        var addresses = cluster.Api.Get<Endpoints>("default", "x").Subsets?.Sum(s => s.Addresses?.Count ?? 0) ?? 0;
        return addresses == 1000 ? addresses : throw new InvalidOperationException($"only {addresses} ready addresses");
    }

    private static void Run(SimulatedCluster cluster, string command)
    {
        var result = cluster.Kubectl(command);
        if (result.ExitCode != 0) throw new InvalidOperationException(result.Output);
    }
}
