using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Controllers;
using Playground.Core.Controllers.Deployments;
using Playground.Core.Controllers.ReplicaSets;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using static Playground.Core.Tests.Controllers.Workloads;

namespace Playground.Core.Tests.Controllers;

public class DeploymentControllerTests
{
    private const string Hash = "[bcdfghjklmnpqrstvwxz2456789]{1,10}";

    private static Deployment Deploy(SimulatedCluster cluster, Deployment deployment, bool ready = true)
    {
        Apply(cluster, deployment);
        if (ready) TestKubelet.MarkAllReady(cluster, deployment.Metadata.Name!);
        return cluster.Api.Get<Deployment>("default", deployment.Metadata.Name!);
    }

    [Fact]
    public void A_deployment_gets_a_hashed_replica_set_whose_pods_it_owns_and_reports()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var manifest = Deployment("web", 3, "nginx:1.27");
        manifest.Metadata.Annotations = new() { ["kubernetes.io/change-cause"] = "first", ["kubectl.kubernetes.io/last-applied-configuration"] = "{}" };
        var deployment = Deploy(cluster, manifest);

        var rs = Assert.Single(ReplicaSets(cluster, "web"));
        var hash = rs.Metadata.Labels!["pod-template-hash"];
        Assert.Matches($"^{Hash}$", hash);
        Assert.Equal($"web-{hash}", rs.Metadata.Name);
        Assert.Equal(hash, rs.Spec.Selector!.MatchLabels!["pod-template-hash"]);
        Assert.Equal(hash, rs.Spec.Template!.Metadata!.Labels!["pod-template-hash"]);
        Assert.Equal(3, rs.Spec.Replicas);
        Assert.Equal(("1", "3", "4"), (rs.Metadata.Annotations!["deployment.kubernetes.io/revision"],
            rs.Metadata.Annotations["deployment.kubernetes.io/desired-replicas"], rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]));
        Assert.Equal("first", rs.Metadata.Annotations["kubernetes.io/change-cause"]);
        Assert.False(rs.Metadata.Annotations.ContainsKey("kubectl.kubernetes.io/last-applied-configuration"));
        var owner = Assert.Single(rs.Metadata.OwnerReferences!);
        Assert.Equal(("Deployment", "web", deployment.Metadata.Uid, true, true), (owner.Kind, owner.Name, owner.Uid, owner.Controller, owner.BlockOwnerDeletion));

        var pods = Pods(cluster, "web");
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.Matches($"^web-{hash}-[bcdfghjklmnpqrstvwxz2456789]{{5}}$", p.Metadata.Name));
        Assert.All(pods, p => Assert.Equal(hash, p.Metadata.Labels!["pod-template-hash"]));
        Assert.All(pods, p => Assert.Equal(rs.Metadata.Uid, p.Metadata.OwnerReferences![0].Uid));

        Assert.Equal("1", deployment.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        var scaled = Assert.Single(Events(cluster, "web", "ScalingReplicaSet"));
        Assert.Equal(($"Scaled up replica set web-{hash} from 0 to 3", DeploymentController.Actor), (scaled.Message, scaled.Source!.Component));

        var status = deployment.Status!;
        Assert.Equal((3, 3, 3, 3, (int?)null, 1L), (status.Replicas, status.UpdatedReplicas, status.ReadyReplicas, status.AvailableReplicas, status.UnavailableReplicas, status.ObservedGeneration));
        var available = Assert.Single(status.Conditions!, c => c.Type == "Available");
        Assert.Equal(("True", "MinimumReplicasAvailable", "Deployment has minimum availability."), (available.Status, available.Reason, available.Message));
        var progressing = Assert.Single(status.Conditions!, c => c.Type == "Progressing");
        Assert.Equal(("True", "NewReplicaSetAvailable", $"ReplicaSet \"web-{hash}\" has successfully progressed."), (progressing.Status, progressing.Reason, progressing.Message));
    }

    [Fact]
    public void Before_pods_are_ready_the_deployment_is_progressing_and_not_available()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var deployment = Deploy(cluster, Deployment("web", 2, "nginx"), ready: false);

        var rs = Assert.Single(ReplicaSets(cluster, "web"));
        var status = deployment.Status!;
        Assert.Equal((2, 2, (int?)null, 2), (status.Replicas, status.UpdatedReplicas, status.AvailableReplicas, status.UnavailableReplicas));
        var progressing = Assert.Single(status.Conditions!, c => c.Type == "Progressing");
        Assert.Equal(("True", "ReplicaSetUpdated", $"ReplicaSet \"{rs.Metadata.Name}\" is progressing."), (progressing.Status, progressing.Reason, progressing.Message));
        var available = Assert.Single(status.Conditions!, c => c.Type == "Available");
        Assert.Equal(("False", "MinimumReplicasUnavailable", "Deployment does not have minimum availability."), (available.Status, available.Reason, available.Message));
    }

    [Fact]
    public void The_template_hash_is_deterministic_and_ignores_how_labels_are_ordered()
    {
        string HashOf(Dictionary<string, string> labels)
        {
            var cluster = TestCluster.Create(nodes: 0);
            Apply(cluster, Deployment("web", 1, "nginx", spec =>
            {
                spec.Selector = new LabelSelector { MatchLabels = new() { ["app"] = "web" } };
                spec.Template.Metadata!.Labels = labels;
            }));
            return Assert.Single(cluster.Api.List<ReplicaSet>("default")).Metadata.Labels!["pod-template-hash"];
        }

        var first = HashOf(new() { ["app"] = "web", ["tier"] = "front" });
        Assert.Equal(first, HashOf(new() { ["tier"] = "front", ["app"] = "web" }));
        Assert.NotEqual(first, HashOf(new() { ["app"] = "web", ["tier"] = "back" }));
    }

    /// <summary>
    /// The rolling update's promise, checked at every write of the rollout: with maxSurge 1 and maxUnavailable 0,
    /// never fewer than 4 available pods and never more than 5 live ones (terminating pods are not counted, as upstream's
    /// surge does not count them either).
    /// </summary>
    [Fact]
    public void An_image_change_rolls_out_without_dropping_below_four_available_or_exceeding_five_pods()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Deploy(cluster, Deployment("web", 4, "nginx:1.26", spec => spec.Strategy = new DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new RollingUpdateDeployment { MaxSurge = 1, MaxUnavailable = 0 },
        }));
        var oldRs = Assert.Single(ReplicaSets(cluster, "web"));
        var start = cluster.Store.Revision;

        Edit<Deployment>(cluster, "web", d => d.Spec.Template.Spec.Containers[0].Image = "nginx:1.27");
        var rounds = 0;
        while (TestKubelet.MarkAllReady(cluster, "web") > 0) Assert.True(++rounds < 20, "the rollout does not finish");

        // The rollout finished: the new ReplicaSet holds all four pods, the old one none.
        var replicaSets = ReplicaSets(cluster, "web");
        Assert.Equal(2, replicaSets.Count);
        var old = replicaSets.Single(rs => rs.Metadata.Uid == oldRs.Metadata.Uid);
        var current = replicaSets.Single(rs => rs.Metadata.Uid != oldRs.Metadata.Uid);
        Assert.Equal((0, 4), (old.Spec.Replicas, current.Spec.Replicas));
        Assert.All(Pods(cluster, "web"), p => Assert.Equal("nginx:1.27", p.Spec.Containers[0].Image));
        Assert.Equal(("1", "2"), (old.Metadata.Annotations!["deployment.kubernetes.io/revision"], current.Metadata.Annotations!["deployment.kubernetes.io/revision"]));
        var deployment = cluster.Api.Get<Deployment>("default", "web");
        Assert.Equal("2", deployment.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        Assert.Equal("NewReplicaSetAvailable", deployment.Status!.Conditions!.Single(c => c.Type == "Progressing").Reason);
        Assert.Equal(4, rounds);

        // Replay every write in order and check the promise after each one.
        var pods = new Dictionary<string, Pod>();
        var (fewestAvailable, mostLive) = (int.MaxValue, 0);
        foreach (var write in cluster.Store.History(0).Where(w => w.Kind == "Pod" && w.Key.Namespace == "default"))
        {
            if (write.Type == WriteType.Deleted) pods.Remove(write.Key.Name);
            else pods[write.Key.Name] = (Pod)write.Object;
            if (write.Revision <= start) continue;
            var live = pods.Values.Where(PodReadiness.IsActive).ToList();
            var available = live.Count(PodReadiness.IsReady);
            Assert.True(available >= 4, $"only {available} pods available after revision {write.Revision} ({write.Actor})");
            Assert.True(live.Count <= 5, $"{live.Count} pods after revision {write.Revision} ({write.Actor})");
            (fewestAvailable, mostLive) = (Math.Min(fewestAvailable, available), Math.Max(mostLive, live.Count));
        }
        Assert.Equal((4, 5), (fewestAvailable, mostLive));

        var scaling = Events(cluster, "web", "ScalingReplicaSet").Select(e => e.Message).Skip(1).ToList();
        Assert.Equal(
        [
            $"Scaled up replica set {current.Metadata.Name} from 0 to 1",
            $"Scaled down replica set {old.Metadata.Name} from 4 to 3",
            $"Scaled up replica set {current.Metadata.Name} from 1 to 2",
            $"Scaled down replica set {old.Metadata.Name} from 3 to 2",
            $"Scaled up replica set {current.Metadata.Name} from 2 to 3",
            $"Scaled down replica set {old.Metadata.Name} from 2 to 1",
            $"Scaled up replica set {current.Metadata.Name} from 3 to 4",
            $"Scaled down replica set {old.Metadata.Name} from 1 to 0",
        ], scaling);

        // Each scaling write is the deployment controller's, caused by the write it reacted to.
        var rsWrites = cluster.Store.History(start).Where(w => w.Kind == "ReplicaSet" && w.Actor == DeploymentController.Actor).ToList();
        Assert.All(rsWrites, w => Assert.True(w.Cause > start && w.Cause < w.Revision));
    }

    [Fact]
    public void Scaling_from_two_to_three_resizes_the_one_replica_set()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Deploy(cluster, Deployment("web", 2, "nginx"));
        var before = Assert.Single(ReplicaSets(cluster, "web"));

        Edit<Deployment>(cluster, "web", d => d.Spec.Replicas = 3);
        TestKubelet.MarkAllReady(cluster, "web");

        var rs = Assert.Single(ReplicaSets(cluster, "web"));
        Assert.Equal(before.Metadata.Uid, rs.Metadata.Uid);
        Assert.Equal(3, rs.Spec.Replicas);
        Assert.Equal(("3", "4"), (rs.Metadata.Annotations!["deployment.kubernetes.io/desired-replicas"], rs.Metadata.Annotations["deployment.kubernetes.io/max-replicas"]));
        Assert.Equal(3, Pods(cluster, "web").Count);
        Assert.Equal($"Scaled up replica set {rs.Metadata.Name} from 2 to 3", Events(cluster, "web", "ScalingReplicaSet").Last().Message);
        var status = cluster.Api.Get<Deployment>("default", "web").Status!;
        Assert.Equal((3, 3, 2L), (status.Replicas, status.AvailableReplicas, status.ObservedGeneration));
    }

    [Fact]
    public void Recreate_removes_every_old_pod_before_the_new_replica_set_exists()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Deploy(cluster, Deployment("web", 3, "nginx:1.26", spec => spec.Strategy = new DeploymentStrategy { Type = "Recreate" }));
        var oldRs = Assert.Single(ReplicaSets(cluster, "web"));
        var start = cluster.Store.Revision;

        Edit<Deployment>(cluster, "web", d => d.Spec.Template.Spec.Containers[0].Image = "nginx:1.27");
        TestKubelet.MarkAllReady(cluster, "web");

        var writes = cluster.Store.History(start).ToList();
        var newRsCreated = Assert.Single(writes, w => w.Kind == "ReplicaSet" && w.Type == WriteType.Added);
        var oldPodsDeleted = writes.Where(w => w.Kind == "Pod" && w.Type == WriteType.Deleted).ToList();
        Assert.Equal(3, oldPodsDeleted.Count);
        Assert.All(oldPodsDeleted, w => Assert.True(w.Revision < newRsCreated.Revision));
        Assert.Equal(3, ((ReplicaSet)newRsCreated.Object).Spec.Replicas);
        Assert.All(Pods(cluster, "web"), p => Assert.Equal("nginx:1.27", p.Spec.Containers[0].Image));
        var messages = Events(cluster, "web", "ScalingReplicaSet").Select(e => e.Message).ToList();
        Assert.Equal($"Scaled down replica set {oldRs.Metadata.Name} from 3 to 0", messages[1]);
        Assert.Equal($"Scaled up replica set {newRsCreated.Key.Name} from 0 to 3", messages[2]);
    }

    [Fact]
    public void Writing_an_old_template_back_reuses_its_replica_set_under_a_new_revision()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Deploy(cluster, Deployment("web", 2, "nginx:1.26"));
        var v1 = Assert.Single(ReplicaSets(cluster, "web"));
        Edit<Deployment>(cluster, "web", d => d.Spec.Template.Spec.Containers[0].Image = "nginx:1.27");
        while (TestKubelet.MarkAllReady(cluster, "web") > 0) { }

        // What kubectl rollout undo does: the old ReplicaSet's template, without its hash label, written back.
        Edit<Deployment>(cluster, "web", d => d.Spec.Template = Template("web", "nginx:1.26"));
        while (TestKubelet.MarkAllReady(cluster, "web") > 0) { }

        var replicaSets = ReplicaSets(cluster, "web");
        Assert.Equal(2, replicaSets.Count);
        var reused = replicaSets.Single(rs => rs.Metadata.Uid == v1.Metadata.Uid);
        Assert.Equal(2, reused.Spec.Replicas);
        Assert.Equal("3", reused.Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        Assert.Equal("1", reused.Metadata.Annotations["deployment.kubernetes.io/revision-history"]);
        Assert.Equal("3", cluster.Api.Get<Deployment>("default", "web").Metadata.Annotations!["deployment.kubernetes.io/revision"]);
        Assert.All(Pods(cluster, "web"), p => Assert.Equal(v1.Metadata.Labels!["pod-template-hash"], p.Metadata.Labels!["pod-template-hash"]));
    }

    [Fact]
    public void Old_replica_sets_beyond_the_revision_history_limit_are_deleted()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Deploy(cluster, Deployment("web", 1, "app:1", spec => spec.RevisionHistoryLimit = 1));
        foreach (var image in new[] { "app:2", "app:3" })
        {
            Edit<Deployment>(cluster, "web", d => d.Spec.Template.Spec.Containers[0].Image = image);
            while (TestKubelet.MarkAllReady(cluster, "web") > 0) { }
        }

        var images = ReplicaSets(cluster, "web").Select(rs => rs.Spec.Template!.Spec.Containers[0].Image).Order().ToList();
        Assert.Equal(["app:2", "app:3"], images);
        var deletion = cluster.Store.History(0).Single(w => w.Kind == "ReplicaSet" && w.Type == WriteType.Deleted);
        Assert.Equal(DeploymentController.Actor, deletion.Actor);
    }

    [Fact]
    public void A_paused_deployment_does_not_roll_out_until_resumed()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Deploy(cluster, Deployment("web", 2, "nginx:1.26"));

        Edit<Deployment>(cluster, "web", d => d.Spec.Paused = true);
        Edit<Deployment>(cluster, "web", d => d.Spec.Template.Spec.Containers[0].Image = "nginx:1.27");

        Assert.Single(ReplicaSets(cluster, "web"));
        var paused = cluster.Api.Get<Deployment>("default", "web").Status!.Conditions!.Single(c => c.Type == "Progressing");
        Assert.Equal(("Unknown", "DeploymentPaused", "Deployment is paused"), (paused.Status, paused.Reason, paused.Message));

        Edit<Deployment>(cluster, "web", d => d.Spec.Paused = null);
        while (TestKubelet.MarkAllReady(cluster, "web") > 0) { }

        Assert.Equal(2, ReplicaSets(cluster, "web").Count);
        Assert.All(Pods(cluster, "web"), p => Assert.Equal("nginx:1.27", p.Spec.Containers[0].Image));
    }

    [Fact]
    public void A_stalled_rollout_reports_its_progress_deadline_exceeded()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Deploy(cluster, Deployment("web", 1, "nginx", spec => spec.ProgressDeadlineSeconds = 60), ready: false);

        cluster.Advance(TimeSpan.FromSeconds(62));

        var progressing = cluster.Api.Get<Deployment>("default", "web").Status!.Conditions!.Single(c => c.Type == "Progressing");
        var rs = Assert.Single(ReplicaSets(cluster, "web"));
        Assert.Equal(("False", "ProgressDeadlineExceeded", $"ReplicaSet \"{rs.Metadata.Name}\" has timed out progressing."),
            (progressing.Status, progressing.Reason, progressing.Message));
        Assert.Equal(DeploymentController.Actor, cluster.Store.History(0).Last(w => w.Kind == "Deployment").Actor);
    }

    [Fact]
    public void Scaling_mid_rollout_shares_the_new_replicas_in_proportion_to_each_replica_set()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Deploy(cluster, Deployment("web", 4, "nginx:1.26", spec => spec.Strategy = new DeploymentStrategy
        {
            Type = "RollingUpdate",
            RollingUpdate = new RollingUpdateDeployment { MaxSurge = 1, MaxUnavailable = 0 },
        }));
        var oldRs = Assert.Single(ReplicaSets(cluster, "web"));
        Edit<Deployment>(cluster, "web", d => d.Spec.Template.Spec.Containers[0].Image = "nginx:1.27");
        var newRs = ReplicaSets(cluster, "web").Single(rs => rs.Metadata.Uid != oldRs.Metadata.Uid);
        Assert.Equal(1, newRs.Spec.Replicas);

        // 9 allowed (8 + surge 1) where 5 were: 4 * 9/5 = 7.2 -> 7 for the old, 1 * 9/5 = 1.8 -> 2 for the new.
        Edit<Deployment>(cluster, "web", d => d.Spec.Replicas = 8);

        Assert.Equal(7, cluster.Api.Get<ReplicaSet>("default", oldRs.Metadata.Name!).Spec.Replicas);
        Assert.Equal(2, cluster.Api.Get<ReplicaSet>("default", newRs.Metadata.Name!).Spec.Replicas);
        var messages = Events(cluster, "web", "ScalingReplicaSet").Select(e => e.Message).TakeLast(2).ToList();
        Assert.Equal([$"Scaled up replica set {oldRs.Metadata.Name} from 4 to 7", $"Scaled up replica set {newRs.Metadata.Name} from 1 to 2"], messages);

        while (TestKubelet.MarkAllReady(cluster, "web") > 0) { }
        Assert.Equal(0, cluster.Api.Get<ReplicaSet>("default", oldRs.Metadata.Name!).Spec.Replicas);
        Assert.Equal(8, cluster.Api.Get<ReplicaSet>("default", newRs.Metadata.Name!).Spec.Replicas);
    }

    [Fact]
    public void Syncing_a_converged_deployment_writes_nothing()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Deploy(cluster, Deployment("web", 2, "nginx"));
        var revision = cluster.Store.Revision;

        // A metadata-only change wakes every controller that watches deployments; none has anything to do.
        Edit<Deployment>(cluster, "web", d => d.Metadata.Labels = new() { ["team"] = "a" });

        Assert.Equal(revision + 1, cluster.Store.Revision);
    }
}
