using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Controllers.Deployments;
using Playground.Core.Controllers.Endpoints;
using Playground.Core.Controllers.GarbageCollector;
using Playground.Core.Controllers.ReplicaSets;
using Playground.Core.Simulation;
using static Playground.Core.Tests.Controllers.Workloads;

namespace Playground.Core.Tests.Controllers;

public class RestoreTests
{
    [Fact]
    public void After_a_restore_every_controller_resyncs_and_finds_nothing_to_write()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, Deployment("web", 3, "nginx"));
        TestKubelet.MarkAllReady(cluster, "web");
        Apply(cluster, new Service
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
            Spec = new ServiceSpec { Selector = new() { ["app"] = "web" }, Ports = [new ServicePort { Port = 80 }] },
        });
        var state = new ClusterState(cluster.Clock.Now, cluster.Store.Revision, [.. cluster.Store.All()], cluster.Options, cluster.Store.History(0));

        var restored = SimulatedCluster.Restore(state);
        Settle(restored);

        // The scheduler may retry the pods it could not place (this cluster has no nodes); the controllers write nothing.
        string[] controllers = [ReplicaSetController.Actor, DeploymentController.Actor, EndpointsController.Actor, GarbageCollector.Actor];
        Assert.DoesNotContain(restored.Store.History(state.Revision), w => controllers.Contains(w.Actor));
        Assert.Equal(3, Assert.Single(Endpoints(restored)).Subsets![0].Addresses!.Count);
    }

    private static IReadOnlyList<Endpoints> Endpoints(SimulatedCluster cluster) =>
        [.. cluster.Api.List<Endpoints>("default").Where(e => e.Metadata.Name == "web")];
}
