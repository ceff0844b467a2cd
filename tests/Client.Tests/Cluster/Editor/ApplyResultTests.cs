using System.Xml.Linq;
using Playground.Client.Cluster.Editor;
using Playground.Core.Kubectl;

namespace Playground.Client.Tests.Cluster.Editor;

public class ApplyResultTests
{
    private static Task<XElement> RenderAsync(string? command, KubectlResult? result, bool busy = false) =>
        Markup.RenderAsync<ApplyResult>(new Dictionary<string, object?> { ["Command"] = command, ["Result"] = result, ["Busy"] = busy });

    [Fact]
    public async Task Before_any_apply_the_status_region_is_there_and_empty()
    {
        var feedback = (await RenderAsync(null, null)).SingleWithClass("manifest-feedback");

        // Present from the start, so the first answer put into it is announced.
        Assert.Equal("status", (string?)feedback.Attribute("role"));
        Assert.Empty(feedback.Elements());
    }

    [Fact]
    public async Task While_applying_it_says_what_is_happening()
    {
        var feedback = await RenderAsync("kubectl apply -f -", new KubectlResult(0, "old answer\n"), busy: true);

        Assert.Equal("Checking with a server dry run, then applying…", feedback.SingleWithClass("manifest-busy").Text());
        Assert.Empty(feedback.WithClass("manifest-result"));
    }

    [Fact]
    public async Task A_success_shows_the_command_and_kubectls_answer()
    {
        var result = (await RenderAsync("kubectl apply -f -", new KubectlResult(0, "deployment.apps/web created\n"))).SingleWithClass("manifest-result");

        Assert.True(result.HasClass("manifest-result-ok"));
        Assert.Equal("$ kubectl apply -f - deployment.apps/web created", result.Text());
    }

    [Fact]
    public async Task A_failure_says_failed_in_words_not_only_in_red()
    {
        var result = (await RenderAsync("kubectl apply -f - --dry-run=server", new KubectlResult(1, "The Deployment \"web\" is invalid\n"))).SingleWithClass("manifest-result");

        Assert.True(result.HasClass("manifest-result-error"));
        Assert.Equal("Failed: $ kubectl apply -f - --dry-run=server The Deployment \"web\" is invalid", result.Text());
    }
}
