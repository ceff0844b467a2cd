using Playground.Client.Cluster;
using Playground.Core.Api.Core;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster;

public class NodeMapTests
{
    private static Task<System.Xml.Linq.XElement> RenderAsync(IReadOnlyCollection<Node> nodes, IReadOnlyCollection<Pod> pods) =>
        Markup.RenderAsync<NodeMap>(new Dictionary<string, object?> { ["Nodes"] = nodes, ["Pods"] = pods });

    private static System.Xml.Linq.XElement CardOf(System.Xml.Linq.XElement map, string title) =>
        Assert.Single(map.WithClass("node-card"), card => card.SingleWithClass("node-name").Text() == title);

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
        Assert.Equal("2 CPU · 4Gi memory · 0 pods", CardOf(map, "node-1").SingleWithClass("node-meta").Text());
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
        Assert.Contains("2 pods", node1.SingleWithClass("node-meta").Text());
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
