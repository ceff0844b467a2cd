using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers;
using Playground.Core.Controllers.GarbageCollector;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using static Playground.Core.Tests.Controllers.Workloads;

namespace Playground.Core.Tests.Controllers;

/// <summary>The controllers with the simulation's own scheduler and kubelets: nobody but the control plane touches the pods.</summary>
public class EndToEndTests
{
    private static void RunFor(SimulatedCluster cluster, int minutes) => cluster.RunUntilIdle(TimeSpan.FromMinutes(minutes));

    private static Deployment RollingDeployment(int replicas, string image) => Deployment("web", replicas, image, spec => spec.Strategy = new DeploymentStrategy
    {
        Type = "RollingUpdate",
        RollingUpdate = new RollingUpdateDeployment { MaxSurge = 1, MaxUnavailable = 0 },
    });

    [Fact]
    public void A_deployment_behind_a_service_ends_up_running_ready_and_listed_in_its_endpoints()
    {
        var cluster = TestCluster.Create();
        cluster.Api.Create(Deployment("web", 3, "nginx:1.27"), WriteContext.Kubectl);
        cluster.Api.Create(new Service
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
            Spec = new ServiceSpec { Selector = new() { ["app"] = "web" }, Ports = [new ServicePort { Port = 80 }] },
        }, WriteContext.Kubectl);
        RunFor(cluster, 5);

        var pods = Pods(cluster, "web");
        Assert.Equal(3, pods.Count);
        Assert.All(pods, p => Assert.True(PodReadiness.IsReady(p), $"{p.Metadata.Name} is not ready"));
        Assert.All(pods, p => Assert.False(string.IsNullOrEmpty(p.Spec.NodeName)));
        var status = cluster.Api.Get<Deployment>("default", "web").Status!;
        Assert.Equal((3, 3, 3), (status.ReadyReplicas, status.AvailableReplicas, status.UpdatedReplicas));
        Assert.Equal("NewReplicaSetAvailable", status.Conditions!.Single(c => c.Type == "Progressing").Reason);

        var addresses = Assert.Single(cluster.Api.Get<Endpoints>("default", "web").Subsets!).Addresses!;
        Assert.Equal(pods.Select(p => (p.Status!.PodIP, p.Spec.NodeName)).Order(), addresses.Select(a => ((string?)a.Ip, a.NodeName)).Order());
    }

    [Fact]
    public void A_rolling_update_run_by_the_kubelets_keeps_four_available_and_at_most_five_pods_at_every_write()
    {
        var cluster = TestCluster.Create();
        cluster.Api.Create(RollingDeployment(4, "nginx:1.26"), WriteContext.Kubectl);
        RunFor(cluster, 5);
        Assert.Equal(4, cluster.Api.Get<Deployment>("default", "web").Status!.AvailableReplicas);
        var start = cluster.Store.Revision;

        var deployment = cluster.Api.Get<Deployment>("default", "web");
        deployment.Spec.Template.Spec.Containers[0].Image = "nginx:1.27";
        cluster.Api.Update(deployment, WriteContext.Kubectl);
        RunFor(cluster, 10);

        var pods = Pods(cluster, "web");
        Assert.Equal(4, pods.Count);
        Assert.All(pods, p => Assert.Equal("nginx:1.27", p.Spec.Containers[0].Image));
        Assert.All(pods, p => Assert.True(PodReadiness.IsReady(p)));
        Assert.Equal(0, cluster.Store.CompactedRevision);

        var live = new Dictionary<string, Pod>();
        var (fewestAvailable, mostLive) = (int.MaxValue, 0);
        foreach (var write in cluster.Store.History(0).Where(w => w.Kind == "Pod" && w.Key.Namespace == "default"))
        {
            if (write.Type == WriteType.Deleted) live.Remove(write.Key.Name);
            else live[write.Key.Name] = (Pod)write.Object;
            if (write.Revision <= start) continue;
            var active = live.Values.Where(PodReadiness.IsActive).ToList();
            var available = active.Count(PodReadiness.IsReady);
            Assert.True(available >= 4, $"only {available} pods available after revision {write.Revision} ({write.Actor})");
            Assert.True(active.Count <= 5, $"{active.Count} pods after revision {write.Revision} ({write.Actor})");
            (fewestAvailable, mostLive) = (Math.Min(fewestAvailable, available), Math.Max(mostLive, active.Count));
        }
        Assert.Equal((4, 5), (fewestAvailable, mostLive));
        // Old pods were stopped by their kubelets after the replicaset controller asked for their deletion.
        Assert.Contains(cluster.Store.History(start), w => w.Kind == "Pod" && w.Type == WriteType.Deleted && w.Actor.StartsWith("kubelet/"));
    }

    [Fact]
    public void Deleting_a_deployment_stops_its_pods_through_the_garbage_collector_and_the_kubelets()
    {
        var cluster = TestCluster.Create();
        cluster.Api.Create(Deployment("web", 2, "nginx"), WriteContext.Kubectl);
        RunFor(cluster, 5);
        var start = cluster.Store.Revision;

        cluster.Api.Delete<Deployment>("default", "web", WriteContext.Kubectl, new DeleteOptions { PropagationPolicy = "Background" });
        RunFor(cluster, 5);

        Assert.Empty(Pods(cluster, "web"));
        Assert.Empty(cluster.Api.List<ReplicaSet>("default"));
        var writes = cluster.Store.History(start).Where(w => w.Kind == "Pod").ToList();
        // The collector asks (deletionTimestamp set), the kubelet finishes the delete after stopping the containers.
        Assert.Equal(2, writes.Count(w => w.Actor == GarbageCollector.Actor && w.Type == WriteType.Modified && w.Object.Metadata.DeletionTimestamp is not null));
        Assert.Equal(2, writes.Count(w => w.Type == WriteType.Deleted && w.Actor.StartsWith("kubelet/")));
    }
}
