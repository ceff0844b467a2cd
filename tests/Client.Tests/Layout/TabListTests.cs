using System.Xml.Linq;
using Playground.Client.Layout;

namespace Playground.Client.Tests.Layout;

public class TabListTests
{
    private static readonly TabList.Tab[] Tabs = [new("cluster", "Cluster", "diagram-3"), new("trace", "Trace", "bezier2"), new("events", "Events", "activity")];

    private static Task<XElement> RenderAsync(string selected) =>
        Markup.RenderAsync<TabList>(new Dictionary<string, object?> { ["Label"] = "Cluster views", ["Tabs"] = Tabs, ["Selected"] = selected });

    [Fact]
    public async Task Tabs_are_a_labelled_tablist_whose_tabs_control_their_panels()
    {
        var list = (await RenderAsync("cluster")).SingleWithClass("tab-list");

        Assert.Equal(("tablist", "Cluster views"), ((string?)list.Attribute("role"), (string?)list.Attribute("aria-label")));
        var tabs = list.Elements("button").ToList();
        Assert.Equal(["Cluster", "Trace", "Events"], tabs.Select(t => t.Text()));
        Assert.All(tabs, t => Assert.Equal(("tab", "button"), ((string?)t.Attribute("role"), (string?)t.Attribute("type"))));
        Assert.Equal(["tab-cluster", "tab-trace", "tab-events"], tabs.Select(t => (string?)t.Attribute("id")));
        Assert.Equal(["tabpanel-cluster", "tabpanel-trace", "tabpanel-events"], tabs.Select(t => (string?)t.Attribute("aria-controls")));
        // The icon is decoration: the tab's name is its word.
        Assert.All(tabs, t => Assert.Equal("true", (string?)Assert.Single(t.Elements("i")).Attribute("aria-hidden")));
    }

    [Fact]
    public async Task Only_the_selected_tab_is_marked_selected_and_sits_in_the_tab_order()
    {
        var tabs = (await RenderAsync("trace")).SingleWithClass("tab-list").Elements("button").ToList();

        Assert.Equal(["false", "true", "false"], tabs.Select(t => (string?)t.Attribute("aria-selected")));
        Assert.Equal(["-1", "0", "-1"], tabs.Select(t => (string?)t.Attribute("tabindex")));
        Assert.Equal([false, true, false], tabs.Select(t => t.HasClass("active")));
    }
}
