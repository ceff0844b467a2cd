using System.Xml.Linq;
using Playground.Client.Cluster.Editor;

namespace Playground.Client.Tests.Cluster.Editor;

public class ProblemListTests
{
    private static Task<XElement> RenderAsync(params ManifestProblem[] problems) =>
        Markup.RenderAsync<ProblemList>(new Dictionary<string, object?> { ["Problems"] = problems });

    [Fact]
    public async Task No_problems_show_nothing() => Assert.Empty((await RenderAsync()).Elements());

    [Fact]
    public async Task Each_problem_shows_a_button_to_its_line_and_the_message()
    {
        var list = await RenderAsync(
            new ManifestProblem(6, "spec.replicas", "spec.replicas: Invalid value: -1: must be greater than or equal to 0"),
            new ManifestProblem(null, null, "error: no objects passed to apply"));

        var region = list.SingleWithClass("manifest-problems");
        Assert.Equal("region", (string?)region.Attribute("role"));
        Assert.Equal("2 problems, found by a server dry run: nothing was written.", region.SingleWithClass("manifest-problems-title").Text());
        var items = region.WithClass("manifest-problem").ToList();
        Assert.Equal(2, items.Count);
        var button = items[0].SingleWithClass("problem-line");
        Assert.Equal("button", button.Name.LocalName);
        Assert.Equal("Go to line 6", (string?)button.Attribute("aria-label"));
        Assert.Equal("Line 6", button.Text());
        Assert.Equal("spec.replicas: Invalid value: -1: must be greater than or equal to 0", items[0].SingleWithClass("problem-message").Text());
        Assert.Empty(items[1].WithClass("problem-line"));
        Assert.Equal("error: no objects passed to apply", items[1].Text());
    }
}
