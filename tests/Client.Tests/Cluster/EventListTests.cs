using System.Xml.Linq;
using Playground.Client.Cluster;
using Playground.Core.Api.Core;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster;

public class EventListTests
{
    private static Task<XElement> RenderAsync(params Event[] events) =>
        Markup.RenderAsync<EventList>(new Dictionary<string, object?> { ["Events"] = events });

    private static string[] Cells(XElement row) => row.Elements("td").Select(td => td.Text()).ToArray();

    [Fact]
    public async Task Each_event_shows_time_type_reason_object_and_message()
    {
        var list = await RenderAsync(Event("e1", "Normal", "Scheduled", "Pod", "web-a", "Successfully assigned default/web-a to node-1", T0));

        var row = Assert.Single(list.Descendants("tbody").Elements("tr"));
        Assert.Equal(["03:04:05", "Normal", "Scheduled", "pod/web-a", "Successfully assigned default/web-a to node-1"], Cells(row));
        Assert.Equal("2024-01-02T03:04:05.0000000+00:00", (string?)row.Descendants("time").Single().Attribute("datetime"));
    }

    [Fact]
    public async Task Warnings_stand_out_with_a_marked_row_and_an_icon()
    {
        var list = await RenderAsync(
            Event("ok", "Normal", "Pulled", "Pod", "web-a", "Container image pulled", T0),
            Event("bad", "Warning", "FailedScheduling", "Pod", "big", "0/3 nodes are available: 3 Insufficient cpu.", T0.AddSeconds(1)));

        var rows = list.Descendants("tbody").Elements("tr").ToList();
        var warning = Assert.Single(rows, r => Cells(r)[2] == "FailedScheduling");
        var normal = Assert.Single(rows, r => Cells(r)[2] == "Pulled");
        Assert.True(warning.HasClass("event-warning"));
        Assert.Single(warning.WithClass("bi-exclamation-triangle-fill"));
        Assert.Equal("Warning", warning.SingleWithClass("event-type").Text());
        Assert.False(normal.HasClass("event-warning"));
        Assert.Empty(normal.WithClass("bi"));
    }

    [Fact]
    public async Task Newest_events_come_first_in_write_order_and_repeats_show_their_count()
    {
        var sameSecondLater = Event("a-later", "Normal", "Created", "Pod", "web-a", "Created container: nginx", T0.AddSeconds(2));
        var sameSecondEarlier = Event("z-earlier", "Normal", "Pulled", "Pod", "web-a", "Pulled image", T0.AddSeconds(2));
        (sameSecondEarlier.Metadata.ResourceVersion, sameSecondLater.Metadata.ResourceVersion) = ("9", "12");
        var list = await RenderAsync(
            Event("first", "Normal", "Scheduled", "Pod", "web-a", "assigned", T0),
            Event("last", "Normal", "Started", "Pod", "web-a", "Started container nginx", T0.AddSeconds(9), count: 3),
            sameSecondEarlier,
            sameSecondLater);

        var reasons = list.Descendants("tbody").Elements("tr").Select(r => Cells(r)[2]).ToList();
        Assert.Equal(["Started", "Created", "Pulled", "Scheduled"], reasons);
        Assert.EndsWith("×3", Cells(list.Descendants("tbody").Elements("tr").First())[4]);
    }

    private static readonly Event[] Mixed =
    [
        Event("e1", "Normal", "Scheduled", "Pod", "web-a", "assigned", T0),
        Event("e2", "Warning", "Failed", "Pod", "bad", "Failed to pull image \"nginx:nosuchtag\"", T0.AddSeconds(1), count: 4),
        Event("e3", "Normal", "ScalingReplicaSet", "Deployment", "web", "Scaled up replica set web-1 from 0 to 1", T0.AddSeconds(2)),
        Event("e4", "Warning", "BackOff", "Pod", "web-a", "Back-off restarting failed container", T0.AddSeconds(3)),
    ];

    private static Task<XElement> FilteredAsync(string? type = null, string? kind = null, string? obj = null) =>
        Markup.RenderAsync<EventList>(new Dictionary<string, object?> { ["Events"] = Mixed, ["InitialType"] = type, ["InitialKind"] = kind, ["InitialObject"] = obj });

    private static string[] Reasons(XElement list) => list.Descendants("tbody").Elements("tr").Select(r => Cells(r)[2]).ToArray();

    [Fact]
    public async Task Filters_offer_type_the_kinds_present_and_object_text()
    {
        var list = await FilteredAsync();

        var filters = list.SingleWithClass("event-filters");
        var selects = filters.Descendants("select").ToList();
        Assert.Equal(["All types", "Normal", "Warning (2)"], selects[0].Elements("option").Select(o => o.Text()));
        Assert.Equal(["All kinds", "Deployment", "Pod"], selects[1].Elements("option").Select(o => o.Text()));
        Assert.Equal("Object name contains", (string?)filters.Descendants("input").Single().Attribute("aria-label"));
        Assert.Equal("4 of 4", filters.SingleWithClass("event-filter-count").Text());
    }

    [Fact]
    public async Task Filtering_to_warnings_keeps_only_warnings_newest_first()
    {
        var list = await FilteredAsync(type: "Warning");

        Assert.Equal(["BackOff", "Failed"], Reasons(list));
        Assert.All(list.Descendants("tbody").Elements("tr"), r => Assert.True(r.HasClass("event-warning")));
        Assert.Equal("2 of 4", list.SingleWithClass("event-filter-count").Text());
        Assert.EndsWith("×4", Cells(list.Descendants("tbody").Elements("tr").Last())[4]);
    }

    [Fact]
    public async Task Filtering_by_kind_and_object_text_combine()
    {
        Assert.Equal(["ScalingReplicaSet"], Reasons(await FilteredAsync(kind: "Deployment")));
        Assert.Equal(["BackOff", "Scheduled"], Reasons(await FilteredAsync(kind: "Pod", obj: "WEB")));
        var none = await FilteredAsync(type: "Warning", kind: "Deployment");
        Assert.Equal("No events match these filters.", none.SingleWithClass("event-empty").Text());
    }

    [Fact]
    public async Task A_burst_renders_only_the_newest_events()
    {
        var burst = Enumerable.Range(0, 500).Select(i => Event($"e{i}", "Normal", "Pulled", "Pod", $"p{i}", "pulled", T0.AddSeconds(i))).ToArray();

        var list = await Markup.RenderAsync<EventList>(new Dictionary<string, object?> { ["Events"] = burst });

        var rows = list.Descendants("tbody").Elements("tr").ToList();
        Assert.Equal(200, rows.Count);
        Assert.Equal("pod/p499", Cells(rows[0])[3]);
        Assert.Contains("Showing the newest 200 of 500", list.SingleWithClass("event-more").Text());
    }

    [Fact]
    public async Task Without_events_it_says_so()
    {
        var list = await RenderAsync();

        Assert.Empty(list.Descendants("table"));
        Assert.Contains("No events yet", list.SingleWithClass("event-empty").Text());
    }

    [Fact]
    public async Task The_table_states_its_roles_so_it_stays_a_table_when_a_narrow_panel_lays_rows_out_as_grids()
    {
        var list = await RenderAsync(Event("e1", "Normal", "Scheduled", "Pod", "web-a", "assigned", T0));

        var table = list.Descendants("table").Single();
        Assert.Equal("table", (string?)table.Attribute("role"));
        Assert.All(table.Elements().Where(e => e.Name.LocalName != "caption"), group => Assert.Equal("rowgroup", (string?)group.Attribute("role")));
        Assert.All(table.Descendants("tr"), row => Assert.Equal("row", (string?)row.Attribute("role")));
        Assert.Equal(5, table.Descendants("th").Count(th => (string?)th.Attribute("role") == "columnheader"));
        Assert.Equal(5, table.Descendants("td").Count(td => (string?)td.Attribute("role") == "cell"));
    }
}
