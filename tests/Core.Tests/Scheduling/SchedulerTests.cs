using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Scheduling;
using Playground.Core.Simulation;
using static Playground.Core.Tests.Scheduling.TestPods;

namespace Playground.Core.Tests.Scheduling;

public class SchedulerTests
{
    [Fact]
    public void A_pod_that_fits_is_bound_with_a_Scheduled_event_by_the_scheduler()
    {
        var cluster = TestCluster.Create();

        var pod = Create(cluster, Pod("web", cpu: "500m"));

        var bound = Get(cluster, "web");
        Assert.StartsWith("node-", bound.Spec.NodeName);
        var binding = Writes(cluster, "web")[1];
        Assert.Equal(("default-scheduler", long.Parse(pod.Metadata.ResourceVersion!)), (binding.Actor, binding.Cause!.Value));
        var scheduled = Assert.Single(Events(cluster, "web"));
        Assert.Equal(("Normal", "Scheduled", $"Successfully assigned default/web to {bound.Spec.NodeName}", "default-scheduler"),
            (scheduled.Type, scheduled.Reason, scheduled.Message, scheduled.Source!.Component));
        Assert.Contains(bound.Status!.Conditions!, c => c is { Type: "PodScheduled", Status: "True" });
    }

    [Fact]
    public void A_pod_too_big_for_every_node_gets_upstreams_FailedScheduling_message_and_condition()
    {
        var cluster = TestCluster.Create();

        Create(cluster, Pod("big", cpu: "3"));

        const string message = "0/3 nodes are available: 3 Insufficient cpu. preemption: 0/3 nodes are available: 3 No preemption victims found for incoming pod..";
        var failed = Assert.Single(Events(cluster, "big"));
        Assert.Equal(("Warning", "FailedScheduling", message, "default-scheduler"), (failed.Type, failed.Reason, failed.Message, failed.Source!.Component));
        var pod = Get(cluster, "big");
        Assert.Null(pod.Spec.NodeName);
        Assert.Equal("Pending", pod.Status!.Phase);
        var condition = Assert.Single(pod.Status.Conditions!);
        Assert.Equal(("PodScheduled", "False", "Unschedulable", message), (condition.Type, condition.Status, condition.Reason, condition.Message));
        Assert.Equal("default-scheduler", Writes(cluster, "big")[^1].Actor);
    }

    [Fact]
    public void Each_nodes_reason_is_counted_and_the_reasons_are_sorted_as_upstream_sorts_them()
    {
        var cluster = TestCluster.Create();
        Cordon(cluster, "node-1");
        Taint(cluster, "node-2", "dedicated", "gpu", "NoSchedule");
        Create(cluster, Pod("filler", cpu: "1500m"));
        Assert.Equal("node-3", Get(cluster, "filler").Spec.NodeName);

        Create(cluster, Pod("web", cpu: "1"));

        Assert.Equal(
            "0/3 nodes are available: 1 Insufficient cpu, 1 node(s) had untolerated taint {dedicated: gpu}, 1 node(s) were unschedulable. " +
            "preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
            Events(cluster, "web").Single(e => e.Reason == "FailedScheduling").Message);
    }

    [Fact]
    public void Memory_and_pod_count_are_checked_too()
    {
        var cluster = SimulatedCluster.Create(new ClusterOptions { Nodes = 1, MaxPods = 1, Start = TestCluster.Start });
        Create(cluster, Pod("first"));

        Create(cluster, Pod("second", memory: "8Gi"));

        Assert.Equal(
            "0/1 nodes are available: 1 Insufficient memory, 1 Too many pods. preemption: 0/1 nodes are available: 1 No preemption victims found for incoming pod..",
            Assert.Single(Events(cluster, "second")).Message);
    }

    [Fact]
    public void A_pod_that_may_not_preempt_says_so()
    {
        var cluster = TestCluster.Create(nodes: 1);
        var pod = Pod("polite", cpu: "4");
        pod.Spec.PreemptionPolicy = "Never";

        Create(cluster, pod);

        Assert.Equal("0/1 nodes are available: 1 Insufficient cpu. preemption: not eligible due to preemptionPolicy=Never..", Assert.Single(Events(cluster, "polite")).Message);
    }

    [Fact]
    public void With_no_nodes_the_scheduler_says_there_are_none()
    {
        var cluster = TestCluster.Create(nodes: 0);

        Create(cluster, Pod("web"));

        Assert.Equal("no nodes available to schedule pods", Assert.Single(Events(cluster, "web")).Message);
    }

    [Fact]
    public void A_pod_pinned_by_node_name_affinity_is_filtered_on_that_node_only_and_the_others_are_counted_under_NodeAffinity()
    {
        var cluster = TestCluster.Create();
        var pinned = Pod("pinned", cpu: "3");
        pinned.Spec.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                {
                    NodeSelectorTerms = [new NodeSelectorTerm { MatchFields = [new() { Key = "metadata.name", Operator = "In", Values = ["node-2"] }] }],
                },
            },
        };

        Create(cluster, pinned);

        Assert.Equal(
            "0/3 nodes are available: 1 Insufficient cpu, 2 node(s) didn't satisfy plugin(s) [NodeAffinity]. " +
            "preemption: 0/3 nodes are available: 1 No preemption victims found for incoming pod, 2 Preemption is not helpful for scheduling..",
            Events(cluster, "pinned").Single().Message);
        var scheduler = cluster.Components.OfType<Scheduler>().Single();
        var attempt = scheduler.Log.Last(Get(cluster, "pinned").Metadata.Uid!)!;
        Assert.Equal(["node-2"], attempt.Nodes.Select(n => n.Node));
    }

    [Fact]
    public void Node_name_terms_that_conflict_are_a_PreFilter_rejection_in_upstreams_words()
    {
        var cluster = TestCluster.Create();
        var pinned = Pod("nowhere");
        pinned.Spec.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                {
                    NodeSelectorTerms = [new NodeSelectorTerm
                    {
                        MatchFields =
                        [
                            new() { Key = "metadata.name", Operator = "In", Values = ["node-1"] },
                            new() { Key = "metadata.name", Operator = "In", Values = ["node-2"] },
                        ],
                    }],
                },
            },
        };

        Create(cluster, pinned);

        Assert.Equal(
            "0/3 nodes are available: pod affinity terms conflict. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.",
            Events(cluster, "nowhere").Single().Message);
    }

    [Fact]
    public void A_node_selector_picks_the_node_and_a_label_added_later_lets_a_waiting_pod_in()
    {
        var cluster = TestCluster.Create();
        var pinned = Pod("pinned");
        pinned.Spec.NodeSelector = new() { ["kubernetes.io/hostname"] = "node-2" };
        var ssd = Pod("ssd");
        ssd.Spec.NodeSelector = new() { ["disktype"] = "ssd" };

        Create(cluster, pinned);
        Create(cluster, ssd);

        Assert.Equal("node-2", Get(cluster, "pinned").Spec.NodeName);
        Assert.Null(Get(cluster, "ssd").Spec.NodeName);
        Assert.Equal(
            "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector. preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling..",
            Events(cluster, "ssd").Single().Message);

        Label(cluster, "node-3", "disktype", "ssd");
        cluster.RunUntilIdle();

        var scheduled = Get(cluster, "ssd");
        Assert.Equal("node-3", scheduled.Spec.NodeName);
        var labelWrite = cluster.Store.History(0).Last(w => w.Kind == "Node" && w.Actor == "kubectl");
        Assert.Equal(labelWrite.Revision, Writes(cluster, "ssd").Single(w => w.Object is Pod { Spec.NodeName: "node-3" } && w.Actor == "default-scheduler").Cause);
    }

    [Fact]
    public void Required_node_affinity_is_honoured()
    {
        var cluster = TestCluster.Create();
        var pod = Pod("web");
        pod.Spec.Affinity = new Affinity
        {
            NodeAffinity = new NodeAffinity
            {
                RequiredDuringSchedulingIgnoredDuringExecution = new NodeSelector
                {
                    NodeSelectorTerms =
                    [
                        new NodeSelectorTerm { MatchExpressions = [new() { Key = "kubernetes.io/hostname", Operator = "NotIn", Values = ["node-1", "node-2"] }] },
                    ],
                },
            },
        };

        Create(cluster, pod);

        Assert.Equal("node-3", Get(cluster, "web").Spec.NodeName);
    }

    [Fact]
    public void Pods_spread_over_the_nodes_by_least_allocated_scoring()
    {
        var cluster = TestCluster.Create();

        for (var i = 0; i < 6; i++) Create(cluster, Pod($"web-{i}", cpu: "250m", memory: "256Mi"));

        var perNode = cluster.Api.List<Pod>("default").GroupBy(p => p.Spec.NodeName).ToDictionary(g => g.Key!, g => g.Count());
        Assert.Equal(new Dictionary<string, int> { ["node-1"] = 2, ["node-2"] = 2, ["node-3"] = 2 }, perNode);
    }

    [Fact]
    public void The_seed_decides_ties_so_a_run_is_reproducible()
    {
        static string[] Placement(int seed)
        {
            var cluster = SimulatedCluster.Create(new ClusterOptions { Seed = seed, Start = TestCluster.Start });
            for (var i = 0; i < 5; i++) Create(cluster, Pod($"web-{i}"));
            return [.. Enumerable.Range(0, 5).Select(i => Get(cluster, $"web-{i}").Spec.NodeName!)];
        }

        Assert.Equal(Placement(7), Placement(7));
    }

    [Fact]
    public void Deleting_a_pod_frees_room_and_the_waiting_pod_is_scheduled()
    {
        var cluster = TestCluster.Create(nodes: 1);
        Create(cluster, Pod("first", cpu: "1500m"));
        Create(cluster, Pod("second", cpu: "1"));
        Assert.Null(Get(cluster, "second").Spec.NodeName);

        cluster.Api.Delete<Pod>("default", "first", WriteContext.Kubectl);
        cluster.RunUntilIdle();

        Assert.Equal("node-1", Get(cluster, "second").Spec.NodeName);
        Assert.Null(cluster.Api.TryGet<Pod>("default", "first"));
    }

    [Fact]
    public void A_waiting_pod_retried_too_soon_backs_off_before_it_is_tried_again()
    {
        var cluster = TestCluster.Create(nodes: 1);
        Create(cluster, Pod("big", cpu: "3"));
        var scheduler = cluster.Components.OfType<Scheduler>().Single();
        Assert.Equal(SchedulingQueue.Place.Unschedulable, scheduler.Queue.PlaceOf("default/big"));

        Label(cluster, "node-1", "zone", "a");

        Assert.Equal(SchedulingQueue.Place.Backoff, scheduler.Queue.PlaceOf("default/big"));
        cluster.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(2, scheduler.Log.For(Get(cluster, "big").Metadata.Uid!).Count);
    }

    [Fact]
    public void Every_attempt_is_logged_with_each_nodes_verdict_and_scores()
    {
        var cluster = TestCluster.Create();
        Cordon(cluster, "node-1");
        var scheduler = cluster.Components.OfType<Scheduler>().Single();

        var pod = Create(cluster, Pod("web", cpu: "1", memory: "1Gi"));

        var attempt = Assert.Single(scheduler.Log.For(pod.Metadata.Uid!));
        Assert.Equal("default/web", attempt.Pod);
        Assert.Equal(Get(cluster, "web").Spec.NodeName, attempt.SelectedNode);
        var cordoned = attempt.Nodes.Single(n => n.Node == "node-1");
        Assert.Equal(("NodeUnschedulable", "node(s) were unschedulable"), (cordoned.RejectedBy, Assert.Single(cordoned.Reasons)));
        // node-3 runs only kube-proxy, which requests nothing (CoreDNS went to node-1 and node-2).
        var feasible = attempt.Nodes.Single(n => n.Node == "node-3");
        Assert.True(feasible.Feasible);
        var scores = feasible.Score!.Plugins.ToDictionary(p => p.Plugin);
        Assert.Equal(["TaintToleration", "NodeResourcesFit", "NodeResourcesBalancedAllocation", "ImageLocality"], feasible.Score.Plugins.Select(p => p.Plugin));
        Assert.Equal((100, 3), (scores["TaintToleration"].Normalized, scores["TaintToleration"].Weight));
        // LeastAllocated counts kube-proxy at the non-zero defaults (100m, 200Mi):
        // cpu (2000 - 1100) × 100 / 2000 = 45, memory (4096Mi - 1224Mi) × 100 / 4096Mi = 70, averaged.
        Assert.Equal(57, scores["NodeResourcesFit"].Normalized);
        // Balanced uses the real requests: fractions 0.5 and 0.25, deviation 0.125.
        Assert.Equal(87, scores["NodeResourcesBalancedAllocation"].Normalized);
        // No node holds nginx yet, so image locality gives nothing.
        Assert.Equal(0, scores["ImageLocality"].Normalized);
        Assert.Equal(300 + 57 + 87, feasible.Score.Total);
    }

    [Fact]
    public void A_higher_priority_pod_preempts_a_lower_priority_one()
    {
        var cluster = TestCluster.Create(nodes: 1);
        Create(cluster, Pod("low", cpu: "1500m"));
        cluster.RunUntilIdle();
        var important = Pod("important", cpu: "1");
        important.Spec.Priority = 1000;

        Create(cluster, important);

        var low = Get(cluster, "low");
        Assert.NotNull(low.Metadata.DeletionTimestamp);
        Assert.Contains(low.Status!.Conditions!, c => c is { Type: "DisruptionTarget", Reason: "PreemptionByScheduler" });
        var preempted = Events(cluster, "low").Single(e => e.Reason == "Preempted");
        Assert.Equal($"Preempted by pod {Get(cluster, "important").Metadata.Uid} on node node-1", preempted.Message);
        Assert.Equal("node-1", Get(cluster, "important").Status!.NominatedNodeName);

        cluster.RunUntilIdle();

        Assert.Null(cluster.Api.TryGet<Pod>("default", "low"));
        Assert.Equal("node-1", Get(cluster, "important").Spec.NodeName);
    }
}
