using System.Xml.Linq;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using Playground.Client.Pages.Classrooms;
using Playground.Client.Services;

namespace Playground.Client.Tests.Classrooms;

/// <summary>The join page a student's link opens: a name form for an open classroom, plain words for a closed one or a bad link, straight on for a browser that joined before.</summary>
public sealed class JoinClassroomTests : IAsyncLifetime
{
    private readonly FakeClassrooms _classroom = new();
    private Navigation _navigation = new();
    private LiveComponent<JoinClassroom>? _live;

    private async Task<LiveComponent<JoinClassroom>> OpenAsync(string code = "abc")
    {
        _navigation = new Navigation($"http://127.0.0.1/join/c1?code={code}");
        _live = await LiveComponent<JoinClassroom>.RenderAsync(new Dictionary<string, object?> { ["ClassroomId"] = "c1" }, services => services
            .AddSingleton<IStudentGateway>(_classroom)
            .AddSingleton<NavigationManager>(_navigation)
            .AddSupplyValueFromQueryProvider());
        return _live;
    }

    [Fact]
    public async Task An_open_classroom_asks_for_a_name_in_a_labelled_form_that_posts_back_with_its_antiforgery_token()
    {
        var root = await (await OpenAsync()).MarkupAsync();

        Assert.Equal("Join “Monday”", root.Descendants("h1").Single().Text());
        Assert.Contains("Deploy and scale", root.Descendants("p").First().Text());
        var form = root.SingleWithClass("join-form");
        Assert.Equal("post", (string?)form.Attribute("method"));
        var name = form.Descendants("input").Single(i => (string?)i.Attribute("id") == "display-name");
        Assert.Equal(("DisplayName", ""), ((string?)name.Attribute("name"), (string?)name.Attribute("required")));
        Assert.Equal("Your name", form.Descendants("label").Single(l => (string?)l.Attribute("for") == "display-name").Text());
        Assert.Contains(form.Descendants("input"), i => (string?)i.Attribute("type") == "hidden" && (string?)i.Attribute("value") == TestAntiforgery.Token);
        Assert.Equal("Join the classroom", form.Descendants("button").Single().Text());
        Assert.Null(_navigation.Went);
    }

    [Fact]
    public async Task A_join_the_server_refuses_is_said_beside_the_name_and_nothing_navigates()
    {
        var live = await OpenAsync();

        await live.SubmitAsync((await live.MarkupAsync()).SingleWithClass("join-form"));
        var root = await live.MarkupAsync();

        Assert.Equal(["join "], _classroom.Calls);
        var problem = root.Descendants("p").Single(p => (string?)p.Attribute("id") == "join-problem");
        Assert.Equal(("alert", "Name is required: the name your instructor sees, 1 to 40 characters."), ((string?)problem.Attribute("role"), problem.Text()));
        Assert.Equal("true", (string?)root.Descendants("input").Single(i => (string?)i.Attribute("id") == "display-name").Attribute("aria-invalid"));
        Assert.Null(_navigation.Went);
    }

    [Fact]
    public async Task A_browser_that_joined_before_goes_straight_to_its_sandbox()
    {
        _classroom.Link = _classroom.Link with { SandboxId = "sandbox1" };
        await OpenAsync();

        Assert.Equal("http://127.0.0.1/s/sandbox1", _navigation.Went);
    }

    [Fact]
    public async Task A_closed_classroom_and_a_wrong_code_each_say_so_without_the_name_form_and_offer_a_sandbox_of_ones_own()
    {
        _classroom.Link = _classroom.Link with { State = JoinLinkState.Closed };
        var closed = await (await OpenAsync()).MarkupAsync();
        Assert.Equal("This classroom is closed", closed.Descendants("h1").Single().Text());
        Assert.Contains("“Monday” takes no new students", closed.Text());
        Assert.Empty(closed.WithClass("join-form"));
        Assert.Equal("Start a sandbox of your own", closed.Descendants("main").Single().SingleWithClass("new-sandbox").Text());
        await _live!.DisposeAsync();

        var wrong = await (await OpenAsync("nope")).MarkupAsync();
        Assert.Equal("This join link does not work", wrong.Descendants("h1").Single().Text());
        Assert.Empty(wrong.WithClass("join-form"));
        Assert.Equal("Start a sandbox of your own", wrong.Descendants("main").Single().SingleWithClass("new-sandbox").Text());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_live is not null) await _live.DisposeAsync();
    }

    /// <summary>The browser's address: where the page was opened, and where it was sent.</summary>
    private sealed class Navigation : NavigationManager
    {
        public Navigation(string uri = "http://127.0.0.1/") => Initialize("http://127.0.0.1/", uri);

        public string? Went { get; private set; }

        protected override void NavigateToCore(string uri, NavigationOptions options) => Went = ToAbsoluteUri(uri).ToString();
    }
}
