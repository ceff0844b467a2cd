using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Storage;

namespace Playground.Core.Tests.Storage;

public class StoreTests
{
    private static ConfigMap Map(string name, string value = "1") =>
        new() { Metadata = new ObjectMeta { Name = name }, Data = new() { ["k"] = value } };

    [Fact]
    public void Every_write_gets_the_next_revision_as_its_resource_version_and_records_actor_and_cause()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var before = cluster.Store.Revision;

        var created = cluster.Api.Create(Map("a"), new WriteContext("kubectl"));
        var updated = cluster.Api.Update(Map("a", "2"), new WriteContext("someone", before + 1));

        Assert.Equal((before + 1).ToString(), created.Metadata.ResourceVersion);
        Assert.Equal((before + 2).ToString(), updated.Metadata.ResourceVersion);
        var history = cluster.Store.History(before);
        Assert.Equal([WriteType.Added, WriteType.Modified], history.Select(w => w.Type));
        Assert.Equal(["kubectl", "someone"], history.Select(w => w.Actor));
        Assert.Equal([null, before + 1], history.Select(w => w.Cause));
    }

    [Fact]
    public void An_update_with_a_stale_resource_version_is_a_409_conflict_and_writes_nothing()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var first = cluster.Api.Create(Map("a"), WriteContext.Kubectl);
        cluster.Api.Update(Map("a", "2"), WriteContext.Kubectl);
        var revision = cluster.Store.Revision;

        var stale = Map("a", "3");
        stale.Metadata.ResourceVersion = first.Metadata.ResourceVersion;
        var error = Assert.Throws<ApiException>(() => cluster.Api.Update(stale, WriteContext.Kubectl));

        Assert.Equal(409, error.Code);
        Assert.Equal("Conflict", error.Reason);
        Assert.Equal("Operation cannot be fulfilled on configmaps \"a\": the object has been modified; please apply your changes to the latest version and try again", error.Message);
        Assert.Equal(revision, cluster.Store.Revision);
        Assert.Equal("2", cluster.Api.Get<ConfigMap>("default", "a").Data!["k"]);
    }

    [Fact]
    public void Creating_an_existing_object_is_409_already_exists()
    {
        var cluster = TestCluster.Create(nodes: 0);
        cluster.Api.Create(Map("a"), WriteContext.Kubectl);

        var error = Assert.Throws<ApiException>(() => cluster.Api.Create(Map("a"), WriteContext.Kubectl));

        Assert.Equal(409, error.Code);
        Assert.Equal("AlreadyExists", error.Reason);
        Assert.Equal("configmaps \"a\" already exists", error.Message);
    }

    [Fact]
    public void A_watch_replays_the_window_then_streams_new_writes_in_revision_order()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var from = cluster.Store.Revision;
        cluster.Api.Create(Map("a"), WriteContext.Kubectl);
        var seen = new List<(long, string)>();

        using var watch = cluster.Store.Watch(from, w => seen.Add((w.Revision, w.Key.Name)));
        cluster.Api.Create(Map("b"), WriteContext.Kubectl);
        cluster.Api.Delete<ConfigMap>("default", "a", WriteContext.Kubectl);

        Assert.Equal([(from + 1, "a"), (from + 2, "b"), (from + 3, "a")], seen);
    }

    [Fact]
    public void Watching_from_before_the_history_window_is_410_gone()
    {
        var cluster = Playground.Core.Simulation.SimulatedCluster.Create(new() { Nodes = 0, HistoryWindow = 3, Start = TestCluster.Start });
        for (var i = 0; i < 5; i++) cluster.Api.Create(Map($"m{i}"), WriteContext.Kubectl);

        var error = Assert.Throws<ApiException>(() => cluster.Store.Watch(1, _ => { }));

        Assert.Equal(410, error.Code);
        Assert.StartsWith("too old resource version: 1", error.Message);
        Assert.Equal(3, cluster.Store.History(cluster.Store.Revision - 3).Count);
    }

    [Fact]
    public void Lists_come_in_etcd_key_order_and_filter_by_namespace_and_labels()
    {
        var cluster = TestCluster.Create(nodes: 0);
        cluster.Api.Create(new Namespace { Metadata = new ObjectMeta { Name = "team" } }, WriteContext.Kubectl);
        foreach (var (ns, name, app) in new[] { ("team", "b", "x"), ("default", "c", "y"), ("default", "a", "x") })
            cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = name, Namespace = ns, Labels = new() { ["app"] = app } } }, WriteContext.Kubectl);

        // kubeadm's add-ons keep their ConfigMaps in kube-system, which sorts between the two.
        Assert.Equal(["default/a", "default/c", "kube-system/coredns", "kube-system/kube-proxy", "team/b"], cluster.Api.List<ConfigMap>().Select(m => $"{m.Metadata.Namespace}/{m.Metadata.Name}"));
        Assert.Equal(["team/b"], cluster.Api.List<ConfigMap>("team").Select(m => $"{m.Metadata.Namespace}/{m.Metadata.Name}"));
        Assert.Equal(["a", "b"], cluster.Api.List<ConfigMap>(null, "app=x").Select(m => m.Metadata.Name));
        Assert.Equal(["c"], cluster.Api.List<ConfigMap>("default", "app notin (x)").Select(m => m.Metadata.Name));
    }

    [Fact]
    public void Objects_are_listed_in_etcds_key_order_where_one_namespace_begins_another()
    {
        var cluster = TestCluster.Create(nodes: 0);
        foreach (var ns in new[] { "deva", "dev", "dev-a" })
        {
            cluster.Api.Create(new Namespace { Metadata = new ObjectMeta { Name = ns } }, WriteContext.Kubectl);
            foreach (var name in new[] { "b", "a" })
                cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = name, Namespace = ns } }, WriteContext.Kubectl);
        }

        // Ordinal order of "namespace/name": '-' < '/' < 'a'.
        Assert.Equal(["dev-a/a", "dev-a/b", "dev/a", "dev/b", "deva/a", "deva/b"],
            cluster.Store.List("configmaps").Where(r => r.Key.Namespace!.StartsWith("dev")).Select(r => $"{r.Key.Namespace}/{r.Key.Name}"));
        Assert.Equal(["a", "b"], cluster.Store.List("configmaps", "dev").Select(r => r.Key.Name));
    }
}
