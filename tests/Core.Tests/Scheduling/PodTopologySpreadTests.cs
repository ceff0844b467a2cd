using Playground.Core.Api.Core;
using Playground.Core.Scheduling;
using static Playground.Core.Tests.Scheduling.TestPods;

namespace Playground.Core.Tests.Scheduling;

public class PodTopologySpreadTests
{
    private static string Spread(int replicas, string whenUnsatisfiable, int maxSkew = 1) => $$"""
        apiVersion: apps/v1
        kind: Deployment
        metadata:
          name: web
        spec:
          replicas: {{replicas}}
          selector:
            matchLabels: {app: web}
          template:
            metadata:
              labels: {app: web}
            spec:
              topologySpreadConstraints:
              - maxSkew: {{maxSkew}}
                topologyKey: topology.kubernetes.io/zone
                whenUnsatisfiable: {{whenUnsatisfiable}}
                labelSelector:
                  matchLabels: {app: web}
              containers:
              - name: nginx
                image: nginx
        """;

    [Fact]
    public void DoNotSchedule_keeps_zones_within_maxSkew_and_refuses_nodes_without_the_zone_label()
    {
        var cluster = TestCluster.Create(nodes: 4);
        Label(cluster, "node-1", "topology.kubernetes.io/zone", "a");
        Label(cluster, "node-2", "topology.kubernetes.io/zone", "a");
        Label(cluster, "node-3", "topology.kubernetes.io/zone", "b");

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Spread(4, "DoNotSchedule")).ExitCode);
        cluster.RunUntilIdle();

        var pods = cluster.Api.List<Pod>("default").ToList();
        var zones = pods.Select(p => cluster.Api.Get<Node>(null, p.Spec.NodeName!).Metadata.Labels!["topology.kubernetes.io/zone"]).ToList();
        Assert.Equal(2, zones.Count(z => z == "a"));
        Assert.Equal(2, zones.Count(z => z == "b"));
        Assert.DoesNotContain(pods, p => p.Spec.NodeName == "node-4");
        var scheduler = cluster.Components.OfType<Scheduler>().Single();
        var verdicts = pods.SelectMany(p => scheduler.Log.For(p.Metadata.Uid!)).SelectMany(a => a.Nodes).Where(n => n.Node == "node-4").ToList();
        Assert.All(verdicts, v => Assert.Equal(("PodTopologySpread", PodTopologySpreadLabel), (v.RejectedBy, v.Reasons.Single())));

        // A fifth replica leaves a skew of 1, which maxSkew allows.
        Assert.Equal(0, cluster.Kubectl("kubectl scale deployment web --replicas=5").ExitCode);
        cluster.RunUntilIdle();
        Assert.All(cluster.Api.List<Pod>("default"), p => Assert.NotNull(p.Spec.NodeName));
    }

    private const string PodTopologySpreadLabel = "node(s) didn't match pod topology spread constraints (missing required label)";

    [Fact]
    public void A_pod_that_would_break_maxSkew_stays_pending_with_upstreams_reason()
    {
        var cluster = TestCluster.Create(nodes: 2);
        Label(cluster, "node-1", "topology.kubernetes.io/zone", "a");
        Label(cluster, "node-2", "topology.kubernetes.io/zone", "b");
        // Zone b cannot take pods: only zone a can, so the second replica would make the skew 2.
        Taint(cluster, "node-2", "dedicated", "db", "NoSchedule");

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Spread(2, "DoNotSchedule")).ExitCode);
        cluster.RunUntilIdle();

        var pods = cluster.Api.List<Pod>("default").ToList();
        Assert.Single(pods, p => p.Spec.NodeName == "node-1");
        var pending = Assert.Single(pods, p => p.Spec.NodeName is null);
        Assert.Equal("0/2 nodes are available: 1 node(s) didn't match pod topology spread constraints, 1 node(s) had untolerated taint {dedicated: db}. preemption: 0/2 nodes are available: 1 No preemption victims found for incoming pod, 1 Preemption is not helpful for scheduling..",
            Events(cluster, pending.Metadata.Name!).Last(e => e.Reason == "FailedScheduling").Message);
    }

    [Fact]
    public void ScheduleAnyway_prefers_the_emptier_zone()
    {
        var cluster = TestCluster.Create(nodes: 3);
        Label(cluster, "node-1", "topology.kubernetes.io/zone", "a");
        Label(cluster, "node-2", "topology.kubernetes.io/zone", "a");
        Label(cluster, "node-3", "topology.kubernetes.io/zone", "b");

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Spread(2, "ScheduleAnyway")).ExitCode);
        cluster.RunUntilIdle();

        var zones = cluster.Api.List<Pod>("default")
            .Select(p => cluster.Api.Get<Node>(null, p.Spec.NodeName!).Metadata.Labels!["topology.kubernetes.io/zone"]).OrderBy(z => z).ToList();
        Assert.Equal(["a", "b"], zones);
    }

    [Fact]
    public void Unschedulable_pods_are_retried_every_five_minutes_even_if_nothing_changes()
    {
        var cluster = TestCluster.Create();
        Create(cluster, Pod("big", cpu: "3"));
        cluster.RunUntilIdle();
        Assert.Single(Events(cluster, "big"));

        cluster.Advance(TimeSpan.FromMinutes(4));
        Assert.Equal(1, Events(cluster, "big").Single().Count ?? 1);
        cluster.Advance(TimeSpan.FromMinutes(2));

        var failed = Events(cluster, "big").Single();
        Assert.Equal(2, failed.Count);
        var retry = failed.LastTimestamp!.Value - TestCluster.Start;
        Assert.InRange(retry.TotalSeconds, 300, 331);
    }
}
