using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;

namespace Playground.Core.Tests.ApiServer;

/// <summary>dryRun=All, as kubectl --dry-run=server and kubectl diff send it: the whole write is judged, nothing is stored.</summary>
public class DryRunTests
{
    private static readonly WriteContext DryRun = WriteContext.Kubectl with { DryRun = true };

    private static Service NodePortService(string name, string? clusterIp = null) => new()
    {
        Metadata = new ObjectMeta { Name = name },
        Spec = new ServiceSpec { Type = "NodePort", ClusterIP = clusterIp, Selector = new() { ["app"] = "web" }, Ports = [new ServicePort { Port = 80 }] },
    };

    [Fact]
    public void A_dry_run_create_returns_the_defaulted_object_with_its_addresses_but_stores_and_reserves_nothing()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var revision = cluster.Store.Revision;

        var judged = cluster.Api.Create(NodePortService("web"), DryRun);

        Assert.Equal(revision, cluster.Store.Revision);
        Assert.Null(cluster.Api.TryGet<Service>("default", "web"));
        Assert.NotNull(judged.Metadata.Uid);
        Assert.Null(judged.Metadata.ResourceVersion);
        Assert.Equal("Cluster", judged.Spec.ExternalTrafficPolicy);
        var ip = judged.Spec.ClusterIP!;
        var port = judged.Spec.Ports![0].NodePort!.Value;
        // The address and port the dry run showed are still free for a real Service to take.
        var real = cluster.Api.Create(NodePortService("other", ip), WriteContext.Kubectl);
        Assert.Equal(ip, real.Spec.ClusterIP);
        var taken = NodePortService("third");
        taken.Spec.Ports![0].NodePort = port;
        Assert.Equal(port, cluster.Api.Create(taken, WriteContext.Kubectl).Spec.Ports![0].NodePort);
    }

    [Fact]
    public void A_dry_run_is_refused_as_the_real_write_would_be()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var revision = cluster.Store.Revision;
        var bad = new ConfigMap { Metadata = new ObjectMeta { Name = "Not_A_Name" } };

        var error = Assert.Throws<ApiException>(() => cluster.Api.Create(bad, DryRun));

        Assert.Equal(422, error.Code);
        Assert.Equal(revision, cluster.Store.Revision);
    }

    [Fact]
    public void Dry_run_updates_and_deletes_leave_the_object_and_any_quota_as_they_were()
    {
        var cluster = TestCluster.Create(nodes: 0);
        cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "settings" }, Data = new() { ["a"] = "1" } }, WriteContext.Kubectl);
        cluster.Api.Create(new ResourceQuota
        {
            Metadata = new ObjectMeta { Name = "count" },
            Spec = new ResourceQuotaSpec { Hard = new() { ["count/configmaps"] = "10" } },
        }, WriteContext.Kubectl);
        cluster.RunUntilIdle();
        var quotaBefore = cluster.Api.Get<ResourceQuota>("default", "count").Status!.Used!["count/configmaps"];
        var revision = cluster.Store.Revision;

        var changed = cluster.Api.Get<ConfigMap>("default", "settings");
        changed.Data!["a"] = "2";
        var judged = cluster.Api.Update(changed, DryRun);
        cluster.Api.Create(new ConfigMap { Metadata = new ObjectMeta { Name = "more" } }, DryRun);
        cluster.Api.Delete<ConfigMap>("default", "settings", DryRun);

        Assert.Equal("2", judged.Data!["a"]);
        Assert.Equal(revision, cluster.Store.Revision);
        Assert.Equal("1", cluster.Api.Get<ConfigMap>("default", "settings").Data!["a"]);
        Assert.Equal(quotaBefore, cluster.Api.Get<ResourceQuota>("default", "count").Status!.Used!["count/configmaps"]);
    }

    [Fact]
    public void The_terminals_server_dry_run_shows_the_API_servers_answer_and_its_refusals_and_stores_nothing()
    {
        var cluster = TestCluster.Create(nodes: 0);
        var revision = cluster.Store.Revision;

        var created = cluster.Kubectl("kubectl create deployment web --image=nginx --dry-run=server -o yaml");
        var client = cluster.Kubectl("kubectl create deployment web --image=nginx --dry-run=client -o yaml");
        var refused = cluster.Kubectl("kubectl create configmap Bad_Name --dry-run=server");

        Assert.Equal(0, created.ExitCode);
        Assert.Contains("progressDeadlineSeconds: 600", created.Output);
        Assert.DoesNotContain("progressDeadlineSeconds", client.Output);
        Assert.Equal(1, refused.ExitCode);
        Assert.Contains("ConfigMap \"Bad_Name\" is invalid", refused.Output);
        Assert.Equal(revision, cluster.Store.Revision);
    }

    [Fact]
    public void A_dry_run_leaves_the_sandboxs_seeded_names_and_uids_as_they_would_have_been()
    {
        static ConfigMap Generated() => new() { Metadata = new ObjectMeta { GenerateName = "settings-" } };
        var plain = TestCluster.Create(nodes: 0);
        var tried = TestCluster.Create(nodes: 0);

        tried.Api.Create(Generated(), DryRun);
        var afterDryRun = tried.Api.Create(Generated(), WriteContext.Kubectl);
        var without = plain.Api.Create(Generated(), WriteContext.Kubectl);

        Assert.Equal((without.Metadata.Name, without.Metadata.Uid), (afterDryRun.Metadata.Name, afterDryRun.Metadata.Uid));
    }
}
