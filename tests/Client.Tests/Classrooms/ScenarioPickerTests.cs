using Microsoft.Extensions.DependencyInjection;
using Playground.Client.Classrooms;
using Playground.Client.Services;

namespace Playground.Client.Tests.Classrooms;

/// <summary>The scenario picker: each built-in scenario as a labelled radio with its description and tasks, and the way to upload one's own.</summary>
public sealed class ScenarioPickerTests
{
    private static Task<LiveComponent<ScenarioPicker>> RenderAsync(string? selected, Action<string>? selectedChanged = null) =>
        LiveComponent<ScenarioPicker>.RenderAsync(new Dictionary<string, object?>
        {
            ["Selected"] = selected,
            ["SelectedChanged"] = Microsoft.AspNetCore.Components.EventCallback.Factory.Create<string>(new object(), selectedChanged ?? (_ => { })),
        }, services => services.AddSingleton<IClassroomGateway>(new FakeClassrooms()).AddSingleton<Microsoft.JSInterop.IJSRuntime>(new RecordingJs()));

    [Fact]
    public async Task Every_built_in_scenario_is_a_radio_labelled_with_its_title_and_described_by_its_tasks()
    {
        await using var live = await RenderAsync("deploy-and-scale");
        var root = await live.MarkupAsync();

        Assert.Equal("Scenario", root.Descendants("legend").Single().Text());
        var radios = root.Descendants("input").Where(i => (string?)i.Attribute("type") == "radio").ToList();
        Assert.Equal(["deploy-and-scale", "services-and-dns", "upload"], radios.Select(r => (string?)r.Attribute("value")));
        Assert.Equal(["Deploy and scale", "Services and DNS", "Your own scenario"],
            radios.Select(r => root.Descendants("label").Single(l => (string?)l.Attribute("for") == (string?)r.Attribute("id")).Text()));
        Assert.Equal("", (string?)radios[0].Attribute("checked"));
        Assert.All(radios.Skip(1), r => Assert.Null(r.Attribute("checked")));
        var about = root.Descendants("div").Single(d => (string?)d.Attribute("id") == (string?)radios[0].Attribute("aria-describedby"));
        Assert.Equal(["Create a Deployment named web running nginx, with 3 replicas", "Scale web to 5 replicas", "Let a HorizontalPodAutoscaler own the count"],
            about.Descendants("li").Select(li => li.Text()));
        Assert.Contains("3 tasks", about.Text());
        Assert.DoesNotContain(root.Descendants("input"), i => (string?)i.Attribute("type") == "file");
    }

    [Fact]
    public async Task Choosing_a_scenario_reports_it_and_choosing_upload_shows_a_labelled_file_field_with_the_size_limit()
    {
        var chosen = new List<string>();
        await using (var live = await RenderAsync("deploy-and-scale", chosen.Add))
        {
            await live.ChooseAsync((await live.MarkupAsync()).Descendants("input").Single(i => (string?)i.Attribute("id") == "scenario-services-and-dns"), "services-and-dns");
            Assert.Equal(["services-and-dns"], chosen);
        }

        await using var upload = await RenderAsync(ScenarioPicker.Upload);
        var root = await upload.MarkupAsync();
        var file = root.Descendants("input").Single(i => (string?)i.Attribute("type") == "file");
        Assert.Equal("scenario-file", (string?)file.Attribute("id"));
        Assert.Equal("Scenario file (YAML, at most 128 KiB)", root.Descendants("label").Single(l => (string?)l.Attribute("for") == "scenario-file").Text());
        Assert.Equal("status", (string?)root.Descendants("div").Single(d => (string?)d.Attribute("id") == "scenario-file-result").Attribute("role"));
        Assert.True(root.Descendants("div").Single(d => d.HasClass("scenario-upload")).HasClass("selected"));
    }
}
