using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Playground.Client.Pages.Classrooms;
using Playground.Client.Services;

namespace Playground.Client.Tests.Classrooms;

/// <summary>Creating a classroom: a name, a scenario, and then the two links, each with a Copy button.</summary>
public sealed class NewClassroomTests : IAsyncLifetime
{
    private readonly FakeClassrooms _classrooms = new();
    private LiveComponent<NewClassroom>? _live;

    private async Task<LiveComponent<NewClassroom>> OpenAsync()
    {
        _live = await LiveComponent<NewClassroom>.RenderAsync(new Dictionary<string, object?>(), services => services
            .AddSingleton<IClassroomGateway>(_classrooms)
            .AddSingleton<IJSRuntime>(new RecordingJs()));
        return _live;
    }

    [Fact]
    public async Task Naming_the_class_and_creating_it_from_the_preselected_scenario_shows_the_join_and_instructor_links()
    {
        var live = await OpenAsync();
        var root = await live.MarkupAsync();
        Assert.Equal("Name of the classroom", root.Descendants("label").Single(l => (string?)l.Attribute("for") == "classroom-name").Text());

        await live.ChooseAsync(root.Descendants("input").Single(i => (string?)i.Attribute("id") == "classroom-name"), "Monday");
        await live.SubmitAsync(root.Descendants("main").Single().Descendants("form").Single());
        root = await live.MarkupAsync();

        Assert.Equal(["create Monday deploy-and-scale"], _classrooms.Calls);
        Assert.Equal("Classroom “Monday” is ready", root.Descendants("h2").Single().Text());
        Assert.Equal("http://127.0.0.1:5080/join/c1?code=abc", (string?)root.Descendants("input").Single(i => (string?)i.Attribute("id") == "join-link").Attribute("value"));
        Assert.Equal("http://127.0.0.1:5080/classrooms/c1/instructor?key=secret",
            (string?)root.Descendants("input").Single(i => (string?)i.Attribute("id") == "instructor-link").Attribute("value"));
        Assert.Equal(["Copy the join link", "Copy the instructor link"], root.WithClass("copy-button").Select(b => (string?)b.Attribute("aria-label")));
        var dashboard = root.Descendants("a").Single(a => a.Text() == "Open the dashboard");
        Assert.Equal(("http://127.0.0.1:5080/classrooms/c1/instructor?key=secret", "false"), ((string?)dashboard.Attribute("href"), (string?)dashboard.Attribute("data-enhance-nav")));
    }

    [Fact]
    public async Task Without_a_name_or_with_an_upload_not_yet_checked_it_says_what_is_missing_and_creates_nothing()
    {
        var live = await OpenAsync();
        var form = (await live.MarkupAsync()).Descendants("main").Single().Descendants("form").Single();

        await live.SubmitAsync(form);
        Assert.Equal("Error: Give the classroom a name.", (await live.MarkupAsync()).SingleWithClass("classroom-problem").Text());

        var root = await live.MarkupAsync();
        await live.ChooseAsync(root.Descendants("input").Single(i => (string?)i.Attribute("id") == "classroom-name"), "Monday");
        await live.ChooseAsync(root.Descendants("input").Single(i => (string?)i.Attribute("id") == "scenario-upload"), "upload");
        root = await live.MarkupAsync();
        await live.SubmitAsync(root.Descendants("main").Single().Descendants("form").Single());

        Assert.Equal("Error: Choose a scenario file without problems first.", (await live.MarkupAsync()).SingleWithClass("classroom-problem").Text());
        Assert.Empty(_classrooms.Calls);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_live is not null) await _live.DisposeAsync();
    }
}
