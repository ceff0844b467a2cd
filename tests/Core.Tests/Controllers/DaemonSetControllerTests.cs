using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Controllers;
using Playground.Core.Controllers.DaemonSets;
using Playground.Core.Scheduling;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using static Playground.Core.Tests.Controllers.Workloads;

namespace Playground.Core.Tests.Controllers;

/// <summary>DaemonSets driven through kubectl, with the simulation's scheduler and kubelets, checked against the write history.</summary>
public class DaemonSetControllerTests
{
    private static string Manifest(string image = "fluentd:v1", string strategy = "") => $$"""
        apiVersion: apps/v1
        kind: DaemonSet
        metadata:
          name: agent
        spec:{{strategy}}
          selector:
            matchLabels:
              app: agent
          template:
            metadata:
              labels:
                app: agent
            spec:
              containers:
              - name: agent
                image: {{image}}
        """;

    private static void Run(SimulatedCluster cluster) => cluster.RunUntilIdle(TimeSpan.FromMinutes(5));

    private static SimulatedCluster Running(Action<SimulatedCluster>? before = null)
    {
        var cluster = TestCluster.Create();
        before?.Invoke(cluster);
        var applied = cluster.Kubectl("kubectl apply -f -", Manifest());
        Assert.True(applied.ExitCode == 0, applied.Output);
        Run(cluster);
        return cluster;
    }

    private static Dictionary<string, Pod> ByNode(SimulatedCluster cluster) =>
        Pods(cluster, "agent").Where(p => p.Metadata.DeletionTimestamp is null).ToDictionary(p => p.Spec.NodeName ?? "", p => p);

    [Fact]
    public void The_status_kept_node_by_node_matches_a_count_of_the_pods_as_they_change_one_at_a_time()
    {
        var cluster = Running();
        var before = ByNode(cluster);

        // A pod released by a label change, one deleted, one turned unready: each a change on one node.
        Assert.Equal(0, cluster.Kubectl($"kubectl label pod {before["node-1"].Metadata.Name} app-").ExitCode);
        Run(cluster);
        Assert.Equal(0, cluster.Kubectl($"kubectl delete pod {before["node-2"].Metadata.Name} --wait=false").ExitCode);
        Run(cluster);
        TestKubelet.MarkNotReady(cluster, cluster.Api.Get<Pod>("default", ByNode(cluster)["node-3"].Metadata.Name!));
        cluster.RunPending();

        var ds = cluster.Api.Get<DaemonSet>("default", "agent");
        var owned = Pods(cluster, "agent").Where(p => ControllerRefs.ControllerOf(p)?.Uid == ds.Metadata.Uid && p.Metadata.DeletionTimestamp is null).ToList();
        Assert.Equal(["node-1", "node-2", "node-3"], owned.Select(p => p.Spec.NodeName).Order());
        Assert.DoesNotContain(owned, p => p.Metadata.Name == before["node-1"].Metadata.Name || p.Metadata.Name == before["node-2"].Metadata.Name);
        Assert.Null(ControllerRefs.ControllerOf(cluster.Api.Get<Pod>("default", before["node-1"].Metadata.Name!)));
        var status = ds.Status!;
        Assert.Equal((3, 3, 0, owned.Count(PodReadiness.IsReady), 3), (status.DesiredNumberScheduled, status.CurrentNumberScheduled, status.NumberMisscheduled, status.NumberReady, status.UpdatedNumberScheduled ?? 0));
        Assert.Equal(2, status.NumberReady);
        Assert.Equal((2, 1), (status.NumberAvailable ?? 0, status.NumberUnavailable ?? 0));
    }

    [Fact]
    public void One_pod_runs_on_every_node_pinned_by_node_affinity_and_placed_by_the_scheduler()
    {
        var cluster = Running();

        var pods = ByNode(cluster);
        Assert.Equal(["node-1", "node-2", "node-3"], pods.Keys.Order());
        foreach (var (node, pod) in pods)
        {
            Assert.True(PodReadiness.IsReady(pod), $"{pod.Metadata.Name} is not ready");
            var field = Assert.Single(Assert.Single(pod.Spec.Affinity!.NodeAffinity!.RequiredDuringSchedulingIgnoredDuringExecution!.NodeSelectorTerms).MatchFields!);
            Assert.Equal(("metadata.name", "In", node), (field.Key, field.Operator, Assert.Single(field.Values!)));
            Assert.Equal(DaemonSetController.Actor, cluster.Store.History(0).First(w => w.Key.Name == pod.Metadata.Name && w.Type == WriteType.Added).Actor);
            Assert.Equal(Scheduler.SchedulerName, cluster.Store.History(0).First(w => w.Key.Name == pod.Metadata.Name && ((Pod)w.Object).Spec.NodeName == node).Actor);
            Assert.Contains(pod.Spec.Tolerations!, t => (t.Key, t.Operator, t.Effect) == ("node.kubernetes.io/unreachable", "Exists", "NoExecute"));
            Assert.Contains(pod.Spec.Tolerations!, t => (t.Key, t.Operator, t.Effect) == ("node.kubernetes.io/unschedulable", "Exists", "NoSchedule"));
            Assert.Equal("1", pod.Metadata.Labels![DaemonPods.TemplateGenerationLabel]);
        }
        var status = cluster.Api.Get<DaemonSet>("default", "agent").Status!;
        Assert.Equal((3, 3, 3, 3, 3, 0), (status.DesiredNumberScheduled, status.CurrentNumberScheduled, status.NumberReady, status.UpdatedNumberScheduled, status.NumberAvailable, status.NumberMisscheduled));
        Assert.Matches("^NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\nagent   3         3         3       3            3           <none>          [0-9]+s\n$",
            cluster.Kubectl("kubectl get ds").Output);
        Assert.Equal(3, Events(cluster, "agent", "SuccessfulCreate").Count(e => e.Message!.StartsWith("Created pod: agent-", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_new_node_gets_its_daemon_pod_caused_by_the_node_registering()
    {
        var cluster = Running();
        var start = cluster.Store.Revision;

        var node = cluster.AddNode();
        Run(cluster);

        Assert.Equal("node-4", node);
        var pod = ByNode(cluster)[node];
        Assert.True(PodReadiness.IsReady(pod));
        var history = cluster.Store.History(start);
        var registered = history.First(w => w.Kind == "Node" && w.Key.Name == node && w.Type == WriteType.Added).Revision;
        var created = history.First(w => w.Key.Name == pod.Metadata.Name && w.Type == WriteType.Added);
        Assert.Equal(DaemonSetController.Actor, created.Actor);
        Assert.True(created.Cause >= registered, $"the pod was caused by revision {created.Cause}, before node-4 registered at {registered}");
        Assert.Equal(4, cluster.Api.Get<DaemonSet>("default", "agent").Status!.NumberAvailable);

        // A removed node's pods are orphans: the pod garbage collector deletes them after its quarantine, not the DaemonSet.
        cluster.RemoveNode(node);
        cluster.Advance(TimeSpan.FromMinutes(2));
        Run(cluster);
        Assert.DoesNotContain(node, ByNode(cluster).Keys);
        Assert.Equal((3, 3), (cluster.Api.Get<DaemonSet>("default", "agent").Status!.DesiredNumberScheduled, cluster.Api.Get<DaemonSet>("default", "agent").Status!.CurrentNumberScheduled));
    }

    [Fact]
    public void A_tainted_node_is_left_out_and_a_NoExecute_taint_removes_the_pod_already_there()
    {
        var cluster = Running(c => Assert.Equal(0, c.Kubectl("kubectl taint nodes node-2 dedicated=db:NoSchedule").ExitCode));

        Assert.Equal(["node-1", "node-3"], ByNode(cluster).Keys.Order());
        Assert.Equal(2, cluster.Api.Get<DaemonSet>("default", "agent").Status!.DesiredNumberScheduled);
        var start = cluster.Store.Revision;

        Assert.Equal(0, cluster.Kubectl("kubectl taint nodes node-3 maintenance=now:NoExecute").ExitCode);
        Run(cluster);

        Assert.Equal(["node-1"], ByNode(cluster).Keys.Order());
        var deleted = cluster.Store.History(start).First(w => w.Kind == "Pod" && ((Pod)w.Object).Spec.NodeName == "node-3" && ((Pod)w.Object).Metadata.DeletionTimestamp is not null);
        Assert.Contains(deleted.Actor, new[] { DaemonSetController.Actor, "taint-eviction-controller" });
        Assert.Equal((1, 1), (cluster.Api.Get<DaemonSet>("default", "agent").Status!.DesiredNumberScheduled, cluster.Api.Get<DaemonSet>("default", "agent").Status!.NumberAvailable));
    }

    [Fact]
    public void With_max_surge_a_new_pod_starts_beside_the_old_one_which_goes_once_the_new_is_available()
    {
        const string surge = "\n  updateStrategy:\n    rollingUpdate:\n      maxSurge: 1\n      maxUnavailable: 0";
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Manifest(strategy: surge)).ExitCode);
        Run(cluster);
        var start = cluster.Store.Revision;

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Manifest("fluentd:v2", surge)).ExitCode);
        Run(cluster);

        Assert.All(ByNode(cluster).Values, p => Assert.Equal("fluentd:v2", p.Spec.Containers[0].Image));
        var live = new Dictionary<string, Pod>();
        foreach (var write in cluster.Store.History(0).Where(w => w.Kind == "Pod" && w.Key.Namespace == "default"))
        {
            if (write.Type == WriteType.Deleted) live.Remove(write.Key.Name);
            else live[write.Key.Name] = (Pod)write.Object;
            if (write.Revision <= start) continue;
            var active = live.Values.Where(PodReadiness.IsActive).ToList();
            Assert.True(active.Count(PodReadiness.IsReady) >= 3, $"fewer than 3 daemon pods ready after revision {write.Revision} ({write.Actor})");
            Assert.True(active.Count <= 4, $"{active.Count} daemon pods after revision {write.Revision} ({write.Actor})");
        }
    }

    [Fact]
    public void A_rolling_update_replaces_one_node_at_a_time_and_can_be_undone()
    {
        var cluster = Running();
        var start = cluster.Store.Revision;

        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", Manifest("fluentd:v2")).ExitCode);
        Run(cluster);

        Assert.All(ByNode(cluster).Values, p => Assert.Equal("fluentd:v2", p.Spec.Containers[0].Image));
        Assert.All(ByNode(cluster).Values, p => Assert.Equal("2", p.Metadata.Labels![DaemonPods.TemplateGenerationLabel]));
        var live = new Dictionary<string, Pod>();
        foreach (var write in cluster.Store.History(0).Where(w => w.Kind == "Pod" && w.Key.Namespace == "default"))
        {
            if (write.Type == WriteType.Deleted) live.Remove(write.Key.Name);
            else live[write.Key.Name] = (Pod)write.Object;
            if (write.Revision <= start) continue;
            var ready = live.Values.Count(p => PodReadiness.IsActive(p) && PodReadiness.IsReady(p));
            Assert.True(ready >= 2, $"only {ready} daemon pods ready after revision {write.Revision} ({write.Actor})");
        }
        Assert.Equal("daemon set \"agent\" successfully rolled out\n", cluster.Kubectl("kubectl rollout status ds/agent").Output);
        Assert.Equal("daemonset.apps/agent \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n", cluster.Kubectl("kubectl rollout history ds/agent").Output);

        Assert.Equal("daemonset.apps/agent rolled back\n", cluster.Kubectl("kubectl rollout undo ds/agent").Output);
        Run(cluster);
        Assert.All(ByNode(cluster).Values, p => Assert.Equal("fluentd:v1", p.Spec.Containers[0].Image));
        var revisions = cluster.Api.List<ControllerRevision>("default").OrderBy(r => r.Revision).ToList();
        Assert.Equal([2L, 3L], revisions.Select(r => r.Revision));
    }
}
