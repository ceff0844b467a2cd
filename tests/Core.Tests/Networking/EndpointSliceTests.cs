using Playground.Core.Api.Core;
using Playground.Core.Api.Discovery;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.EndpointSlices;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using Playground.Core.Tests.Controllers;
using static Playground.Core.Tests.Networking.NetworkScenario;

namespace Playground.Core.Tests.Networking;

public class EndpointSliceTests
{
    private static EndpointSlice Slice(SimulatedCluster cluster) => Assert.Single(Slices(cluster));

    private static IReadOnlyList<EndpointSlice> Slices(SimulatedCluster cluster) =>
        cluster.Api.List<EndpointSlice>("default", "kubernetes.io/service-name=web");

    /// <summary>A node-less cluster with <paramref name="pods"/> ready pods behind a "web" service, their slices written.</summary>
    private static (SimulatedCluster Cluster, List<Pod> Pods) ReadyPodsBehindWeb(int pods)
    {
        var cluster = TestCluster.Create(nodes: 0);
        var created = TestKubelet.CreateReadyPods(cluster, "web", pods);
        cluster.Api.Create(new Service
        {
            Metadata = new ObjectMeta { Name = "web", Namespace = "default" },
            Spec = new ServiceSpec { Selector = new() { ["app"] = "web" }, Ports = [new ServicePort { Name = "http", Port = 80, TargetPort = "http" }] },
        }, WriteContext.Kubectl);
        // Later changes are then not held back by the batching that follows a sync (see UpdateBatches).
        cluster.RunPending();
        cluster.Advance(TimeSpan.FromSeconds(5));
        return (cluster, created);
    }

    private static List<WriteRecord> SliceWrites(SimulatedCluster cluster, long after) =>
        [.. cluster.Store.History(after).Where(w => w.Kind == "EndpointSlice")];

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

    [Fact]
    public void Slices_hold_at_most_100_endpoints_and_a_pod_turning_unready_rewrites_only_its_own_slice()
    {
        var (cluster, pods) = ReadyPodsBehindWeb(250);
        var slices = Slices(cluster);
        Assert.Equal([100, 100, 50], slices.Select(s => s.Endpoints!.Count).OrderDescending());
        Assert.All(slices, s => Assert.Equal(8080, Assert.Single(s.Ports!).Port));

        var victim = pods[123];
        var home = slices.Single(s => s.Endpoints!.Any(e => e.TargetRef!.Name == victim.Metadata.Name));
        var before = cluster.Store.Revision;
        TestKubelet.MarkNotReady(cluster, cluster.Api.Get<Pod>("default", victim.Metadata.Name!));
        var cause = cluster.Store.Revision;
        cluster.RunPending();

        var write = Assert.Single(SliceWrites(cluster, before));
        Assert.Equal((WriteType.Modified, home.Metadata.Name, EndpointSliceController.Actor, (long?)cause), (write.Type, write.Key.Name, write.Actor, write.Cause));
        var rewritten = (EndpointSlice)write.Object;
        Assert.Equal(home.Endpoints!.Select(e => e.TargetRef!.Name), rewritten.Endpoints!.Select(e => e.TargetRef!.Name));
        var endpoint = rewritten.Endpoints!.Single(e => e.TargetRef!.Name == victim.Metadata.Name);
        Assert.Equal((false, false, false), (endpoint.Conditions!.Ready, endpoint.Conditions.Serving, endpoint.Conditions.Terminating));
    }

    [Fact]
    public void New_endpoints_fill_the_slice_with_room_before_a_new_one_is_made_and_removed_ones_leave_the_others_in_place()
    {
        var (cluster, _) = ReadyPodsBehindWeb(150);
        var full = Slices(cluster).Single(s => s.Endpoints!.Count == 100);
        var half = Slices(cluster).Single(s => s.Endpoints!.Count == 50);

        var before = cluster.Store.Revision;
        TestKubelet.CreateReadyPods(cluster, "web", 30, first: 150);
        cluster.RunPending();
        var write = Assert.Single(SliceWrites(cluster, before));
        Assert.Equal((WriteType.Modified, half.Metadata.Name), (write.Type, write.Key.Name));
        Assert.Equal([100, 80], Slices(cluster).Select(s => s.Endpoints!.Count).OrderDescending());

        // 25 more do not fit in any slice: they get a new one and the others stay as they are.
        cluster.Advance(TimeSpan.FromSeconds(5));
        before = cluster.Store.Revision;
        TestKubelet.CreateReadyPods(cluster, "web", 25, first: 180);
        cluster.RunPending();
        write = Assert.Single(SliceWrites(cluster, before));
        Assert.Equal(WriteType.Added, write.Type);
        Assert.Equal([100, 80, 25], Slices(cluster).Select(s => s.Endpoints!.Count).OrderDescending());

        cluster.Advance(TimeSpan.FromSeconds(5));
        before = cluster.Store.Revision;
        foreach (var gone in full.Endpoints!.Take(2)) cluster.Api.Delete<Pod>("default", gone.TargetRef!.Name!, WriteContext.Kubectl);
        cluster.RunPending();
        write = Assert.Single(SliceWrites(cluster, before));
        Assert.Equal((WriteType.Modified, full.Metadata.Name), (write.Type, write.Key.Name));
        Assert.Equal([98, 80, 25], Slices(cluster).Select(s => s.Endpoints!.Count).OrderDescending());
    }
}
