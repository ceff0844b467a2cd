using Playground.Client.Cluster.Map;

namespace Playground.Client.Tests.Cluster.Map;

public class ActorMapTests
{
    [Theory]
    [InlineData("kubectl", MapComponent.Clients, null)]
    [InlineData("playground", MapComponent.Clients, null)]
    [InlineData("kubeadm", MapComponent.Clients, null)]
    [InlineData("kube-apiserver", MapComponent.ApiServer, null)]
    [InlineData("default-scheduler", MapComponent.Scheduler, null)]
    [InlineData("deployment-controller", MapComponent.ControllerManager, null)]
    [InlineData("replicaset-controller", MapComponent.ControllerManager, null)]
    [InlineData("endpointslice-controller", MapComponent.ControllerManager, null)]
    [InlineData("node-lifecycle-controller", MapComponent.ControllerManager, null)]
    [InlineData("garbage-collector", MapComponent.ControllerManager, null)]
    [InlineData("pod-garbage-collector", MapComponent.ControllerManager, null)]
    [InlineData("horizontal-pod-autoscaler", MapComponent.ControllerManager, null)]
    [InlineData("kubelet/node-2", MapComponent.Kubelet, "node-2")]
    [InlineData("nginx-ingress-controller", MapComponent.Addons, null)]
    [InlineData("metallb-controller", MapComponent.Addons, null)]
    [InlineData("local-path-provisioner", MapComponent.Addons, null)]
    [InlineData("something-new", MapComponent.Other, null)]
    public void Each_actor_belongs_to_the_component_that_runs_it(string actor, MapComponent component, string? node) =>
        Assert.Equal(new MapActor(component, node), ActorMap.Of(actor));

    [Fact]
    public void Every_actor_a_new_cluster_writes_with_is_placed_on_the_map()
    {
        var cluster = Playground.Core.Simulation.SimulatedCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2").ExitCode);
        Assert.Equal(0, cluster.Kubectl("kubectl expose deployment web --port 80").ExitCode);
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));

        var actors = cluster.Store.History(0).Select(w => w.Actor).Distinct().ToList();

        Assert.Contains("default-scheduler", actors);
        Assert.DoesNotContain(actors, a => ActorMap.Of(a).Component == MapComponent.Other);
    }
}
