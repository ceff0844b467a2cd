using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;

namespace Playground.Core.Tests.Simulation;

/// <summary>The workspace's one-click faults: each is a write by "playground", followed by the control plane's answer.</summary>
public class FaultsTests
{
    private static SimulatedCluster WithDeployment(string manifest)
    {
        var cluster = TestCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl apply -f -", manifest).ExitCode);
        cluster.Settle();
        return cluster;
    }

    private static List<Pod> Pods(SimulatedCluster cluster) => cluster.Api.List<Pod>("default").ToList();

    private const string Web = """
        apiVersion: apps/v1
        kind: Deployment
        metadata: {name: web}
        spec:
          replicas: 2
          selector: {matchLabels: {app: web}}
          template:
            metadata: {labels: {app: web}}
            spec:
              containers:
              - name: nginx
                image: nginx:1.27
                livenessProbe:
                  httpGet: {path: /, port: 80}
                  periodSeconds: 5
        """;

    [Fact]
    public void Failing_a_node_is_a_playground_write_and_its_pods_move_after_the_toleration_seconds()
    {
        var cluster = WithDeployment(Web);
        var node = Pods(cluster)[0].Spec.NodeName!;
        var revision = cluster.Store.Revision;

        Assert.Equal($"node \"{node}\" failed: its kubelet stopped", cluster.Inject(new Fault("fail-node", Node: node)));

        var first = cluster.Store.History(revision)[0];
        Assert.Equal(("playground", "Node", node), (first.Actor, first.Kind, first.Key.Name));
        var settled = cluster.Settle();

        Assert.True(settled.Reached);
        Assert.All(Pods(cluster).Where(p => p.Metadata.DeletionTimestamp is null), p => Assert.NotEqual(node, p.Spec.NodeName));
        Assert.Equal(2, Pods(cluster).Count(p => p.Status?.Phase == "Running" && p.Spec.NodeName != node));

        cluster.Inject(new Fault("recover-node", Node: node));
        cluster.Settle();
        Assert.Equal("True", cluster.Api.Get<Node>(null, node).Status?.Conditions?.First(c => c.Type == "Ready").Status);
    }

    [Fact]
    public void Failing_a_liveness_probe_makes_the_kubelet_restart_the_container_until_it_recovers()
    {
        var cluster = WithDeployment(Web);
        var pod = Pods(cluster)[0].Metadata.Name!;

        cluster.Inject(new Fault("fail-probe", Pod: pod));
        cluster.Advance(TimeSpan.FromSeconds(40));

        var events = cluster.Api.List<Event>("default").Where(e => e.InvolvedObject?.Name == pod).ToList();
        Assert.Contains(events, e => e.Reason == "Unhealthy" && e.Message == "Liveness probe failed: HTTP probe failed with statuscode: 500");
        Assert.True(cluster.Api.Get<Pod>("default", pod).Status!.ContainerStatuses![0].RestartCount >= 1);

        Assert.Equal($"pod \"{pod}\" passes its probes again", cluster.Inject(new Fault("recover-probe", Pod: pod)));
    }

    [Fact]
    public void Failing_an_image_pull_leaves_the_pod_in_ErrImagePull()
    {
        var cluster = WithDeployment(Web);
        var pod = Pods(cluster)[0].Metadata.Name!;

        Assert.Equal($"pod \"{pod}\" now pulls \"nginx-missing:1.27\", which does not exist", cluster.Inject(new Fault("fail-image-pull", Pod: pod)));
        cluster.Advance(TimeSpan.FromSeconds(5));

        var waiting = cluster.Api.Get<Pod>("default", pod).Status!.ContainerStatuses![0].State?.Waiting?.Reason;
        Assert.Contains(waiting, new[] { "ErrImagePull", "ImagePullBackOff" });
    }

    [Fact]
    public void Deleting_a_pod_and_adding_a_node_are_playground_writes()
    {
        var cluster = WithDeployment(Web);
        var pod = Pods(cluster)[0].Metadata.Name!;
        var revision = cluster.Store.Revision;

        cluster.Inject(new Fault("delete-pod", Pod: pod));
        Assert.Equal("node \"node-4\" added", cluster.Inject(new Fault("add-node")));

        Assert.Contains(cluster.Store.History(revision), w => w.Actor == "playground" && w.Kind == "Pod" && w.Key.Name == pod);
        cluster.Settle();
        Assert.Equal(2, Pods(cluster).Count(p => p.Status?.Phase == "Running"));
        Assert.NotNull(cluster.Api.TryGet<Node>(null, "node-4"));
    }

    [Theory]
    [InlineData("explode", null, null, 400, "unknown fault type \"explode\"")]
    [InlineData("fail-node", null, null, 400, "node is required")]
    [InlineData("fail-node", "node-9", null, 404, "nodes \"node-9\" not found")]
    [InlineData("recover-node", "node-1", null, 409, "node \"node-1\" is already up")]
    [InlineData("add-node", "node-1", null, 409, "already exists")]
    [InlineData("add-node", "Bad_Name!", null, 400, "node name \"Bad_Name!\" is invalid: a lowercase RFC 1123 subdomain")]
    [InlineData("delete-pod", null, "nope", 404, "pods \"nope\" not found")]
    [InlineData("fail-probe", null, "nope", 404, "pods \"nope\" not found")]
    public void A_bad_fault_is_refused_with_a_clear_message_and_changes_nothing(string type, string? node, string? pod, int code, string message)
    {
        var cluster = WithDeployment(Web);
        var revision = cluster.Store.Revision;

        var error = Assert.Throws<ApiException>(() => cluster.Inject(new Fault(type, Node: node, Pod: pod)));

        Assert.Equal(code, error.Code);
        Assert.Contains(message, error.Message);
        Assert.Equal(revision, cluster.Store.Revision);
        // Nothing left behind to act later either: no kubelet for a refused node.
        cluster.Settle();
        Assert.Equal(3, cluster.Api.List<Node>().Count);
    }
}
