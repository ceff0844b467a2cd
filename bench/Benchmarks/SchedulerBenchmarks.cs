using BenchmarkDotNet.Attributes;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Kubelet;
using Playground.Core.Simulation;

namespace Playground.Benchmarks;

/// <summary>
/// Upstream's scheduler_perf "SchedulingBasic" shape: 5,000 nodes and 10,000 pending pods, all created through the
/// API before the clock starts; the benchmark runs the scheduler until every pod is bound. Time per operation is per
/// pod, so pods/s = 1 s / the mean. Like scheduler_perf, the nodes have no kubelets.
/// </summary>
[MemoryDiagnoser]
[SimpleJob(launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class SchedulerBenchmarks
{
    private const int Nodes = 5000;
    private const int Pods = 10_000;
    private SimulatedCluster _cluster = null!;

    [IterationSetup]
    public void CreateNodesAndPendingPods()
    {
        _cluster = SimulatedCluster.Create(new ClusterOptions { Nodes = 0, Start = DateTimeOffset.UnixEpoch.AddYears(56) });
        var options = _cluster.Options with { NodeCpu = "4", NodeMemory = "32Gi" };
        for (var i = 0; i < Nodes; i++)
            _cluster.Api.Create(NodeRegistration.Build($"node-{i}", options, _cluster.Clock.Now, new Random(i)), WriteContext.ApiServer);
        _cluster.RunPending();
        for (var i = 0; i < Pods; i++)
            _cluster.Api.Create(new Pod
            {
                Metadata = new ObjectMeta { Name = $"pod-{i}", Namespace = "default" },
                Spec = new PodSpec
                {
                    Containers = [new Container
                    {
                        Name = "pause",
                        Image = "registry.k8s.io/pause:3.10",
                        Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "100m", ["memory"] = "500Mi" } },
                    }],
                },
            }, new WriteContext("kubectl", null));
    }

    [Benchmark(Description = "schedule 10,000 pods on 5,000 nodes (per pod)", OperationsPerInvoke = Pods)]
    public int ScheduleAll()
    {
        _cluster.RunPending();
        var bound = _cluster.Informers.For<Pod>().List("default").Count(p => !string.IsNullOrEmpty(p.Spec.NodeName));
        return bound == Pods ? bound : throw new InvalidOperationException($"only {bound} of {Pods} pods bound");
    }
}
