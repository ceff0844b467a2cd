using System.Xml.Linq;
using Playground.Client.Cluster.Resources;
using Playground.Core.Api.Meta;

namespace Playground.Client.Tests.Cluster.Resources;

public class OwnerTreeTests
{
    private static Task<XElement> RenderAsync(SandboxForTests sandbox, KubeObject obj) =>
        Markup.RenderAsync<OwnerTree>(new Dictionary<string, object?> { ["Object"] = obj, ["Cluster"] = sandbox.Live });

    [Fact]
    public async Task A_replicaset_shows_its_deployment_above_and_its_pods_below_each_a_button()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx --replicas=2");
        var rs = sandbox.Single("ReplicaSet", "web-");

        var tree = await RenderAsync(sandbox, rs);

        var chain = tree.SingleWithClass("owner-chain").Elements("li").ToList();
        Assert.Equal(2, chain.Count);
        var deployment = Assert.Single(chain[0].Elements("button"));
        Assert.StartsWith("Deployment/web", deployment.Text());
        Assert.Equal("Select Deployment web", (string?)deployment.Attribute("aria-label"));
        Assert.Equal($"ReplicaSet/{rs.Metadata.Name}", chain[1].SingleWithClass("owner-self").Text());
        var pods = chain[1].SingleWithClass("owner-dependents").Elements("li").Select(li => li.Element("button")!.Text()).ToList();
        Assert.Equal(2, pods.Count);
        Assert.All(pods, p => Assert.Matches($"^Pod/{rs.Metadata.Name}-[a-z0-9]{{5}} Running$", p));
    }

    [Fact]
    public async Task A_deployment_owns_the_whole_chain_down_to_its_pods()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx");

        var tree = await RenderAsync(sandbox, sandbox.Single("Deployment", "web"));

        Assert.Equal("Deployment/web", tree.SingleWithClass("owner-self").Text());
        var levels = tree.WithClass("owner-dependents").ToList();
        Assert.Equal(2, levels.Count);
        Assert.StartsWith("ReplicaSet/web-", levels[0].Element("li")!.Element("button")!.Text());
        Assert.StartsWith("Pod/web-", levels[1].Element("li")!.Element("button")!.Text());
    }

    [Fact]
    public async Task A_bare_pod_says_it_has_no_owner()
    {
        var sandbox = new SandboxForTests().Do("kubectl run solo --image=nginx");

        var tree = await RenderAsync(sandbox, sandbox.Single("Pod", "solo"));

        Assert.Contains("has no owner", tree.SingleWithClass("owner-none").Text());
        Assert.Empty(tree.Descendants("button"));
    }
}
