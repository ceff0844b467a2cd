using Playground.Client.Cluster;
using Playground.Client.Services;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Storage;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster.Resources;

public class LiveClusterKindsTests
{
    [Fact]
    public void The_browsed_kinds_are_kept_and_follow_writes_and_other_kinds_are_not()
    {
        var cluster = new LiveCluster();
        var web = new Deployment { Metadata = new ObjectMeta { Name = "web", Namespace = "default", Uid = "d1" } };
        cluster.Load(new ClusterSnapshot(1, T0, [web, new ServiceAccount { Metadata = new ObjectMeta { Name = "default", Namespace = "default" } }]));

        Assert.Same(web, Assert.Single(cluster.OfKind("Deployment")));
        Assert.Empty(cluster.OfKind("ServiceAccount"));

        cluster.Apply(new WriteRecord(2, WriteType.Deleted, new ObjectKey("deployments", "default", "web"), "Deployment", web, "{}", "kubectl", null, T0));
        Assert.Empty(cluster.OfKind("Deployment"));
    }

    [Fact]
    public void A_secret_keeps_its_keys_but_never_its_values()
    {
        var cluster = new LiveCluster();
        var secret = new Secret { Metadata = new ObjectMeta { Name = "db", Namespace = "default" }, Type = "Opaque", Data = new() { ["password"] = "aHVudGVyMg==" } };

        cluster.Load(new ClusterSnapshot(1, T0, [secret]));

        var kept = Assert.IsType<Secret>(Assert.Single(cluster.OfKind("Secret")));
        Assert.Equal(("db", "Opaque"), (kept.Metadata.Name, kept.Type));
        Assert.Equal(["password"], kept.Data!.Keys);
        Assert.Equal("(hidden, 7 bytes)", kept.Data["password"]);
        Assert.Equal("aHVudGVyMg==", secret.Data["password"]);
    }
}
