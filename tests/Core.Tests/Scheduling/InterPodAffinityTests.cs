using Playground.Core.Api.Core;
using Playground.Core.Scheduling;
using static Playground.Core.Tests.Scheduling.TestPods;

namespace Playground.Core.Tests.Scheduling;

public class InterPodAffinityTests
{
    private const string SpreadWeb = """
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: 4
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              affinity:
                podAntiAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector:
                      matchLabels: {app: web}
                    topologyKey: kubernetes.io/hostname
              containers:
              - name: nginx
                image: nginx
        """;

    [Fact]
    public void Required_anti_affinity_puts_one_replica_per_node_and_leaves_the_fourth_pending_with_upstreams_reason()
    {
        var cluster = TestCluster.Create();

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", SpreadWeb).ExitCode);
        cluster.RunUntilIdle();

        var pods = cluster.Api.List<Pod>("default").ToList();
        Assert.Equal(4, pods.Count);
        var bound = pods.Where(p => p.Spec.NodeName is not null).ToList();
        Assert.Equal(3, bound.Select(p => p.Spec.NodeName).Distinct().Count());
        Assert.Equal(3, bound.Count);
        var pending = Assert.Single(pods, p => p.Spec.NodeName is null);
        const string message = "0/3 nodes are available: 3 node(s) didn't match pod anti-affinity rules. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..";
        var failed = Events(cluster, pending.Metadata.Name!).Last(e => e.Reason == "FailedScheduling");
        Assert.Equal(("Warning", message), (failed.Type, failed.Message));
        Assert.Equal(message, pending.Status!.Conditions!.Single(c => c.Type == "PodScheduled").Message);
        // The scheduler's log keeps each node's verdict for the UI.
        var scheduler = cluster.Components.OfType<Scheduler>().Single();
        var attempt = scheduler.Log.Last(pending.Metadata.Uid!)!;
        Assert.All(attempt.Nodes, n => Assert.Equal(("InterPodAffinity", "node(s) didn't match pod anti-affinity rules"), (n.RejectedBy, n.Reasons.Single())));

        // Scaling down removes the pending pod first, as the ReplicaSet controller ranks unscheduled pods first.
        Assert.Equal(0, cluster.Kubectl("kubectl scale deployment web --replicas=3").ExitCode);
        cluster.RunUntilIdle();
        Assert.All(cluster.Api.List<Pod>("default"), p => Assert.NotNull(p.Spec.NodeName));
    }

    [Fact]
    public void Required_affinity_follows_its_peer_and_refuses_nodes_without_one()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", "{apiVersion: v1, kind: Pod, metadata: {name: cache, labels: {app: cache}}, spec: {containers: [{name: redis, image: redis}]}}").ExitCode);
        cluster.RunUntilIdle();
        var cacheNode = Get(cluster, "cache").Spec.NodeName;

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Pod
            metadata: {name: app}
            spec:
              affinity:
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector: {matchLabels: {app: cache}}
                    topologyKey: kubernetes.io/hostname
              containers: [{name: app, image: nginx}]
            """).ExitCode);
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Pod
            metadata: {name: lonely}
            spec:
              affinity:
                podAffinity:
                  requiredDuringSchedulingIgnoredDuringExecution:
                  - labelSelector: {matchLabels: {app: db}}
                    topologyKey: kubernetes.io/hostname
              containers: [{name: lonely, image: nginx}]
            """).ExitCode);
        cluster.RunUntilIdle();

        Assert.Equal(cacheNode, Get(cluster, "app").Spec.NodeName);
        Assert.Null(Get(cluster, "lonely").Spec.NodeName);
        Assert.Equal("0/3 nodes are available: 3 node(s) didn't match pod affinity rules. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
            Events(cluster, "lonely").Single(e => e.Reason == "FailedScheduling").Message);
    }

    [Fact]
    public void Preferred_anti_affinity_scores_nodes_without_a_peer_higher()
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", "{apiVersion: v1, kind: Pod, metadata: {name: first, labels: {app: web}}, spec: {containers: [{name: nginx, image: nginx}]}}").ExitCode);
        cluster.RunUntilIdle();
        var taken = Get(cluster, "first").Spec.NodeName;

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", """
            apiVersion: v1
            kind: Pod
            metadata: {name: second, labels: {app: web}}
            spec:
              affinity:
                podAntiAffinity:
                  preferredDuringSchedulingIgnoredDuringExecution:
                  - weight: 100
                    podAffinityTerm:
                      labelSelector: {matchLabels: {app: web}}
                      topologyKey: kubernetes.io/hostname
              containers: [{name: second, image: nginx}]
            """).ExitCode);
        cluster.RunUntilIdle();

        var second = Get(cluster, "second");
        Assert.NotEqual(taken, second.Spec.NodeName);
        var scores = cluster.Components.OfType<Scheduler>().Single().Log.Last(second.Metadata.Uid!)!.Nodes
            .ToDictionary(n => n.Node, n => n.Score!.Plugins.Single(p => p.Plugin == "InterPodAffinity"));
        Assert.Equal((-100, 0L), (scores[taken!].Raw, scores[taken!].Normalized));
        Assert.All(scores.Where(s => s.Key != taken), s => Assert.Equal((0L, 100L), (s.Value.Raw, s.Value.Normalized)));
    }
}
