using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Playground.Client.Cluster;
using Playground.Client.Services;
using Playground.Core.Api.Core;

namespace Playground.Client.Tests.Cluster;

/// <summary>The fault bar as a person uses it: one click per fault, named for its target, and a status line that says what happened.</summary>
public sealed class FaultsTests : IAsyncLifetime
{
    private const string ProbedPod = """
        kubectl apply -f - <<EOF
        apiVersion: v1
        kind: Pod
        metadata:
          name: probed
        spec:
          containers:
          - name: web
            image: nginx
            livenessProbe:
              httpGet:
                path: /
                port: 80
        EOF
        """;

    private readonly ClusterGateway _gateway = new();
    private LiveComponent<Faults>? _live;

    private Dictionary<string, object?> Parameters() =>
        new() { ["SandboxId"] = "s1", ["Nodes"] = _gateway.Nodes, ["Pods"] = _gateway.Pods.Where(p => p.Metadata.Namespace == "default").ToList() };

    private async Task<LiveComponent<Faults>> RenderAsync()
    {
        _live = await LiveComponent<Faults>.RenderAsync(Parameters(), services => services.AddSingleton<ISandboxGateway>(_gateway));
        return _live;
    }

    /// <summary>What the workspace does when the write stream brings the fault's writes: it passes the new objects in.</summary>
    private async Task<XElement> RefreshAsync()
    {
        _gateway.Cluster.RunUntilIdle(TimeSpan.FromMinutes(1));
        await _live!.SetParametersAsync(Parameters());
        return await _live.MarkupAsync();
    }

    private static XElement Status(XElement root) => Assert.Single(root.Descendants(), e => (string?)e.Attribute("role") == "status");

    private static string Label(XElement root, string cssClass) => (string?)root.SingleWithClass(cssClass).Attribute("aria-label") ?? "";

    private static string Disabled(XElement root, string cssClass) => (string?)root.SingleWithClass(cssClass).Attribute("aria-disabled") ?? "";

    [Fact]
    public async Task Every_fault_button_names_its_action_and_target()
    {
        _gateway.Kubectl(ProbedPod);
        var root = await (await RenderAsync()).MarkupAsync();

        Assert.Equal(["node-1", "node-2", "node-3"], root.Descendants("select").First().Elements("option").Select(o => o.Text()));
        Assert.Equal("Fail node node-1: cut its power", Label(root, "fault-fail-node"));
        Assert.Equal("Fail", root.SingleWithClass("fault-fail-node").Text());
        Assert.Equal("Add a node", Label(root, "fault-add-node"));
        Assert.Equal("Delete pod default/probed", Label(root, "fault-delete-pod"));
        Assert.Equal("Break the image of pod default/probed so that its pull fails", Label(root, "fault-image"));
        Assert.Equal("Make a probe of pod default/probed fail", Label(root, "fault-fail-probe"));
        Assert.Equal(["Fail", "Add node", "Delete", "Break image", "Fail probe"], root.Descendants("button").Select(b => b.Text()));
        Assert.All(root.Descendants("button"), b => Assert.Equal("false", (string?)b.Attribute("aria-disabled")));
        Assert.All(root.Descendants("select"), s => Assert.Single(root.Descendants("label"), l => (string?)l.Attribute("for") == (string?)s.Attribute("id")));
    }

    [Fact]
    public async Task Without_pods_the_pod_faults_are_unavailable_and_pressing_one_says_what_to_do()
    {
        var live = await RenderAsync();
        var root = await live.MarkupAsync();

        Assert.Equal("No pods yet", root.Descendants("select").Last().Elements("option").Single().Text());
        Assert.Equal(("true", "true", "true"), (Disabled(root, "fault-delete-pod"), Disabled(root, "fault-image"), Disabled(root, "fault-fail-probe")));
        Assert.Equal("Delete a pod", Label(root, "fault-delete-pod"));
        var revision = _gateway.Cluster.Store.Revision;

        await live.ClickAsync(root.SingleWithClass("fault-delete-pod"));
        var status = Status(await live.MarkupAsync());

        Assert.Equal("Error: There is no pod yet: create one first, e.g. kubectl create deployment web --image=nginx.", status.Text());
        Assert.True(status.HasClass("fault-feedback-error"));
        Assert.Equal(revision, _gateway.Cluster.Store.Revision);
    }

    [Fact]
    public async Task Failing_a_node_is_one_click_said_in_the_status_and_written_by_playground_then_the_button_recovers_it()
    {
        var live = await RenderAsync();
        var revision = _gateway.Cluster.Store.Revision;

        await live.ClickAsync((await live.MarkupAsync()).SingleWithClass("fault-fail-node"));
        Assert.Equal("Node \"node-1\" failed: its kubelet stopped.", Status(await live.MarkupAsync()).Text());
        Assert.Contains(_gateway.Cluster.Store.History(revision), w => w.Actor == "playground" && w.Key.Name == "node-1");

        var root = await RefreshAsync();
        Assert.Equal("node-1 (failed)", root.Descendants("option").First().Text());
        Assert.Equal("Recover node node-1: power it back on", Label(root, "fault-recover-node"));
        await live.ClickAsync(root.SingleWithClass("fault-recover-node"));
        Assert.Equal("Node \"node-1\" recovered: its kubelet is back.", Status(await live.MarkupAsync()).Text());
    }

    [Fact]
    public async Task A_fault_the_cluster_refuses_is_said_in_words_and_changes_nothing()
    {
        var live = await RenderAsync();
        var fail = (await live.MarkupAsync()).SingleWithClass("fault-fail-node");
        await live.ClickAsync(fail);
        var revision = _gateway.Cluster.Store.Revision;

        // The page has not heard of the failure yet, so the button still offers to fail the node.
        await live.ClickAsync((await live.MarkupAsync()).SingleWithClass("fault-fail-node"));
        var status = Status(await live.MarkupAsync());

        Assert.Equal("Error: Node \"node-1\" is already failed.", status.Text());
        Assert.True(status.HasClass("fault-feedback-error"));
        Assert.Equal(revision, _gateway.Cluster.Store.Revision);
    }

    [Fact]
    public async Task Pod_faults_delete_break_the_image_and_fail_and_heal_a_probe_each_in_one_click()
    {
        _gateway.Kubectl(ProbedPod);
        _gateway.Kubectl("kubectl run plain --image=nginx");
        var live = await RenderAsync();
        var root = await RefreshAsync();

        await live.ChooseAsync(root.Descendants("select").Last(), "default/plain");
        root = await live.MarkupAsync();
        Assert.Equal(("true", "This pod has no probes"), (Disabled(root, "fault-fail-probe"), (string?)root.SingleWithClass("fault-fail-probe").Attribute("title")));
        await live.ClickAsync(root.SingleWithClass("fault-fail-probe"));
        Assert.Equal("Error: Pod default/plain has no probes to fail: give a container a livenessProbe or readinessProbe, or choose another pod.",
            Status(await live.MarkupAsync()).Text());

        await live.ClickAsync(root.SingleWithClass("fault-image"));
        Assert.Equal("Pod \"plain\" now pulls \"nginx-missing:latest\", which does not exist.", Status(await live.MarkupAsync()).Text());
        await live.ClickAsync(root.SingleWithClass("fault-delete-pod"));
        Assert.Equal("Pod \"plain\" deleted.", Status(await live.MarkupAsync()).Text());

        root = await RefreshAsync();
        Assert.Equal(["default/probed"], root.Descendants("select").Last().Elements("option").Select(o => o.Text()));
        await live.ClickAsync(root.SingleWithClass("fault-fail-probe"));
        Assert.Equal("Pod \"probed\" now fails its liveness probe.", Status(await live.MarkupAsync()).Text());
        root = await RefreshAsync();
        Assert.Equal(("Heal probe", "Make the probes of pod default/probed pass again"), (root.SingleWithClass("fault-recover-probe").Text(), Label(root, "fault-recover-probe")));
        await live.ClickAsync(root.SingleWithClass("fault-recover-probe"));
        Assert.StartsWith("Pod \"probed\"", Status(await live.MarkupAsync()).Text());
    }

    [Fact]
    public async Task While_a_fault_is_injected_the_bar_is_busy_and_says_so()
    {
        var live = await RenderAsync();
        var hold = new TaskCompletionSource();
        _gateway.Hold = hold;

        var adding = live.ClickAsync((await live.MarkupAsync()).SingleWithClass("fault-add-node"));
        var root = await live.MarkupAsync();
        Assert.Equal("true", (string?)root.Elements().Single().Attribute("aria-busy"));
        Assert.Equal("Injecting the fault…", Status(root).Text());
        Assert.All(root.Descendants("button"), b => Assert.Equal("true", (string?)b.Attribute("aria-disabled")));

        hold.SetResult();
        await adding;
        Assert.Equal("Node \"node-4\" added.", Status(await live.MarkupAsync()).Text());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_live is not null) await _live.DisposeAsync();
    }
}
