using Microsoft.AspNetCore.Components;
using Playground.Client.Classrooms;
using Playground.Core.Simulation;

namespace Playground.Client.Tests.Classrooms;

/// <summary>The instructor's fault form: the fault's kind decides which target it asks for, and submitting hands over the fault.</summary>
public sealed class FaultFormTests
{
    private static Task<LiveComponent<FaultForm>> RenderAsync(List<Fault> injected) =>
        LiveComponent<FaultForm>.RenderAsync(new Dictionary<string, object?>
        {
            ["IdPrefix"] = "fault-all", ["Label"] = "Inject a fault into every student's sandbox", ["Action"] = "Inject into everyone",
            ["Nodes"] = new[] { "node-1", "node-2", "node-3" },
            ["OnInject"] = EventCallback.Factory.Create<Fault>(new object(), injected.Add),
        });

    [Fact]
    public async Task It_starts_at_failing_node_2_and_asks_for_a_name_and_namespace_for_pod_and_deployment_faults()
    {
        var injected = new List<Fault>();
        await using var live = await RenderAsync(injected);
        var root = await live.MarkupAsync();
        Assert.Equal(["Fault", "Node"], root.Descendants("label").Select(l => l.Text()));
        Assert.All(root.Descendants("label"), l => Assert.Single(root.Descendants(), e => (string?)e.Attribute("id") == (string?)l.Attribute("for")));
        Assert.Equal("node-2", (string?)root.Descendants("select").Last().Attribute("value"));
        Assert.Equal("Inject into everyone", root.Descendants("button").Single().Text());

        await live.SubmitAsync(root.Descendants("form").Single());
        Assert.Equal(new Fault("fail-node", Node: "node-2"), injected.Single());

        await live.ChooseAsync((await live.MarkupAsync()).Descendants("select").First(), "fail-image-pull");
        root = await live.MarkupAsync();
        Assert.Equal(["Fault", "Deployment", "Namespace"], root.Descendants("label").Select(l => l.Text()));
        await live.ChooseAsync(root.Descendants("input").Single(i => (string?)i.Attribute("id") == "fault-all-name"), " web ");
        await live.SubmitAsync((await live.MarkupAsync()).Descendants("form").Single());
        Assert.Equal(new Fault("fail-image-pull", Namespace: "default", Deployment: "web"), injected[^1]);

        await live.ChooseAsync((await live.MarkupAsync()).Descendants("select").First(), "add-node");
        root = await live.MarkupAsync();
        Assert.Equal(["Fault"], root.Descendants("label").Select(l => l.Text()));
        await live.SubmitAsync(root.Descendants("form").Single());
        Assert.Equal(new Fault("add-node"), injected[^1]);
    }
}
