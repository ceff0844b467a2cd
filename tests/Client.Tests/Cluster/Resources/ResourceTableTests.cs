using System.Xml.Linq;
using Playground.Client.Cluster.Resources;
using Playground.Core.Api.Meta;

namespace Playground.Client.Tests.Cluster.Resources;

public class ResourceTableTests
{
    private static Task<XElement> RenderAsync(SandboxForTests sandbox, string kind, KubeObject? selected = null) =>
        Markup.RenderAsync<ResourceTable>(new Dictionary<string, object?>
        {
            ["Kind"] = ResourceKind.Find(kind),
            ["Objects"] = sandbox.Live.OfKind(kind),
            ["Now"] = sandbox.Cluster.Clock.Now,
            ["Selected"] = selected,
        });

    private static string[] Cells(XElement row) => row.Elements("td").Select(td => td.Text()).ToArray();

    [Fact]
    public async Task Deployments_show_kubectls_columns_and_a_readiness_badge_with_icon_and_text()
    {
        var sandbox = new SandboxForTests().Do("kubectl create deployment web --image=nginx --replicas=2");

        var table = (await RenderAsync(sandbox, "Deployment")).Descendants("table").Single();

        Assert.Equal(["NAMESPACE", "NAME", "STATUS", "READY", "UP-TO-DATE", "AVAILABLE", "AGE"], table.Descendants("th").Select(th => th.Text()));
        var row = Assert.Single(table.Descendants("tbody").Elements("tr"), r => Cells(r)[0] == "default");
        Assert.Equal(["default", "web", "Ready 2/2", "2/2", "2", "2"], Cells(row).Take(6));
        var badge = row.SingleWithClass("status-badge");
        Assert.True(badge.HasClass("status-ok"));
        Assert.Single(badge.WithClass("bi-check-circle-fill"));
        Assert.Equal(("0", "false"), ((string?)row.Attribute("tabindex"), (string?)row.Attribute("aria-selected")));
    }

    [Fact]
    public async Task A_pod_that_cannot_pull_its_image_reads_as_kubectl_prints_it_with_a_failure_badge_and_the_selected_row_is_marked()
    {
        var sandbox = new SandboxForTests().Do("kubectl run bad --image=nosuchimage").Do("kubectl run good --image=nginx");
        var bad = sandbox.Single("Pod", "bad");

        var rows = (await RenderAsync(sandbox, "Pod", bad)).Descendants("tbody").Elements("tr").Where(r => Cells(r)[0] == "default").ToList();

        Assert.Equal(["bad", "good"], rows.Select(r => Cells(r)[1]));
        var badge = rows[0].SingleWithClass("status-badge");
        Assert.Matches("^(ErrImagePull|ImagePullBackOff)$", badge.Text());
        Assert.Equal(sandbox.Cluster.Kubectl("kubectl get pod bad --no-headers").Output.Split(' ', StringSplitOptions.RemoveEmptyEntries)[2], badge.Text());
        Assert.True(badge.HasClass("status-failed"));
        Assert.Equal("Running", rows[1].SingleWithClass("status-badge").Text());
        Assert.Equal(["true", "false"], rows.Select(r => (string?)r.Attribute("aria-selected")));
        Assert.True(rows[0].HasClass("selected"));
    }

    [Fact]
    public async Task An_empty_kind_says_so()
    {
        var list = await RenderAsync(new SandboxForTests(), "CronJob");

        Assert.Empty(list.Descendants("table"));
        Assert.Equal("No cronjobs in the cluster.", list.SingleWithClass("resource-empty").Text());
    }
}
