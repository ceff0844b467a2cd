using Playground.Client.Cluster;
using Playground.Client.Cluster.Map;
using Playground.Core.Api.Coordination;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Storage;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster;

public class NodeMapTests
{
    private static Task<System.Xml.Linq.XElement> RenderAsync(IReadOnlyCollection<Node> nodes, IReadOnlyCollection<Pod> pods) =>
        Markup.RenderAsync<NodeMap>(new Dictionary<string, object?> { ["Nodes"] = nodes, ["Pods"] = pods });

    private static System.Xml.Linq.XElement CardOf(System.Xml.Linq.XElement map, string title) =>
        Assert.Single(map.WithClass("node-card"), card => card.SingleWithClass("node-name").Text() == title);

    /// <summary>An agent row's parts (name, state, last action), each as read.</summary>
    private static string Words(System.Xml.Linq.XElement agent) =>
        string.Join(" | ", agent.Elements("span").Where(e => !e.HasClass("map-pulse") && e.Text().Length > 0).Select(e => e.Text()));

    private static System.Xml.Linq.XElement ChipOf(System.Xml.Linq.XElement scope, string pod) =>
        Assert.Single(scope.WithClass("pod-chip"), chip => chip.SingleWithClass("pod-name").Text() == pod);

    [Fact]
    public async Task Every_node_is_a_card_with_its_name_and_kubectl_status()
    {
        var map = await RenderAsync([Node("node-2", ready: false), Node("node-1")], []);

        var names = map.WithClass("node-name").Select(n => n.Text()).ToList();
        Assert.Equal(["node-1", "node-2"], names);
        Assert.Equal("Ready", CardOf(map, "node-1").SingleWithClass("node-status").Text());
        Assert.Equal("NotReady", CardOf(map, "node-2").SingleWithClass("node-status").Text());
        Assert.Contains("No pods", CardOf(map, "node-1").Text());
        Assert.Equal("0 pods", CardOf(map, "node-1").SingleWithClass("node-meta").Text());
    }

    [Fact]
    public async Task A_node_shows_its_kubelet_and_kube_proxy_and_what_its_pods_request()
    {
        var proxy = Pod("kube-proxy-x7", "node-1", p =>
        {
            Running(p);
            p.Metadata.Namespace = "kube-system";
            p.Metadata.Labels = new() { ["k8s-app"] = "kube-proxy" };
        });
        var web = Pod("web-a", "node-1", Running);
        web.Spec.Containers[0].Resources = new ResourceRequirements { Requests = new() { ["cpu"] = "750m", ["memory"] = "512Mi" } };
        var lease = new Lease { Metadata = new ObjectMeta { Name = "node-1", Namespace = "kube-node-lease" }, Spec = new LeaseSpec { RenewTime = T0 } };
        var activity = new ComponentActivity();
        activity.Add(Trace.Writes.Write(9, "kubelet/node-1", null, web, WriteType.Modified, T0.AddSeconds(-2)));

        var card = CardOf(await Markup.RenderAsync<NodeMap>(new Dictionary<string, object?>
        {
            ["Nodes"] = new[] { Node("node-1") }, ["Pods"] = new[] { proxy, web }, ["Leases"] = new KubeObject[] { lease },
            ["ServiceCount"] = 2, ["Activity"] = activity, ["Now"] = T0.AddSeconds(4),
        }), "node-1");

        var agents = card.WithClass("node-agent").Select(Words).ToList();
        Assert.Equal(["kubelet | Ready · heartbeat 4s ago | last: update Pod default/web-a · 6s ago", "kube-proxy | Running 1/1 · routes 2 services"], agents);
        Assert.Equal(["750m / 2 CPU requested (37%)", "512Mi / 4Gi memory requested (12%)"], card.WithClass("map-meter-value").Select(v => v.Text()));
        Assert.Equal(["web-a"], card.WithClass("pod-name").Select(n => n.Text()));
        Assert.Equal("1 pod besides kube-proxy", card.SingleWithClass("node-meta").Text());
    }

    [Fact]
    public async Task A_node_whose_kubelet_went_silent_says_so_in_words()
    {
        var silent = Node("node-1");
        silent.Status!.Conditions![0].Status = "Unknown";
        var off = Node("node-2");
        off.Metadata.Annotations = new() { [Playground.Core.Kubelet.Kubelet.PoweredOffAnnotation] = "true" };

        var map = await RenderAsync([silent, off], []);

        Assert.Equal("not responding: stopped posting status", CardOf(map, "node-1").WithClass("agent-state").First().Text());
        Assert.True(CardOf(map, "node-1").WithClass("node-agent").First().HasClass("agent-trouble"));
        Assert.Equal("machine powered off", CardOf(map, "node-2").WithClass("agent-state").First().Text());
        Assert.Equal("kube-proxy | no pod on this node · routes 0 services", Words(CardOf(map, "node-1").WithClass("node-agent").Last()));
    }

    [Fact]
    public async Task Readiness_is_written_on_every_chip_and_an_unready_running_pod_is_marked()
    {
        var map = await RenderAsync([Node("node-1")], [Pod("ok", "node-1", Running), Pod("probe-failing", "node-1", Map.MapObjects.RunningNotReady)]);

        Assert.Equal("1/1 ready", ChipOf(map, "ok").SingleWithClass("pod-ready").Text());
        var unready = ChipOf(map, "probe-failing");
        Assert.Equal("0/1 ready", unready.SingleWithClass("pod-ready").Text());
        Assert.True(unready.HasClass("pod-unready"));
        Assert.False(ChipOf(map, "ok").HasClass("pod-unready"));
        Assert.Equal("default/ok", (string?)ChipOf(map, "ok").Attribute("data-link-id"));
    }

    [Fact]
    public async Task Pods_sit_on_the_node_they_are_bound_to_with_their_status_in_words()
    {
        var map = await RenderAsync(
            [Node("node-1"), Node("node-2")],
            [Pod("web-a", "node-1", Running), Pod("web-b", "node-2", Creating), Pod("web-c", "node-1", Terminating)]);

        var node1 = CardOf(map, "node-1");
        Assert.Equal("Running", ChipOf(node1, "web-a").SingleWithClass("pod-status").Text());
        Assert.Equal("Terminating", ChipOf(node1, "web-c").SingleWithClass("pod-status").Text());
        Assert.Equal("ContainerCreating", ChipOf(CardOf(map, "node-2"), "web-b").SingleWithClass("pod-status").Text());
        Assert.Equal("2 pods", node1.SingleWithClass("node-meta").Text());
    }

    [Fact]
    public async Task Unscheduled_pods_wait_in_their_own_lane_as_Pending()
    {
        var map = await RenderAsync([Node("node-1")], [Pod("big", node: null)]);

        var lane = CardOf(map, "Not on a node");
        Assert.Equal("Pending", ChipOf(lane, "big").SingleWithClass("pod-status").Text());
        Assert.Contains("No pods", CardOf(map, "node-1").Text());
    }

    [Fact]
    public async Task Each_phase_has_its_own_style_and_icon_besides_the_text()
    {
        var map = await RenderAsync(
            [Node("node-1")],
            [Pod("p-pending", "node-1"), Pod("p-creating", "node-1", Creating), Pod("p-running", "node-1", Running),
             Pod("p-done", "node-1", Completed), Pod("p-gone", "node-1", Terminating),
             Pod("p-failed", "node-1", p => p.Status = new PodStatus { Phase = "Failed", Reason = "Evicted" })]);

        var expected = new Dictionary<string, (string Style, string Text)>
        {
            ["p-pending"] = ("pod-pending", "Pending"),
            ["p-creating"] = ("pod-creating", "ContainerCreating"),
            ["p-running"] = ("pod-running", "Running"),
            ["p-done"] = ("pod-succeeded", "Completed"),
            ["p-gone"] = ("pod-terminating", "Terminating"),
            ["p-failed"] = ("pod-failed", "Evicted"),
        };
        foreach (var (pod, (style, text)) in expected)
        {
            var chip = ChipOf(map, pod);
            Assert.True(chip.HasClass(style), $"{pod} should be styled {style}: {chip}");
            Assert.Equal(text, chip.SingleWithClass("pod-status").Text());
            Assert.Single(chip.WithClass("bi"));
        }
        Assert.Equal(6, map.WithClass("pod-chip").Select(c => (string?)c.Attribute("class")).Distinct().Count());
    }

    [Fact]
    public async Task The_summary_counts_nodes_and_pods_by_status()
    {
        var map = await RenderAsync([Node("node-1"), Node("node-2")],
            [Pod("a", "node-1", Running), Pod("b", "node-2", Running), Pod("c")]);

        Assert.Equal("2 nodes · 3 pods (2 Running, 1 Pending)", map.SingleWithClass("node-summary").Text());
    }
}
