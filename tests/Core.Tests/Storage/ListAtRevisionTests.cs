using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Storage;

/// <summary>Listing a resource as it was at a past revision, what consistent pages and exact lists read.</summary>
public sealed class ListAtRevisionTests
{
    private static ConfigMap Map(string name, string value = "1", string? ns = null) =>
        new() { Metadata = new ObjectMeta { Name = name, Namespace = ns }, Data = new() { ["k"] = value } };

    private static List<string> Describe(IEnumerable<WriteRecord> records) =>
        [.. records.Select(r => $"{r.Key.Namespace}/{r.Key.Name}@{r.Revision}={((ConfigMap)r.Object).Data?.GetValueOrDefault("k")}")];

    [Fact]
    public void A_past_revision_lists_the_objects_as_they_were_with_later_creates_updates_and_deletes_undone()
    {
        var cluster = TestCluster.Create(nodes: 0);
        cluster.Api.Create(new Namespace { Metadata = new ObjectMeta { Name = "team" } }, WriteContext.Kubectl);
        foreach (var name in new[] { "c", "a", "b" }) cluster.Api.Create(Map(name), WriteContext.Kubectl);
        cluster.Api.Create(Map("t", ns: "team"), WriteContext.Kubectl);
        var revision = cluster.Store.Revision;
        var then = Describe(cluster.Store.List("configmaps", "default"));
        var thenEverywhere = Describe(cluster.Store.List("configmaps"));

        cluster.Api.Update(Map("b", "2"), WriteContext.Kubectl);
        cluster.Api.Update(Map("b", "3"), WriteContext.Kubectl);
        cluster.Api.Delete<ConfigMap>("default", "c", WriteContext.Kubectl);
        cluster.Api.Create(Map("aa"), WriteContext.Kubectl);
        cluster.Api.Create(Map("c", "new"), WriteContext.Kubectl);
        cluster.Api.Update(Map("t", "2", "team"), WriteContext.Kubectl);

        Assert.Contains($"default/b@{revision - 1}=1", then);
        Assert.Equal(then, Describe(cluster.Store.ListAt("configmaps", "default", revision)!));
        Assert.Equal(thenEverywhere, Describe(cluster.Store.ListAt("configmaps", null, revision)!));
        Assert.Equal(Describe(cluster.Store.List("configmaps", "default")), Describe(cluster.Store.ListAt("configmaps", "default", cluster.Store.Revision)!));
        Assert.Contains($"default/c@{revision + 5}=new", Describe(cluster.Store.List("configmaps", "default")));
    }

    [Fact]
    public void A_revision_whose_state_has_left_the_window_cannot_be_listed_but_one_with_only_creates_since_can()
    {
        var cluster = SimulatedCluster.Create(new ClusterOptions { Nodes = 0, HistoryWindow = 3, Start = TestCluster.Start });
        cluster.Api.Create(Map("old"), WriteContext.Kubectl);
        var beforeOthers = cluster.Store.Revision;
        foreach (var name in new[] { "x", "y", "z" }) cluster.Api.Create(Map(name), WriteContext.Kubectl);
        var revision = cluster.Store.Revision;

        cluster.Api.Create(Map("fresh"), WriteContext.Kubectl);
        var onlyCreatedSince = cluster.Store.ListAt("configmaps", "default", revision);
        cluster.Api.Update(Map("old", "2"), WriteContext.Kubectl);

        Assert.True(beforeOthers - 1 < cluster.Store.CompactedRevision);
        Assert.Null(cluster.Store.ListAt("configmaps", "default", beforeOthers - 1));
        Assert.DoesNotContain(onlyCreatedSince!, r => r.Key.Name == "fresh");
        Assert.Contains(onlyCreatedSince!, r => r.Key.Name == "old");
        // "old" changed after the revision, and its value then was written before the window: gone, as after a compaction.
        Assert.True(revision >= cluster.Store.CompactedRevision);
        Assert.Null(cluster.Store.ListAt("configmaps", "default", revision));
        Assert.NotNull(cluster.Store.ListAt("secrets", "default", revision));
    }
}
