using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Discovery;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.Endpoints;
using Playground.Core.Simulation;
using Playground.Core.Storage;
using static Playground.Core.Tests.Controllers.Workloads;

namespace Playground.Core.Tests.Controllers;

public class EndpointsControllerTests
{
    private static Service WebService(IntOrString targetPort) => new()
    {
        Metadata = new ObjectMeta { Name = "web", Namespace = "default", Labels = new() { ["team"] = "a" } },
        Spec = new ServiceSpec
        {
            Selector = new() { ["app"] = "web" },
            Ports = [new ServicePort { Name = "http", Port = 80, TargetPort = targetPort }],
        },
    };

    private static Endpoints? EndpointsOf(SimulatedCluster cluster) => cluster.Api.TryGet<Endpoints>("default", "web");

    private static int EndpointsWrites(SimulatedCluster cluster) => cluster.Store.History(0).Count(w => w.Kind == "Endpoints" && w.Key.Name == "web");

    private static ReplicaSet ReplicaSetWithPort(int replicas)
    {
        var rs = ReplicaSet("web", replicas, "nginx");
        rs.Spec.Template!.Spec.Containers[0].Ports = [new ContainerPort { Name = "http", Number = 8080 }];
        return rs;
    }

    [Fact]
    public void Endpoints_list_ready_pods_as_addresses_and_the_rest_as_not_ready_with_named_ports_resolved()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSetWithPort(2));
        var service = Apply(cluster, WebService("http"));

        var empty = EndpointsOf(cluster)!;
        Assert.Null(empty.Subsets);
        Assert.Equal("a", empty.Metadata.Labels!["team"]);
        Assert.Equal(EndpointsController.Actor, cluster.Store.History(0).Single(w => w.Kind == "Endpoints" && w.Key.Name == "web").Actor);

        var (first, second) = (Pods(cluster, "web")[0], Pods(cluster, "web")[1]);
        TestKubelet.MarkReady(cluster, first);
        TestKubelet.MarkNotReady(cluster, second);
        Settle(cluster);

        var subset = Assert.Single(EndpointsOf(cluster)!.Subsets!);
        var ready = Assert.Single(subset.Addresses!);
        var notReady = Assert.Single(subset.NotReadyAddresses!);
        first = cluster.Api.Get<Pod>("default", first.Metadata.Name!);
        Assert.Equal(first.Status!.PodIP, ready.Ip);
        Assert.Equal(("Pod", first.Metadata.Name, first.Metadata.Uid, "default"), (ready.TargetRef!.Kind, ready.TargetRef.Name, ready.TargetRef.Uid, ready.TargetRef.Namespace));
        Assert.Equal(second.Metadata.Name, notReady.TargetRef!.Name);
        var port = Assert.Single(subset.Ports!);
        Assert.Equal(("http", 8080, "TCP"), (port.Name, port.Port, port.Protocol));
        Assert.NotNull(service.Metadata.Uid);
    }

    [Fact]
    public void Endpoints_follow_readiness_both_ways_and_are_not_rewritten_when_nothing_changed()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSetWithPort(1));
        Apply(cluster, WebService(8080));
        var pod = Pods(cluster, "web")[0];

        TestKubelet.MarkReady(cluster, pod);
        Settle(cluster);
        var subset = Assert.Single(EndpointsOf(cluster)!.Subsets!);
        Assert.Single(subset.Addresses!);
        Assert.Equal(8080, subset.Ports![0].Port);

        var writes = EndpointsWrites(cluster);
        Edit<Pod>(cluster, pod.Metadata.Name!, p => p.Metadata.Annotations = new() { ["note"] = "unrelated" });
        Assert.Equal(writes, EndpointsWrites(cluster));

        TestKubelet.MarkNotReady(cluster, cluster.Api.Get<Pod>("default", pod.Metadata.Name!));
        Settle(cluster);
        subset = Assert.Single(EndpointsOf(cluster)!.Subsets!);
        Assert.Null(subset.Addresses);
        Assert.Single(subset.NotReadyAddresses!);
        Assert.Equal(writes + 1, EndpointsWrites(cluster));
    }

    [Fact]
    public void Deleting_the_service_deletes_its_endpoints_and_services_without_selector_are_left_alone()
    {
        var cluster = TestCluster.Create(nodes: 0);
        Apply(cluster, ReplicaSetWithPort(1));
        Apply(cluster, WebService(8080));
        Assert.NotNull(EndpointsOf(cluster));

        cluster.Api.Delete<Service>("default", "web", WriteContext.Kubectl);
        var deletedAt = cluster.Store.Revision;
        Settle(cluster);

        Assert.Null(EndpointsOf(cluster));
        var deletion = cluster.Store.History(deletedAt).Single(w => w.Kind == "Endpoints");
        Assert.Equal((WriteType.Deleted, EndpointsController.Actor, (long?)deletedAt), (deletion.Type, deletion.Actor, deletion.Cause));
        Assert.DoesNotContain(cluster.Store.History(0), w => w.Kind == "Endpoints" && w.Key.Name == "kubernetes" && w.Actor == EndpointsController.Actor);
    }

    [Fact]
    public void Ports_served_by_the_same_pods_share_a_subset_and_a_pod_without_a_named_port_is_left_out_of_it()
    {
        var cluster = TestCluster.Create(nodes: 0);
        foreach (var (name, ports) in new[] { ("both", new[] { "http", "metrics" }), ("web-only", new[] { "http" }) })
        {
            var pod = cluster.Api.Create(new Pod
            {
                Metadata = new ObjectMeta { Name = name, Namespace = "default", Labels = new() { ["app"] = "web" } },
                Spec = new PodSpec
                {
                    Containers = [new Container { Name = "app", Image = "app", Ports = [.. ports.Select((p, i) => new ContainerPort { Name = p, Number = 8080 + i })] }],
                },
            }, WriteContext.Kubectl);
            TestKubelet.MarkReady(cluster, pod);
        }
        var service = WebService("http");
        service.Spec.Ports!.Add(new ServicePort { Name = "metrics", Port = 9090, TargetPort = "metrics" });
        Apply(cluster, service);

        var subsets = EndpointsOf(cluster)!.Subsets!;
        Assert.Equal(2, subsets.Count);
        var http = subsets.Single(s => s.Ports![0].Name == "http");
        Assert.Equal(["both", "web-only"], http.Addresses!.Select(a => a.TargetRef!.Name).Order());
        Assert.Equal(8080, Assert.Single(http.Ports!).Port);
        var metrics = subsets.Single(s => s.Ports![0].Name == "metrics");
        Assert.Equal("both", Assert.Single(metrics.Addresses!).TargetRef!.Name);
        Assert.Equal(8081, Assert.Single(metrics.Ports!).Port);
    }

    [Fact]
    public void Over_1000_addresses_keep_1000_ready_ones_first_with_the_over_capacity_annotation_until_the_service_fits_again()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var pods = TestKubelet.CreateReadyPods(cluster, "web", 1002);
        TestKubelet.MarkNotReady(cluster, pods[0]);
        Apply(cluster, WebService(8080));

        var endpoints = EndpointsOf(cluster)!;
        Assert.Equal("truncated", endpoints.Metadata.Annotations![EndpointsController.OverCapacityAnnotation]);
        var subset = Assert.Single(endpoints.Subsets!);
        Assert.Equal(1000, subset.Addresses!.Count);
        Assert.Null(subset.NotReadyAddresses);
        // The EndpointSlices still list every pod.
        var slices = cluster.Api.List<EndpointSlice>("default", "kubernetes.io/service-name=web");
        Assert.Equal(1002, slices.Sum(s => s.Endpoints!.Count));

        cluster.Api.Delete<Pod>("default", pods[1].Metadata.Name!, WriteContext.Kubectl);
        cluster.Api.Delete<Pod>("default", pods[2].Metadata.Name!, WriteContext.Kubectl);
        Settle(cluster);

        endpoints = EndpointsOf(cluster)!;
        Assert.False(endpoints.Metadata.Annotations?.ContainsKey(EndpointsController.OverCapacityAnnotation) ?? false);
        subset = Assert.Single(endpoints.Subsets!);
        Assert.Equal((999, pods[0].Metadata.Name), (subset.Addresses!.Count, Assert.Single(subset.NotReadyAddresses!).TargetRef!.Name));
    }

    [Fact]
    public void A_burst_of_pod_changes_between_loop_turns_is_one_endpoints_write_caused_by_the_last_of_them()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var pods = TestKubelet.CreateReadyPods(cluster, "web", 30);
        Apply(cluster, WebService(8080));
        Assert.Equal(30, Assert.Single(EndpointsOf(cluster)!.Subsets!).Addresses!.Count);

        cluster.Advance(TimeSpan.FromSeconds(5));
        var before = cluster.Store.Revision;
        foreach (var pod in pods.Take(20)) TestKubelet.MarkNotReady(cluster, cluster.Api.Get<Pod>("default", pod.Metadata.Name!));
        var last = cluster.Store.Revision;
        cluster.RunPending();

        var write = Assert.Single(cluster.Store.History(before), w => w.Kind == "Endpoints");
        Assert.Equal((WriteType.Modified, EndpointsController.Actor, (long?)last), (write.Type, write.Actor, write.Cause));
        var subset = Assert.Single(EndpointsOf(cluster)!.Subsets!);
        Assert.Equal((10, 20), (subset.Addresses!.Count, subset.NotReadyAddresses!.Count));
    }

    [Fact]
    public void With_a_batch_period_a_pod_change_syncs_after_it_and_changes_meanwhile_join_that_one_write_caused_by_the_newest()
    {
        var cluster = SimulatedCluster.Create(new ClusterOptions { Nodes = 0, Start = TestCluster.Start, EndpointUpdatesBatchPeriod = TimeSpan.FromSeconds(1) });
        var pods = TestKubelet.CreateReadyPods(cluster, "web", 3);
        Apply(cluster, WebService(8080));
        cluster.Advance(TimeSpan.FromSeconds(5));
        var before = cluster.Store.Revision;
        var start = cluster.Clock.Now;

        // As upstream's AddAfter(key, batchPeriod): the first change waits the period, and later ones join it.
        TestKubelet.MarkNotReady(cluster, cluster.Api.Get<Pod>("default", pods[0].Metadata.Name!));
        cluster.Advance(TimeSpan.FromMilliseconds(400));
        TestKubelet.MarkNotReady(cluster, cluster.Api.Get<Pod>("default", pods[1].Metadata.Name!));
        TestKubelet.MarkNotReady(cluster, cluster.Api.Get<Pod>("default", pods[2].Metadata.Name!));
        var newest = cluster.Store.Revision;
        cluster.Advance(TimeSpan.FromMilliseconds(500));
        Assert.DoesNotContain(cluster.Store.History(before), w => w.Kind == "Endpoints");

        cluster.Advance(TimeSpan.FromMilliseconds(100));
        var batched = Assert.Single(cluster.Store.History(before), w => w.Kind == "Endpoints");
        Assert.Equal((start.AddSeconds(1), (long?)newest, EndpointsController.Actor), (batched.Time, batched.Cause, batched.Actor));
        Assert.Equal(3, Assert.Single(EndpointsOf(cluster)!.Subsets!).NotReadyAddresses!.Count);
    }
}
