using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.GarbageCollector;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using static Playground.Core.Tests.Controllers.Workloads;

namespace Playground.Core.Tests.Controllers;

public class GarbageCollectorTests
{
    private static SimulatedCluster ClusterWithDeployment()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, Deployment("web", 2, "nginx"));
        TestKubelet.MarkAllReady(cluster, "web");
        return cluster;
    }

    private static void Delete(SimulatedCluster cluster, string? policy)
    {
        cluster.Api.Delete<Deployment>("default", "web", WriteContext.Kubectl, new DeleteOptions { PropagationPolicy = policy });
        Settle(cluster);
    }

    [Fact]
    public void Deleting_a_deployment_cascades_to_its_replica_set_and_pods_in_the_background()
    {
        var cluster = ClusterWithDeployment();
        var start = cluster.Store.Revision;

        Delete(cluster, "Background");

        Assert.Empty(ReplicaSets(cluster, "web"));
        Assert.Empty(Pods(cluster, "web"));
        var deletions = cluster.Store.History(start).Where(w => w.Type == WriteType.Deleted).ToList();
        var deployment = Assert.Single(deletions, w => w.Kind == "Deployment");
        var rs = Assert.Single(deletions, w => w.Kind == "ReplicaSet");
        var pods = deletions.Where(w => w.Kind == "Pod").ToList();
        Assert.Equal(2, pods.Count);
        Assert.Equal(("kubectl", GarbageCollector.Actor), (deployment.Actor, rs.Actor));
        Assert.Equal(deployment.Revision, rs.Cause);
        Assert.All(pods, p => Assert.Equal((GarbageCollector.Actor, (long?)rs.Revision), (p.Actor, p.Cause)));
        Assert.DoesNotContain(cluster.Store.History(start), w => w.Kind == "Pod" && w.Type == WriteType.Added);
    }

    [Fact]
    public void Foreground_deletion_removes_dependents_before_the_owner()
    {
        var cluster = ClusterWithDeployment();
        var start = cluster.Store.Revision;

        Delete(cluster, "Foreground");

        Assert.Null(cluster.Api.TryGet<Deployment>("default", "web"));
        Assert.Empty(ReplicaSets(cluster, "web"));
        Assert.Empty(Pods(cluster, "web"));
        var deletions = cluster.Store.History(start).Where(w => w.Type == WriteType.Deleted).ToList();
        var order = deletions.Select(w => w.Kind).Distinct().ToList();
        Assert.Equal(["Pod", "ReplicaSet", "Deployment"], order);
        Assert.All(deletions, w => Assert.Equal(GarbageCollector.Actor, w.Actor));
        var finalizerRemoved = cluster.Store.History(start).Last(w => w.Kind == "Deployment");
        Assert.Null(finalizerRemoved.Object.Metadata.Finalizers);
    }

    [Fact]
    public void Orphan_deletion_keeps_the_replica_set_and_pods_without_the_owner_reference()
    {
        var cluster = ClusterWithDeployment();
        var podsBefore = Pods(cluster, "web").Select(p => p.Metadata.Uid).Order().ToList();

        Delete(cluster, "Orphan");

        Assert.Null(cluster.Api.TryGet<Deployment>("default", "web"));
        var rs = Assert.Single(ReplicaSets(cluster, "web"));
        Assert.Null(rs.Metadata.OwnerReferences);
        Assert.Equal(podsBefore, Pods(cluster, "web").Select(p => p.Metadata.Uid).Order().ToList());
        var orphaned = cluster.Store.History(0).Last(w => w.Kind == "ReplicaSet" && w.Actor == GarbageCollector.Actor);
        Assert.Equal(WriteType.Modified, orphaned.Type);
    }

    [Fact]
    public void An_object_whose_owner_does_not_exist_is_collected()
    {
        var cluster = TestCluster.Create(nodes: 0);
        cluster.Api.Create(new ConfigMap
        {
            Metadata = new ObjectMeta
            {
                Name = "leftover",
                Namespace = "default",
                OwnerReferences = [new OwnerReference { ApiVersion = "apps/v1", Kind = "Deployment", Name = "gone", Uid = "00000000-0000-4000-8000-000000000000" }],
            },
        }, WriteContext.Kubectl);
        var created = cluster.Store.Revision;
        Settle(cluster);

        Assert.Null(cluster.Api.TryGet<ConfigMap>("default", "leftover"));
        var deletion = cluster.Store.History(created).Single(w => w.Kind == "ConfigMap");
        Assert.Equal((WriteType.Deleted, GarbageCollector.Actor, (long?)created), (deletion.Type, deletion.Actor, deletion.Cause));
    }
}
