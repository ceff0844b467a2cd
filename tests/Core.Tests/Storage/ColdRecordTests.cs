using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Storage;

public sealed class ColdRecordTests
{
    [Fact]
    public void A_write_that_leaves_the_history_window_gives_the_same_json_from_its_object()
    {
        var cluster = SimulatedCluster.Create(new ClusterOptions { Nodes = 0, HistoryWindow = 2, Start = TestCluster.Start });
        var created = cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "kept" }, Data = new() { ["k"] = "v" } }, WriteContext.Kubectl);
        var record = cluster.Store.Get(new ObjectKey("configmaps", "default", "kept"))!;
        var hot = record.Json;

        for (var i = 0; i < 3; i++)
            cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = $"other-{i}" } }, WriteContext.Kubectl);

        Assert.True(record.Revision <= cluster.Store.CompactedRevision);
        Assert.Equal(hot, record.Json);
        Assert.Equal(KubeJson.Serialize(created), cluster.Api.Get<ConfigMap>("default", "kept") is { } read ? KubeJson.Serialize(read) : null);
    }

    [Fact]
    public void A_cluster_writes_the_same_history_and_ends_in_the_same_state_whatever_its_history_window()
    {
        var small = Run(historyWindow: 1);
        var large = Run(historyWindow: 100_000);

        Assert.Contains(large.Writes, w => w.Contains(" Deleted pods/default/web-"));
        Assert.Equal(large.Revision, small.Revision);
        Assert.Equal(large.Writes, small.Writes);
        Assert.Equal(large.Objects, small.Objects);
    }

    private static (long Revision, List<string> Writes, List<string> Objects) Run(int historyWindow)
    {
        var cluster = SimulatedCluster.Create(new ClusterOptions { Nodes = 3, HistoryWindow = historyWindow, Start = TestCluster.Start });
        var writes = new List<string>();
        cluster.Store.Watch(cluster.Store.Revision, w => writes.Add($"{w.Revision} {w.Type} {w.Key} {w.Actor} {w.Cause}"));
        foreach (var command in new[]
        {
            "kubectl create deployment web --image=nginx --replicas=3",
            "kubectl scale deployment web --replicas=5",
            "kubectl set image deployment/web nginx=nginx:1.27",
            "kubectl cordon node-2",
            "kubectl delete pod -l app=web --wait=false",
        })
        {
            cluster.Kubectl(command);
            cluster.RunUntilIdle(TimeSpan.FromMinutes(5));
        }
        var objects = cluster.Store.All().Select(r => $"{r.Key} {r.Revision} {r.Actor} {r.Json}").ToList();
        return (cluster.Store.Revision, writes, objects);
    }
}
