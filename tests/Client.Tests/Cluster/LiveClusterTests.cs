using System.Diagnostics;
using Playground.Client.Cluster;
using Playground.Client.Services;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Storage;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster;

public class LiveClusterTests
{
    private static WriteRecord Write(long revision, WriteType type, KubeObject obj, DateTimeOffset time) =>
        new(revision, type, new ObjectKey(obj.Kind.ToLowerInvariant() + "s", obj.Metadata.Namespace, obj.Metadata.Name!), obj.Kind, obj, "{}", "kubectl", null, time);

    private static LiveCluster Loaded(long revision, params KubeObject[] objects)
    {
        var cluster = new LiveCluster();
        cluster.Load(new ClusterSnapshot(revision, T0, objects));
        return cluster;
    }

    [Fact]
    public void A_snapshot_gives_the_nodes_pods_events_revision_and_time()
    {
        var cluster = Loaded(7, Node("node-1"), Pod("web", "node-1", Running), Event("e", "Normal", "Scheduled", "Pod", "web", "m", T0), new ConfigMap());

        Assert.Equal(("node-1", "web", "Scheduled"), (cluster.Nodes.Single().Metadata.Name, cluster.Pods.Single().Metadata.Name, cluster.Events.Single().Reason));
        Assert.Equal((7, T0), (cluster.Revision, cluster.Now));
    }

    [Fact]
    public void Writes_add_replace_and_delete_objects_and_move_the_clock()
    {
        var cluster = Loaded(7, Node("node-1"));
        var pod = Pod("web");

        cluster.Apply(Write(8, WriteType.Added, pod, T0.AddSeconds(1)));
        cluster.Apply(Write(9, WriteType.Modified, Pod("web", "node-1", Running), T0.AddSeconds(2)));
        Assert.Equal("Running", PodDisplay.Of(cluster.Pods.Single()).Status);

        cluster.Apply(Write(10, WriteType.Deleted, pod, T0.AddSeconds(3)));
        Assert.Empty(cluster.Pods);
        Assert.Equal((10, T0.AddSeconds(3)), (cluster.Revision, cluster.Now));
    }

    [Fact]
    public void Writes_already_in_the_snapshot_are_not_applied_again()
    {
        var cluster = Loaded(7, Pod("web", "node-1", Running));

        cluster.Apply(Write(6, WriteType.Deleted, Pod("web"), T0));

        Assert.Single(cluster.Pods);
        Assert.Equal(7, cluster.Revision);
    }

    [Fact]
    public async Task A_burst_of_a_thousand_writes_applies_and_renders_at_once()
    {
        var cluster = Loaded(1, Node("node-1"), Node("node-2"), Node("node-3"));
        var watch = Stopwatch.StartNew();
        for (var i = 0; i < 1000; i++)
            cluster.Apply(Write(2 + i, WriteType.Added, Pod($"burst-{i}", $"node-{i % 3 + 1}", Running), T0));

        var map = await Markup.RenderAsync<NodeMap>(new Dictionary<string, object?> { ["Nodes"] = cluster.Nodes, ["Pods"] = cluster.Pods });

        Assert.Equal(1000, map.WithClass("pod-chip").Count());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"took {watch.Elapsed}");
    }
}
