using System.Xml.Linq;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.JSInterop;
using Playground.Client.Pages.Classrooms;
using Playground.Client.Services;

namespace Playground.Client.Tests.Classrooms;

/// <summary>The instructor's dashboard: the class, its grid and every action with its feedback, as an instructor uses them.</summary>
public sealed class ClassroomDashboardTests : IAsyncLifetime
{
    private readonly FakeClassrooms _classroom = new();
    private LiveComponent<ClassroomDashboard>? _live;

    private async Task<LiveComponent<ClassroomDashboard>> OpenAsync()
    {
        _live = await LiveComponent<ClassroomDashboard>.RenderAsync(new Dictionary<string, object?> { ["ClassroomId"] = "c1" }, services => services
            .AddSingleton<IClassroomGateway>(_classroom)
            .AddSingleton<IJSRuntime>(new RecordingJs()));
        return _live;
    }

    private static XElement Status(XElement root) => root.SingleWithClass("classroom-feedback");

    private static XElement Button(XElement root, string text) => Assert.Single(root.Descendants("button"), b => b.Text() == text);

    private static XElement Row(XElement root, string name) => Assert.Single(root.WithClass("student-row"), r => r.SingleWithClass("student-name").Text().StartsWith(name, StringComparison.Ordinal));

    [Fact]
    public async Task It_shows_the_class_its_join_link_and_a_line_per_student_with_tasks_pods_activity_and_warnings()
    {
        _classroom.Students.AddRange([FakeClassrooms.Student("s1", "Ada", 1, 2, 3), FakeClassrooms.Student("s2", "Grace", 3, warnings: 2)]);
        var root = await (await OpenAsync()).MarkupAsync();

        Assert.Equal("Monday", root.Descendants("h1").Single().Text());
        Assert.Equal("Open", root.SingleWithClass("classroom-state").Text());
        Assert.Equal("http://127.0.0.1:5080/join/c1?code=abc", (string?)root.Descendants("input").Single(i => (string?)i.Attribute("id") == "join-link").Attribute("value"));
        Assert.Equal("Students 2", root.Descendants("h2").Single(h => (string?)h.Attribute("id") == "students-title").Text());
        Assert.Equal("Updated just now", root.SingleWithClass("classroom-updated").Text());

        var ada = Row(root, "Ada");
        Assert.Equal("1 of 3 done", ada.SingleWithClass("task-count").Text());
        Assert.Equal("2/3", ada.SingleWithClass("student-pods").Text());
        Assert.Equal("2m ago", ada.SingleWithClass("student-activity").Text());
        Assert.Equal("None", ada.SingleWithClass("student-warnings").Text());
        var grace = Row(root, "Grace");
        Assert.Equal("3 of 3 done", grace.SingleWithClass("task-count").Text());
        Assert.Equal("2: BackOff: Back-off pulling image \"ngnix\"", grace.SingleWithClass("student-warnings").Text());
        Assert.Contains(grace.Descendants("i"), i => i.HasClass("bi-exclamation-triangle-fill"));
    }

    [Fact]
    public async Task Without_students_it_says_to_share_the_join_link()
    {
        var root = await (await OpenAsync()).MarkupAsync();

        Assert.Equal("No students yet — share the join link.", root.SingleWithClass("student-grid-empty").Text());
        Assert.Empty(root.Descendants("table"));
    }

    [Fact]
    public async Task A_browser_without_the_instructor_key_is_told_how_to_get_in_and_sees_nothing_of_the_class()
    {
        _classroom.Instructor = false;
        _classroom.Students.Add(FakeClassrooms.Student("s1", "Ada", 1));
        var root = await (await OpenAsync()).MarkupAsync();

        Assert.Equal("This browser is not this classroom's instructor", root.Descendants("h1").Single().Text());
        var form = root.SingleWithClass("classroom-key-form");
        Assert.Equal(("get", "/classrooms/c1/instructor"), ((string?)form.Attribute("method"), (string?)form.Attribute("action")));
        Assert.Equal("key", (string?)form.Descendants("input").Single().Attribute("name"));
        Assert.DoesNotContain("Ada", root.Text());
    }

    [Fact]
    public async Task Resetting_a_student_is_one_click_said_in_the_status_and_the_grid_shows_the_fresh_line()
    {
        _classroom.Students.Add(FakeClassrooms.Student("s1", "Ada", 2));
        var live = await OpenAsync();

        await live.ClickAsync(Assert.Single((await live.MarkupAsync()).WithClass("student-reset")));
        var root = await live.MarkupAsync();

        Assert.Equal(["reset s1"], _classroom.Calls);
        Assert.Equal("Ada's sandbox is back at the scenario's start.", Status(root).Text());
        Assert.Equal("status", (string?)Status(root).Attribute("role"));
        Assert.Equal("0 of 3 done", Row(root, "Ada").SingleWithClass("task-count").Text());
    }

    [Fact]
    public async Task Resetting_everyone_asks_first_and_cancel_changes_nothing()
    {
        _classroom.Students.AddRange([FakeClassrooms.Student("s1", "Ada", 2), FakeClassrooms.Student("s2", "Grace", 1)]);
        var live = await OpenAsync();
        var reset = (await live.MarkupAsync()).SingleWithClass("class-reset");

        await live.ClickAsync(reset);
        var root = await live.MarkupAsync();
        Assert.Equal("true", (string?)root.SingleWithClass("class-reset").Attribute("aria-expanded"));
        var confirm = root.Descendants("div").Single(d => (string?)d.Attribute("id") == "confirm-reset-all");
        Assert.StartsWith("Reset all 2 students to the scenario's start?", confirm.Text());
        await live.ClickAsync(Button(confirm, "Cancel"));
        Assert.Empty(_classroom.Calls);

        await live.ClickAsync((await live.MarkupAsync()).SingleWithClass("class-reset"));
        await live.ClickAsync((await live.MarkupAsync()).SingleWithClass("confirm-yes"));
        root = await live.MarkupAsync();
        Assert.Equal(["reset all"], _classroom.Calls);
        Assert.Equal("All 2 students are back at the scenario's start.", Status(root).Text());
        Assert.Empty(root.WithClass("confirm"));
    }

    [Fact]
    public async Task A_fault_goes_to_everyone_or_to_one_student_and_each_outcome_is_said()
    {
        _classroom.Students.AddRange([FakeClassrooms.Student("s1", "Ada", 2), FakeClassrooms.Student("s2", "Grace", 1)]);
        var live = await OpenAsync();
        var root = await live.MarkupAsync();

        await live.ChooseAsync(root.Descendants("select").Single(s => (string?)s.Attribute("id") == "fault-all-type"), "delete-pod");
        root = await live.MarkupAsync();
        await live.ChooseAsync(root.Descendants("input").Single(i => (string?)i.Attribute("id") == "fault-all-name"), "web-1");
        await live.SubmitAsync(root.Descendants("form").Single(f => (string?)f.Attribute("aria-label") == "Inject a fault into every student's sandbox"));
        root = await live.MarkupAsync();
        Assert.Equal("fault all delete-pod default web-1", _classroom.Calls.Single());
        Assert.Equal("Injected into 1 of 2 students. Refused for Grace: Pods \"web-1\" not found.", Status(root).Text());

        await live.ClickAsync(Row(root, "Grace").SingleWithClass("student-fault"));
        root = await live.MarkupAsync();
        var form = root.Descendants("form").Single(f => (string?)f.Attribute("aria-label") == "Inject a fault into Grace's sandbox");
        Assert.Equal("node-2", (string?)form.Descendants("select").Single(s => (string?)s.Attribute("id") == "fault-s2-node").Attribute("value"));
        await live.SubmitAsync(form);
        Assert.Equal("fault s2 fail-node node-2", _classroom.Calls[^1]);
        Assert.Equal("Grace: Node \"node-2\" failed: its kubelet stopped.", Status(await live.MarkupAsync()).Text());
    }

    [Fact]
    public async Task Removing_a_student_asks_first_then_their_line_goes()
    {
        _classroom.Students.AddRange([FakeClassrooms.Student("s1", "Ada", 2), FakeClassrooms.Student("s2", "Grace", 1)]);
        var live = await OpenAsync();

        await live.ClickAsync(Row(await live.MarkupAsync(), "Ada").SingleWithClass("student-remove"));
        var root = await live.MarkupAsync();
        var confirm = root.Descendants("div").Single(d => (string?)d.Attribute("id") == "remove-s1" || d.Parent?.Attribute("id")?.Value == "remove-s1");
        Assert.Contains("Remove Ada from the classroom? Their sandbox is deleted", confirm.Text());
        Assert.Empty(_classroom.Calls);

        await live.ClickAsync(Button(root, "Remove Ada"));
        root = await live.MarkupAsync();
        Assert.Equal(["remove s1"], _classroom.Calls);
        Assert.Equal("Ada was removed from the classroom and their sandbox deleted.", Status(root).Text());
        Assert.Equal(["Grace"], root.WithClass("student-name").Select(n => n.Elements("span").First().Text()));
    }

    [Fact]
    public async Task Closing_asks_first_then_the_class_reads_closed_and_resets_and_faults_say_why_they_are_gone()
    {
        _classroom.Students.Add(FakeClassrooms.Student("s1", "Ada", 2));
        var live = await OpenAsync();

        await live.ClickAsync((await live.MarkupAsync()).SingleWithClass("class-close"));
        await live.ClickAsync((await live.MarkupAsync()).SingleWithClass("confirm-yes"));
        var root = await live.MarkupAsync();
        Assert.Equal(["close"], _classroom.Calls);
        Assert.Equal("The classroom is closed: the join link takes no new students.", Status(root).Text());
        Assert.Equal("Closed", root.SingleWithClass("classroom-state").Text());
        Assert.Equal("true", (string?)root.SingleWithClass("student-reset").Attribute("aria-disabled"));

        await live.ClickAsync(root.SingleWithClass("student-reset"));
        root = await live.MarkupAsync();
        Assert.Equal("Error: This classroom is closed: its students can no longer be reset.", Status(root).Text());
        Assert.True(Status(root).HasClass("classroom-feedback-error"));
        Assert.Equal(["close"], _classroom.Calls);
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_live is not null) await _live.DisposeAsync();
    }
}
