using System.Xml.Linq;
using Playground.Client.Cluster.Map;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Storage;
using static Playground.Client.Tests.ClusterObjects;
using static Playground.Client.Tests.Cluster.Trace.Writes;

namespace Playground.Client.Tests.Cluster.Map;

public class ControlPlaneTests
{
    private static Task<XElement> RenderAsync(ComponentActivity activity, IReadOnlyCollection<Pod> pods) =>
        Markup.RenderAsync<ControlPlane>(new Dictionary<string, object?>
        {
            ["Activity"] = activity, ["Pods"] = pods, ["Revision"] = 1234L, ["ObjectCount"] = 87, ["Now"] = T0.AddSeconds(10),
        });

    private static XElement Tile(XElement strip, string title) =>
        Assert.Single(strip.WithClass("cp-tile"), t => t.SingleWithClass("cp-name").Text() == title);

    [Fact]
    public async Task Each_part_of_the_control_plane_says_what_it_is_for_and_what_it_did_last()
    {
        var activity = new ComponentActivity();
        activity.Add(Write(1230, "kubectl", null, new Playground.Core.Api.Apps.Deployment { Metadata = new ObjectMeta { Name = "web", Namespace = "default" } }, time: T0));
        activity.Add(Write(1231, "replicaset-controller", 1230, Pod("web-a"), time: T0.AddSeconds(2)));
        activity.Add(Write(1232, "default-scheduler", 1231, Pod("web-a", "node-2"), WriteType.Modified, T0.AddSeconds(3)));
        activity.Add(Write(1233, "kubelet/node-2", 1232, Pod("web-a", "node-2", Running), WriteType.Modified, T0.AddSeconds(7)));

        var strip = await RenderAsync(activity, [Pod("waiting")]);

        Assert.Equal(["API server", "etcd", "Scheduler", "Controller manager"], strip.WithClass("cp-name").Select(n => n.Text()));
        var api = Tile(strip, "API server");
        Assert.Equal("4 writes", api.SingleWithClass("cp-state").Text());
        Assert.Equal("From a client: kubectl: create Deployment default/web · 10s ago", api.SingleWithClass("cp-last").Text());
        Assert.Equal("control-plane/api-server", (string?)api.Attribute("data-link-id"));
        var etcd = Tile(strip, "etcd");
        Assert.Equal("revision 1234 · 87 objects", etcd.SingleWithClass("cp-state").Text());
        Assert.Equal("Last: kubelet/node-2: update Pod default/web-a · 3s ago", etcd.SingleWithClass("cp-last").Text());
        var scheduler = Tile(strip, "Scheduler");
        Assert.Equal("1 pod waiting for a node", scheduler.SingleWithClass("cp-state").Text());
        Assert.Equal("Last: bind Pod default/web-a to node-2 · 7s ago", scheduler.SingleWithClass("cp-last").Text());
        Assert.Equal("Last: replicaset-controller: create Pod default/web-a · 8s ago", Tile(strip, "Controller manager").SingleWithClass("cp-last").Text());
        Assert.All(strip.WithClass("cp-role"), r => Assert.NotEmpty(r.Text()));
    }

    [Fact]
    public async Task A_component_that_wrote_gets_a_pulse_keyed_to_its_write_and_an_idle_one_says_so()
    {
        var activity = new ComponentActivity();
        activity.Add(Write(5, "default-scheduler", null, Pod("web-a", "node-1"), WriteType.Modified));

        var strip = await RenderAsync(activity, []);

        Assert.Single(Tile(strip, "Scheduler").WithClass("map-pulse"));
        Assert.Empty(Tile(strip, "Controller manager").WithClass("map-pulse"));
        Assert.Equal("Idle", Tile(strip, "Controller manager").SingleWithClass("cp-state").Text());
        Assert.Empty(Tile(strip, "Controller manager").WithClass("cp-last"));
        Assert.Equal("No pods waiting", Tile(strip, "Scheduler").SingleWithClass("cp-state").Text());
    }

    [Fact]
    public async Task Heartbeats_neither_flash_the_API_server_and_etcd_nor_hide_their_last_work()
    {
        var activity = new ComponentActivity();
        activity.Add(Write(5, "replicaset-controller", null, Pod("web-a")));
        activity.Add(Write(6, "kubelet/node-1", null, new Playground.Core.Api.Coordination.Lease { Metadata = new ObjectMeta { Name = "node-1", Namespace = "kube-node-lease" } }, WriteType.Modified));

        var strip = await RenderAsync(activity, []);

        Assert.Equal("Last: replicaset-controller: create Pod default/web-a · 10s ago", Tile(strip, "etcd").SingleWithClass("cp-last").Text());
        Assert.Equal("2 writes", Tile(strip, "API server").SingleWithClass("cp-state").Text());
    }
}
