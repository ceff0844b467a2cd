using Playground.Client.Cluster.Trace;
using Playground.Core.Storage;
using static Playground.Client.Tests.Cluster.Trace.Writes;

namespace Playground.Client.Tests.Cluster.Trace;

public class StepDetailTests
{
    private static Task<System.Xml.Linq.XElement> RenderAsync(WriteRecord write, WriteRecord? previous) =>
        Markup.RenderAsync<StepDetail>(new Dictionary<string, object?> { ["Write"] = write, ["Previous"] = previous });

    [Fact]
    public async Task A_step_shows_the_object_as_kubectl_yaml_prints_it_and_the_lines_its_write_changed()
    {
        var before = Write(7, "kubectl", null, ConfigMap("settings", "blue"));
        var after = Write(9, "config-controller", 8, ConfigMap("settings", "red"), WriteType.Modified);

        var detail = await RenderAsync(after, before);

        Assert.Equal("config-controller → update ConfigMap default/settings (revision 9)", detail.SingleWithClass("trace-detail-title").Text());
        Assert.Equal("apiVersion: v1\ndata:\n  color: red\nkind: ConfigMap\nmetadata:\n  name: settings\n  namespace: default\n",
            detail.Descendants("code").Single().Value);
        Assert.Contains("Changes since revision 7 (kubectl)", detail.Descendants("figcaption").Select(f => f.Text()));
        // The mark and the hidden word say what changed, not the colour alone; the line keeps its YAML indent.
        Assert.Equal(["+added:   color: red"], detail.WithClass("diff-added").Select(l => l.Value));
        Assert.Equal(["-removed:   color: blue"], detail.WithClass("diff-removed").Select(l => l.Value));
    }

    [Fact]
    public async Task A_created_object_has_nothing_to_compare_with()
    {
        var detail = await RenderAsync(Write(7, "kubectl", null, ConfigMap("settings")), null);

        Assert.Equal("Created by this write: there is no earlier version to compare with.", detail.SingleWithClass("diff-none").Text());
        Assert.Empty(detail.WithClass("diff-line"));
    }
}
