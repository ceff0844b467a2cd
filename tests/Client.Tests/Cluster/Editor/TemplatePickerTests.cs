using System.Xml.Linq;
using Playground.Client.Cluster.Editor;

namespace Playground.Client.Tests.Cluster.Editor;

public class TemplatePickerTests
{
    private static Task<XElement> RenderAsync(string? selected) =>
        Markup.RenderAsync<TemplatePicker>(new Dictionary<string, object?> { ["Selected"] = selected });

    [Fact]
    public async Task The_picker_is_a_labelled_list_of_the_nine_kinds_after_a_prompt()
    {
        var picker = await RenderAsync(null);

        var select = Assert.Single(picker.Descendants("select"));
        Assert.Equal("manifest-template", (string?)select.Attribute("id"));
        Assert.Equal("manifest-template", (string?)picker.Descendants("label").Single().Attribute("for"));
        var options = select.Elements("option").ToList();
        Assert.Equal(10, options.Count);
        Assert.Equal("", (string?)options[0].Attribute("value"));
        // Nothing chosen yet: the browser shows the first option, the prompt.
        Assert.DoesNotContain(options, o => o.Attribute("selected") is not null && (string?)o.Attribute("value") != "");
        Assert.Equal(ManifestTemplates.All.Select(t => t.Kind), options.Skip(1).Select(o => (string?)o.Attribute("value")));
        Assert.Equal("Deployment: three nginx replicas", options[1].Text());
    }

    [Fact]
    public async Task The_template_in_the_editor_is_the_selected_option()
    {
        var picker = await RenderAsync("CronJob");

        var selected = Assert.Single(picker.Descendants("option"), o => o.Attribute("selected") is not null);
        Assert.Equal("CronJob", (string?)selected.Attribute("value"));
    }
}
