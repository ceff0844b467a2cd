using Playground.Core.Api.Coordination;
using Playground.Core.Api.Core;
using Playground.Core.Controllers.NodeLifecycle;
using Playground.Core.Controllers.TaintEviction;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Controllers;

/// <summary>Self-healing after a machine dies: heartbeats stop, NotReady, unreachable taints, eviction, replacements elsewhere; then recovery.</summary>
public class NodeFailureTests
{
    [Fact]
    public void Kubelets_renew_their_lease_every_ten_seconds_in_the_background()
    {
        var cluster = TestCluster.Create();
        var lease = cluster.Api.Get<Lease>("kube-node-lease", "node-1");
        Assert.Equal(("node-1", 40, "Node"), (lease.Spec.HolderIdentity, lease.Spec.LeaseDurationSeconds, lease.Metadata.OwnerReferences![0].Kind));

        Assert.True(cluster.RunUntilIdle());
        cluster.Advance(TimeSpan.FromSeconds(30));

        Assert.Equal(TestCluster.Start.AddSeconds(30), cluster.Api.Get<Lease>("kube-node-lease", "node-1").Spec.RenewTime);
        Assert.Contains("node-1   node-1", cluster.Kubectl("kubectl get leases -n kube-node-lease").Output);
    }

    [Fact]
    public void A_failed_nodes_pods_are_evicted_after_their_toleration_and_come_back_on_other_nodes()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=3");
        cluster.RunUntilIdle();
        var victim = cluster.Api.List<Pod>("default").First().Spec.NodeName!;
        var doomed = cluster.Api.List<Pod>("default").Where(p => p.Spec.NodeName == victim).Select(p => p.Metadata.Name!).ToList();
        var failedAt = cluster.Clock.Now;
        var mark = cluster.Store.Revision;

        cluster.FailNode(victim);
        cluster.Advance(TimeSpan.FromSeconds(60));

        var node = cluster.Api.Get<Node>(null, victim);
        Assert.All(node.Status!.Conditions!, c => Assert.Equal(("Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status."), (c.Status, c.Reason, c.Message)));
        Assert.Equal([$"{NodeTaints.Unreachable}:NoSchedule", $"{NodeTaints.Unreachable}:NoExecute"], node.Spec.Taints!.Select(t => $"{t.Key}:{t.Effect}"));
        Assert.Contains($"{victim}   NotReady", cluster.Kubectl("kubectl get nodes").Output);
        Assert.All(doomed, name => Assert.Equal("False", cluster.Api.Get<Pod>("default", name).Status!.Conditions!.Single(c => c.Type == "Ready").Status));
        var notReady = cluster.Api.List<Event>("default").Single(e => e.Reason == "NodeNotReady" && e.InvolvedObject.Kind == "Node");
        Assert.Equal(($"Node {victim} status is now: NodeNotReady", "node-controller"), (notReady.Message, notReady.Source!.Component));
        // The grace period runs from the last heartbeat heard, checked every 5 s.
        var unknownAt = node.Status.Conditions![0].LastTransitionTime!.Value;
        Assert.InRange(unknownAt - failedAt, NodeLifecycleController.GracePeriod, NodeLifecycleController.GracePeriod + TimeSpan.FromSeconds(15));
        Assert.All(doomed, name => Assert.Null(cluster.Api.Get<Pod>("default", name).Metadata.DeletionTimestamp));

        cluster.Advance(TimeSpan.FromSeconds(300));

        var history = cluster.Store.History(mark);
        WriteRecord First(Func<WriteRecord, bool> match) => history.First(match);
        var unknown = First(w => w.Key.Resource == "nodes" && w.Actor == NodeLifecycleController.Actor && ((Node)w.Object).Status!.Conditions!.Any(c => c.Status == "Unknown"));
        var tainted = First(w => w.Key.Resource == "nodes" && ((Node)w.Object).Spec.Taints?.Any(t => t.Effect == "NoExecute") == true);
        var evicted = First(w => w.Key.Resource == "pods" && doomed.Contains(w.Key.Name) && w.Object.Metadata.DeletionTimestamp is not null);
        var replacement = First(w => w.Type == WriteType.Added && w.Key.Resource == "pods");
        var bound = First(w => w.Key.Name == replacement.Key.Name && ((Pod)w.Object).Spec.NodeName is not null);
        Assert.Equal(NodeLifecycleController.Actor, tainted.Actor);
        Assert.Equal(TaintEvictionController.Actor, evicted.Actor);
        Assert.Equal("replicaset-controller", replacement.Actor);
        Assert.Equal("default-scheduler", bound.Actor);
        Assert.True(unknown.Revision < tainted.Revision && tainted.Revision < evicted.Revision && evicted.Revision < replacement.Revision && replacement.Revision < bound.Revision);
        Assert.Equal(TimeSpan.FromSeconds(300), evicted.Time - tainted.Time);
        Assert.Equal("Taint manager: deleting due to NoExecute taint",
            ((Pod)First(w => w.Key.Name == evicted.Key.Name && w.Actor == TaintEvictionController.Actor).Object).Status!.Conditions!.Single(c => c.Type == "DisruptionTarget").Message);
        Assert.Contains(cluster.Api.List<Event>("default"), e => e.Reason == "TaintManagerEviction" && e.Message == $"Marking for deletion Pod default/{doomed[0]}");

        cluster.RunUntilIdle();
        var pods = cluster.Api.List<Pod>("default");
        // The kubelet that would finish the graceful deletion is off: the old pods stay Terminating, as upstream.
        Assert.All(doomed, name => Assert.NotNull(pods.Single(p => p.Metadata.Name == name).Metadata.DeletionTimestamp));
        var live = pods.Where(p => p.Metadata.DeletionTimestamp is null).ToList();
        Assert.Equal(3, live.Count);
        Assert.All(live, p => Assert.NotEqual(victim, p.Spec.NodeName));
        Assert.All(live, p => Assert.Equal("Running", p.Status!.Phase));
        Assert.Contains("Terminating", cluster.Kubectl("kubectl get pods").Output);
    }

    [Fact]
    public void A_recovered_node_turns_ready_loses_its_taints_and_finishes_its_terminating_pods()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=3");
        cluster.RunUntilIdle();
        cluster.FailNode("node-2");
        cluster.Advance(TimeSpan.FromMinutes(7));
        cluster.RunUntilIdle();
        var mark = cluster.Store.Revision;

        cluster.RecoverNode("node-2");
        cluster.Advance(TimeSpan.FromSeconds(15));
        cluster.RunUntilIdle();

        var node = cluster.Api.Get<Node>(null, "node-2");
        Assert.Equal("True", node.Status!.Conditions!.Single(c => c.Type == "Ready").Status);
        Assert.Null(node.Spec.Taints);
        Assert.Contains("node-2   Ready ", cluster.Kubectl("kubectl get nodes").Output);
        Assert.Contains(cluster.Store.History(mark), w => w.Key.Resource == "nodes" && w.Actor == NodeLifecycleController.Actor);
        Assert.Contains(cluster.Api.List<Event>("default"), e => e.Reason == "NodeReady" && e.Message == "Node node-2 status is now: NodeReady");
        var pods = cluster.Api.List<Pod>("default");
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.Null(p.Metadata.DeletionTimestamp));

        cluster.Kubectl("kubectl scale deployment web --replicas=9");
        cluster.RunUntilIdle();
        Assert.Contains(cluster.Api.List<Pod>("default"), p => p.Spec.NodeName == "node-2");
    }

    [Fact]
    public void The_power_switch_is_the_nodes_annotation_so_editing_it_by_hand_also_works()
    {
        var cluster = TestCluster.Create();
        cluster.Kubectl("kubectl annotate node node-1 playground.k8s.io/powered-off=true");
        cluster.Advance(TimeSpan.FromSeconds(80));
        Assert.Contains("node-1   NotReady", cluster.Kubectl("kubectl get nodes").Output);

        cluster.Kubectl("kubectl annotate node node-1 playground.k8s.io/powered-off-");
        cluster.Advance(TimeSpan.FromSeconds(20));

        Assert.Contains("node-1   Ready ", cluster.Kubectl("kubectl get nodes").Output);
        Assert.Contains(cluster.Api.List<Event>("default"), e => e.Reason == "Starting" && e.Message == "Starting kubelet.");
    }

    [Fact]
    public void A_failed_node_stays_failed_after_a_restore()
    {
        var cluster = TestCluster.Create();
        cluster.FailNode("node-3");
        cluster.Advance(TimeSpan.FromSeconds(60));
        var restored = SimulatedCluster.Restore(new ClusterState(cluster.Clock.Now, cluster.Store.Revision, [.. cluster.Store.All()], cluster.Options, cluster.Store.History(0)));

        restored.Advance(TimeSpan.FromMinutes(2));

        // Waking a stored sandbox is no news: the restored controller does not register the nodes again.
        Assert.Equal(3, restored.Api.List<Event>("default").Count(e => e.Reason == "RegisteredNode"));

        Assert.Equal("Unknown", restored.Api.Get<Node>(null, "node-3").Status!.Conditions!.Single(c => c.Type == "Ready").Status);
        Assert.Equal(TestCluster.Start.AddMinutes(3), restored.Api.Get<Lease>("kube-node-lease", "node-1").Spec.RenewTime);
    }

    [Fact]
    public void Added_nodes_register_and_removed_nodes_lose_their_pods_to_the_pod_garbage_collector()
    {
        var cluster = TestCluster.Create(nodes: 1);
        Assert.Equal("node-2", cluster.AddNode());
        Assert.Equal("True", cluster.Api.Get<Node>(null, "node-2").Status!.Conditions!.Single(c => c.Type == "Ready").Status);
        cluster.Advance(TimeSpan.FromSeconds(10));
        Assert.Contains(cluster.Api.List<Event>("default"), e => e.Reason == "RegisteredNode" && e.Message == "Node node-2 event: Registered Node node-2 in Controller");
        cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=4");
        cluster.RunUntilIdle();
        Assert.Contains(cluster.Api.List<Pod>("default"), p => p.Spec.NodeName == "node-2");
        var mark = cluster.Store.Revision;

        cluster.RemoveNode("node-2");
        cluster.Advance(TimeSpan.FromSeconds(90));
        cluster.RunUntilIdle();

        Assert.Null(cluster.Api.TryGet<Node>(null, "node-2"));
        Assert.Contains(cluster.Store.History(mark), w => w.Type == WriteType.Deleted && w.Key.Resource == "pods" && w.Actor == "pod-garbage-collector");
        var pods = cluster.Api.List<Pod>("default");
        Assert.Equal(4, pods.Count);
        Assert.All(pods, p => Assert.Equal("node-1", p.Spec.NodeName));
        Assert.Contains(cluster.Api.List<Event>("default"), e => e.Reason == "RemovingNode" && e.Message == "Node node-2 event: Removing Node node-2 from Controller");
    }
}
