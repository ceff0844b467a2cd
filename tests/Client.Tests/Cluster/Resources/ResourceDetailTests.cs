using System.Xml.Linq;
using Playground.Client.Cluster.Resources;
using Playground.Core.Api.Meta;

namespace Playground.Client.Tests.Cluster.Resources;

public class ResourceDetailTests
{
    private static Task<XElement> RenderAsync(SandboxForTests sandbox, KubeObject obj, string tab) =>
        Markup.RenderAsync<ResourceDetail>(new Dictionary<string, object?>
        {
            ["Object"] = obj,
            ["Cluster"] = sandbox.Live,
            ["Run"] = (Func<string, Task<Core.Kubectl.KubectlResult>>)sandbox.RunAsync,
            ["Attempts"] = (Func<string, Task<IReadOnlyList<Services.SchedulingAttemptRecord>>>)sandbox.AttemptsAsync,
            ["InitialTab"] = tab,
        });

    private static string[] TabTitles(XElement detail) => detail.SingleWithClass("tab-list").Elements("button").Select(b => b.Text()).ToArray();

    [Fact]
    public async Task Describe_and_yaml_are_what_kubectl_prints()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx");
        var web = sandbox.Single("Deployment", "web");

        var describe = await RenderAsync(sandbox, web, "describe");
        var yaml = await RenderAsync(sandbox, web, "yaml");

        Assert.Equal(["Describe", "YAML", "Events", "Owners"], TabTitles(describe));
        Assert.Equal(sandbox.Cluster.Kubectl("kubectl describe deployment web -n default").Output, describe.SingleWithClass("resource-describe").Value);
        Assert.Equal(sandbox.Cluster.Kubectl("kubectl get deployment web -n default -o yaml").Output, yaml.SingleWithClass("resource-yaml").Value);
        Assert.Equal("true", (string?)describe.SingleWithClass("tab-list").Elements("button").First().Attribute("aria-selected"));
    }

    [Fact]
    public async Task A_pod_has_a_scheduling_tab_with_every_nodes_verdict_and_scores()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx").Do("kubectl cordon node-1");
        sandbox.Do("kubectl rollout restart deployment web");
        var pod = sandbox.Live.OfKind("Pod").Single(p => p.Metadata.Namespace == "default" && p.Metadata.DeletionTimestamp is null);

        var detail = await RenderAsync(sandbox, pod, "scheduling");

        Assert.Equal(["Describe", "YAML", "Events", "Owners", "Scheduling"], TabTitles(detail));
        var attempt = detail.WithClass("scheduling-attempt").First();
        var rows = attempt.Descendants("tbody").Elements("tr").ToDictionary(r => r.Element("th")!.Text().Split(' ')[0]);
        Assert.Equal(["node-1", "node-2", "node-3"], rows.Keys.Order());
        Assert.Contains("Rejected by NodeUnschedulable", rows["node-1"].Text());
        Assert.Equal("node(s) were unschedulable", rows["node-1"].SingleWithClass("scheduling-reasons").Text());
        Assert.Empty(rows["node-1"].SingleWithClass("scheduling-total").Text());
        var chosen = Assert.Single(rows.Values, r => r.HasClass("chosen"));
        Assert.Contains("Passed", chosen.Text());
        Assert.Matches("^[0-9]+$", chosen.SingleWithClass("scheduling-total").Text());
        Assert.NotEmpty(chosen.WithClass("scheduling-score"));
        Assert.Contains("bound to " + chosen.Element("th")!.Text().Split(' ')[0], attempt.SingleWithClass("scheduling-title").Text());
    }

    [Fact]
    public async Task The_events_tab_lists_only_the_objects_own_events()
    {
        var sandbox = new SandboxForTests().Do("kubectl run bad --image=nosuchimage").Do("kubectl run good --image=nginx");

        var detail = await RenderAsync(sandbox, sandbox.Single("Pod", "bad"), "events");

        var objects = detail.WithClass("event-object").Select(o => o.Text()).Distinct();
        Assert.Equal(["pod/bad"], objects);
        Assert.Contains(detail.WithClass("event-reason"), r => r.Text() == "Failed");
        Assert.Empty(detail.WithClass("event-filters"));
    }
}
