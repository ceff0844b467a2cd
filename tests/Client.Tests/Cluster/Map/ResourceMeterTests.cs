using Playground.Client.Cluster.Map;

namespace Playground.Client.Tests.Cluster.Map;

public class ResourceMeterTests
{
    private static Task<System.Xml.Linq.XElement> RenderAsync(Usage usage, string label = "CPU", string unit = "CPU", Func<long, string>? format = null) =>
        Markup.RenderAsync<ResourceMeter>(new Dictionary<string, object?>
        {
            ["Label"] = label, ["Unit"] = unit, ["Node"] = "node-1", ["Usage"] = usage, ["Format"] = format ?? MapText.Cpu,
        });

    [Fact]
    public async Task The_meter_writes_requested_and_allocatable_out_and_exposes_them_as_a_meter()
    {
        var meter = (await RenderAsync(new Usage(750, 2000))).SingleWithClass("map-meter");

        Assert.Equal("750m / 2 CPU requested (37%)", meter.SingleWithClass("map-meter-value").Text());
        Assert.Equal("meter", (string?)meter.Attribute("role"));
        Assert.Equal("37", (string?)meter.Attribute("aria-valuenow"));
        Assert.Equal("750m / 2 CPU requested (37%)", (string?)meter.Attribute("aria-valuetext"));
        Assert.Equal("CPU requested on node-1", (string?)meter.Attribute("aria-label"));
        Assert.Empty(meter.WithClass("map-meter-warning"));
        Assert.Contains("width: 37%", (string?)meter.SingleWithClass("map-meter-fill").Attribute("style"));
    }

    [Fact]
    public async Task A_nearly_full_or_full_node_says_so_in_words_not_only_in_colour()
    {
        var high = (await RenderAsync(new Usage(3400L << 20, 4096L << 20), "Memory", "memory", MapText.Bytes)).SingleWithClass("map-meter");
        var full = (await RenderAsync(new Usage(2000, 2000))).SingleWithClass("map-meter");

        Assert.Equal("3.3Gi / 4Gi memory requested (83%)", high.SingleWithClass("map-meter-value").Text());
        Assert.Equal("nearly full", high.SingleWithClass("map-meter-warning").Text());
        Assert.True(high.HasClass("meter-high"));
        Assert.Equal("full", full.SingleWithClass("map-meter-warning").Text());
        Assert.True(full.HasClass("meter-full"));
    }
}
