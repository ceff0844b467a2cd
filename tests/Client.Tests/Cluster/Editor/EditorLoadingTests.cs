using Playground.Client.Cluster.Editor;

namespace Playground.Client.Tests.Cluster.Editor;

public class EditorLoadingTests
{
    [Fact]
    public async Task While_Monaco_loads_a_status_says_so()
    {
        var loading = (await Markup.RenderAsync<EditorLoading>(new Dictionary<string, object?>())).SingleWithClass("manifest-loading");

        Assert.Equal(("status", "Loading the editor…"), ((string?)loading.Attribute("role"), loading.Text()));
    }

    [Fact]
    public async Task When_Monaco_fails_an_alert_says_why_and_what_to_do_instead()
    {
        var error = (await Markup.RenderAsync<EditorLoading>(new Dictionary<string, object?> { ["Error"] = "could not load /_content/BlazorMonaco/jsInterop.js" }))
            .SingleWithClass("manifest-load-error");

        Assert.Equal("alert", (string?)error.Attribute("role"));
        Assert.Equal("The editor could not be loaded (could not load /_content/BlazorMonaco/jsInterop.js). Reload the page to try again, "
            + "or apply a manifest from the Terminal tab with kubectl apply -f - <<EOF.", error.Text());
    }
}
