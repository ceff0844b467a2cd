using Playground.Core.Api.Discovery;
using Playground.Core.Controllers.EndpointSlices;
using static Playground.Core.Tests.Networking.NetworkScenario;

namespace Playground.Core.Tests.Networking;

public class EndpointSliceTests
{
    private static EndpointSlice Slice(Playground.Core.Simulation.SimulatedCluster cluster) =>
        Assert.Single(cluster.Api.List<EndpointSlice>("default", "kubernetes.io/service-name=web"));

    [Fact]
    public void A_terminating_pod_stays_in_the_slice_as_serving_but_not_ready_and_slices_go_with_their_service()
    {
        var cluster = Create();
        var slice = Slice(cluster);
        Assert.Equal(EndpointSliceController.ManagedBy, slice.Metadata.Labels![EndpointSliceController.ManagedByLabel]);
        Assert.Equal(("Service", "web", true), (slice.Metadata.OwnerReferences![0].Kind, slice.Metadata.OwnerReferences[0].Name, slice.Metadata.OwnerReferences[0].Controller == true));
        Assert.Equal(3, slice.Endpoints!.Count);
        Assert.All(slice.Endpoints, e => Assert.Equal((true, true, false), (e.Conditions!.Ready, e.Conditions.Serving, e.Conditions.Terminating)));
        Assert.Equal(80, Assert.Single(slice.Ports!).Port);

        var victim = WebPods(cluster)[0];
        Run(cluster, $"kubectl delete pod {victim.Metadata.Name} --wait=false");
        var terminating = Slice(cluster).Endpoints!.Single(e => e.TargetRef!.Name == victim.Metadata.Name);
        Assert.Equal((false, true, true), (terminating.Conditions!.Ready, terminating.Conditions.Serving, terminating.Conditions.Terminating));
        // kube-proxy stops sending new connections to it at once.
        Assert.All(Enumerable.Range(0, 10), _ => Assert.NotEqual(victim.Metadata.Name, Answerer(Run(cluster, "kubectl exec client -- curl -s web"))));

        Run(cluster, "kubectl delete service web");
        cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        Assert.Empty(cluster.Api.List<EndpointSlice>("default", "kubernetes.io/service-name=web"));
        Assert.Equal("curl: (6) Could not resolve host: web\ncommand terminated with exit code 6\n", cluster.Kubectl("kubectl exec client -- curl web").Output);
    }
}
