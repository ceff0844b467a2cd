using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.ReplicaSets;
using Playground.Core.Storage;
using static Playground.Core.Tests.Controllers.Workloads;

namespace Playground.Core.Tests.Controllers;

public class ReplicaSetControllerTests
{
    private const string PodName = "^web-[bcdfghjklmnpqrstvwxz2456789]{5}$";

    [Fact]
    public void It_creates_pods_from_the_template_owned_by_the_replica_set_and_reports_them_in_status()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var rs = Apply(cluster, ReplicaSet("web", 3, "nginx:1.27"));

        var pods = Pods(cluster, "web");
        Assert.Equal(3, pods.Count);
        foreach (var pod in pods)
        {
            Assert.Matches(PodName, pod.Metadata.Name);
            Assert.Equal("web-", pod.Metadata.GenerateName);
            Assert.Equal("web", pod.Metadata.Labels!["app"]);
            Assert.Equal("nginx:1.27", pod.Spec.Containers[0].Image);
            var owner = Assert.Single(pod.Metadata.OwnerReferences!);
            Assert.Equal(("apps/v1", "ReplicaSet", "web", rs.Metadata.Uid), (owner.ApiVersion, owner.Kind, owner.Name, owner.Uid));
            Assert.True(owner.Controller);
            Assert.True(owner.BlockOwnerDeletion);
        }
        var created = Events(cluster, "web", "SuccessfulCreate");
        Assert.Equal(pods.Select(p => $"Created pod: {p.Metadata.Name}").Order(), created.Select(e => e.Message).Order());
        Assert.All(created, e => Assert.Equal(("Normal", ReplicaSetController.Actor), (e.Type, e.Source!.Component)));

        var status = cluster.Api.Get<ReplicaSet>("default", "web").Status!;
        Assert.Equal(3, status.Replicas);
        Assert.Equal(3, status.FullyLabeledReplicas);
        Assert.Null(status.ReadyReplicas);
        Assert.Equal(1, status.ObservedGeneration);

        // Every pod was created by the controller, caused by the kubectl write of the ReplicaSet.
        var podCreations = cluster.Store.History(0).Where(r => r.Kind == "Pod" && r.Type == WriteType.Added && r.Key.Namespace == "default").ToList();
        Assert.Equal(3, podCreations.Count);
        Assert.All(podCreations, w => Assert.Equal((ReplicaSetController.Actor, (long?)long.Parse(rs.Metadata.ResourceVersion!)), (w.Actor, w.Cause)));
    }

    [Fact]
    public void It_heals_after_a_pod_is_deleted_and_the_history_shows_why()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSet("web", 2, "nginx"));
        var victim = Pods(cluster, "web")[0];

        cluster.Api.Delete<Pod>("default", victim.Metadata.Name!, WriteContext.Kubectl);
        var deletedAt = cluster.Store.Revision;
        Settle(cluster);

        var pods = Pods(cluster, "web");
        Assert.Equal(2, pods.Count);
        Assert.DoesNotContain(pods, p => p.Metadata.Name == victim.Metadata.Name);
        var after = cluster.Store.History(deletedAt).ToList();
        var replacement = Assert.Single(after, r => r.Kind == "Pod" && r.Type == WriteType.Added);
        Assert.Equal((ReplicaSetController.Actor, (long?)deletedAt), (replacement.Actor, replacement.Cause));
        Assert.Contains(after, r => r.Kind == "Event" && ((Event)r.Object).Message == $"Created pod: {replacement.Key.Name}" && r.Cause == deletedAt);
        Assert.DoesNotContain(after, r => r.Kind == "Pod" && r.Type == WriteType.Deleted);
    }

    [Fact]
    public void Scaling_down_deletes_not_ready_pods_before_ready_ones()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSet("web", 3, "nginx"));
        var keep = Pods(cluster, "web")[1];
        TestKubelet.MarkReady(cluster, keep);
        Settle(cluster);

        Edit<ReplicaSet>(cluster, "web", rs => rs.Spec.Replicas = 1);

        var remaining = Assert.Single(Pods(cluster, "web"));
        Assert.Equal(keep.Metadata.Name, remaining.Metadata.Name);
        var deleted = Events(cluster, "web", "SuccessfulDelete");
        Assert.Equal(2, deleted.Count);
        Assert.All(deleted, e => Assert.StartsWith("Deleted pod: web-", e.Message));
        var status = cluster.Api.Get<ReplicaSet>("default", "web").Status!;
        Assert.Equal((1, 1, 2L), (status.Replicas, status.ReadyReplicas, status.ObservedGeneration));
    }

    [Fact]
    public void It_adopts_a_matching_orphan_pod_instead_of_creating_another()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var orphan = cluster.Api.Create(new Pod
        {
            Metadata = new ObjectMeta { Name = "stray", Namespace = "default", Labels = new() { ["app"] = "web" } },
            Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "nginx" }] },
        }, WriteContext.Kubectl);

        var rs = Apply(cluster, ReplicaSet("web", 2, "nginx"));

        var pods = Pods(cluster, "web");
        Assert.Equal(2, pods.Count);
        var adopted = Assert.Single(pods, p => p.Metadata.Name == "stray");
        Assert.Equal(rs.Metadata.Uid, Assert.Single(adopted.Metadata.OwnerReferences!).Uid);
        var adoption = cluster.Store.History(0).Last(r => r.Key.Name == "stray");
        Assert.Equal((WriteType.Modified, ReplicaSetController.Actor), (adoption.Type, adoption.Actor));
        Assert.Single(Events(cluster, "web", "SuccessfulCreate"));
        Assert.Equal(orphan.Metadata.Uid, adopted.Metadata.Uid);
    }

    [Fact]
    public void Ready_pods_count_as_available_only_after_min_ready_seconds()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSet("web", 2, "nginx", minReadySeconds: 10));
        TestKubelet.MarkAllReady(cluster, "web");

        var status = cluster.Api.Get<ReplicaSet>("default", "web").Status!;
        Assert.Equal(2, status.ReadyReplicas);
        Assert.Null(status.AvailableReplicas);

        cluster.Advance(TimeSpan.FromSeconds(12));

        Assert.Equal(2, cluster.Api.Get<ReplicaSet>("default", "web").Status!.AvailableReplicas);
    }

    [Fact]
    public void Syncing_a_converged_replica_set_writes_nothing()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSet("web", 2, "nginx"));
        TestKubelet.MarkAllReady(cluster, "web");
        var revision = cluster.Store.Revision;

        // A label change elsewhere in the namespace wakes the controller but changes nothing it owns.
        Edit<ReplicaSet>(cluster, "web", rs => rs.Metadata.Labels = new() { ["team"] = "a" });

        Assert.Equal(revision + 1, cluster.Store.Revision);
    }

    [Fact]
    public void A_terminating_pod_no_longer_counts_and_is_replaced_at_once()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSet("web", 2, "nginx"));
        var pod = Pods(cluster, "web")[0];
        // Bound to a node, the pod is deleted gracefully: it keeps running until its kubelet finishes it.
        cluster.Api.Bind("default", pod.Metadata.Name!, "node-x", new WriteContext("default-scheduler"));

        cluster.Api.Delete<Pod>("default", pod.Metadata.Name!, WriteContext.Kubectl);
        var deletedAt = cluster.Store.Revision;
        Settle(cluster);

        var pods = Pods(cluster, "web");
        Assert.Equal(3, pods.Count);
        Assert.NotNull(pods.Single(p => p.Metadata.Name == pod.Metadata.Name).Metadata.DeletionTimestamp);
        var replacement = cluster.Store.History(deletedAt).Single(w => w.Kind == "Pod" && w.Type == WriteType.Added);
        Assert.Equal((ReplicaSetController.Actor, (long?)deletedAt), (replacement.Actor, replacement.Cause));
        Assert.Equal(2, cluster.Api.Get<ReplicaSet>("default", "web").Status!.Replicas);
    }

    [Fact]
    public void A_pod_relabelled_out_of_the_selector_is_released_and_replaced()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSet("web", 2, "nginx"));
        var quarantined = Pods(cluster, "web")[0].Metadata.Name!;

        Edit<Pod>(cluster, quarantined, p => p.Metadata.Labels!["app"] = "debug");

        var released = cluster.Api.Get<Pod>("default", quarantined);
        Assert.Null(released.Metadata.OwnerReferences);
        Assert.Equal(ReplicaSetController.Actor, cluster.Store.History(0).Last(w => w.Key.Name == quarantined).Actor);
        Assert.Equal(2, Pods(cluster, "web").Count);
        Assert.DoesNotContain(Pods(cluster, "web"), p => p.Metadata.Name == quarantined);
    }

    [Fact]
    public void Readiness_changes_of_a_settled_replica_set_show_in_its_status()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSet("web", 3, "nginx"));
        var pods = Pods(cluster, "web");

        TestKubelet.MarkReady(cluster, pods[0]);
        Settle(cluster);
        var status = cluster.Api.Get<ReplicaSet>("default", "web").Status!;
        Assert.Equal((3, 1, 1), (status.Replicas, status.ReadyReplicas, status.AvailableReplicas));

        TestKubelet.MarkAllReady(cluster, "web");
        TestKubelet.MarkNotReady(cluster, cluster.Api.Get<Pod>("default", pods[1].Metadata.Name!));
        Settle(cluster);
        status = cluster.Api.Get<ReplicaSet>("default", "web").Status!;
        Assert.Equal((3, 2, 2), (status.Replicas, status.ReadyReplicas, status.AvailableReplicas));
        Assert.Equal(3, Pods(cluster, "web").Count);
    }

    [Fact]
    public void A_pod_that_loses_a_template_label_outside_the_selector_stays_owned_but_is_not_fully_labeled()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var manifest = ReplicaSet("web", 2, "nginx");
        manifest.Spec.Template!.Metadata!.Labels!["tier"] = "front";
        var rs = Apply(cluster, manifest);
        var pod = Pods(cluster, "web")[0].Metadata.Name!;

        Edit<Pod>(cluster, pod, p => p.Metadata.Labels!.Remove("tier"));

        Assert.Equal(rs.Metadata.Uid, Assert.Single(cluster.Api.Get<Pod>("default", pod).Metadata.OwnerReferences!).Uid);
        var status = cluster.Api.Get<ReplicaSet>("default", "web").Status!;
        Assert.Equal((2, 1), (status.Replicas, status.FullyLabeledReplicas));
        Assert.Equal(2, Pods(cluster, "web").Count);
    }

    [Fact]
    public void An_orphan_that_matches_a_settled_replica_set_is_adopted_and_the_surplus_deleted()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var rs = Apply(cluster, ReplicaSet("web", 2, "nginx"));

        cluster.Api.Create(new Pod
        {
            Metadata = new ObjectMeta { Name = "stray", Namespace = "default", Labels = new() { ["app"] = "web" } },
            Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "nginx" }] },
        }, WriteContext.Kubectl);
        Settle(cluster);

        var adoption = cluster.Store.History(0).First(w => w.Key.Name == "stray" && w.Type == WriteType.Modified);
        Assert.Equal(ReplicaSetController.Actor, adoption.Actor);
        Assert.Equal(rs.Metadata.Uid, Assert.Single(adoption.Object.Metadata.OwnerReferences!).Uid);
        Assert.Single(Events(cluster, "web", "SuccessfulDelete"));
        Assert.Equal(2, cluster.Api.Get<ReplicaSet>("default", "web").Status!.Replicas);
        Assert.Equal(2, Pods(cluster, "web").Count(p => p.Metadata.DeletionTimestamp is null));
    }

    [Fact]
    public void Orphans_are_adopted_in_name_order_whatever_order_they_were_created_in()
    {
        var cluster = TestCluster.Create(nodes: 0);
        foreach (var name in new[] { "web-c", "web-a", "web-b" })
        {
            cluster.Api.Create(new Pod
            {
                Metadata = new ObjectMeta { Name = name, Namespace = "default", Labels = new() { ["app"] = "web" } },
                Spec = new PodSpec { Containers = [new Container { Name = "web", Image = "nginx" }] },
            }, WriteContext.Kubectl);
        }

        Apply(cluster, ReplicaSet("web", 3, "nginx"));

        var adoptions = cluster.Store.History(0)
            .Where(w => w.Kind == "Pod" && w.Type == WriteType.Modified && w.Actor == ReplicaSetController.Actor)
            .Select(w => w.Key.Name);
        Assert.Equal(["web-a", "web-b", "web-c"], adoptions);
        Assert.Empty(Events(cluster, "web", "SuccessfulCreate"));
    }
}
