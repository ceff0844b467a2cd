using Microsoft.Extensions.DependencyInjection;
using Playground.Client.Classrooms;
using Playground.Client.Cluster;
using Playground.Client.Services;
using Playground.Client.Tests.Cluster;

namespace Playground.Client.Tests.Classrooms;

/// <summary>A classroom student's task bar in the workspace: their progress and next task, the full list on demand, and the instructor's reset said plainly.</summary>
public sealed class ScenarioTasksTests : IAsyncLifetime
{
    private readonly FakeClassrooms _classroom = new();
    private LiveComponent<ScenarioTasks>? _live;

    private Dictionary<string, object?> Parameters(long revision, ClusterFeed? feed = null) =>
        new() { ["SandboxId"] = "s1", ["Revision"] = revision, ["Feed"] = feed, ["RefreshAfter"] = TimeSpan.Zero };

    private async Task<LiveComponent<ScenarioTasks>> RenderAsync(long revision = 10, ClusterFeed? feed = null)
    {
        _live = await LiveComponent<ScenarioTasks>.RenderAsync(Parameters(revision, feed), services => services.AddSingleton<IStudentGateway>(_classroom));
        return _live;
    }

    private StudentTasks Tasks(int passed, bool mine = true) =>
        new("Monday", "Ada", FakeClassrooms.DeployAndScale, FakeClassrooms.Student("s1", "Ada", passed).Progress, null, mine);

    [Fact]
    public async Task A_sandbox_that_is_no_classroom_students_shows_nothing_and_is_not_asked_again()
    {
        var live = await RenderAsync();
        await live.SetParametersAsync(Parameters(11));
        await live.SetParametersAsync(Parameters(12));

        Assert.Empty((await live.MarkupAsync()).Elements());
        Assert.Equal(["tasks s1"], _classroom.Calls);
    }

    [Fact]
    public async Task A_student_sees_how_many_tasks_are_done_and_the_next_one_and_can_open_the_list_with_hints_and_what_is_unmet()
    {
        _classroom.Tasks = Tasks(1);
        var live = await RenderAsync();
        var root = await live.MarkupAsync();

        Assert.Equal("Classroom: Monday", root.Descendants("h2").Single().Text());
        Assert.Equal("1 of 3 tasks done", root.SingleWithClass("scenario-tasks-count").Text());
        Assert.Equal("Next: Scale web to 5 replicas", root.SingleWithClass("scenario-tasks-next").Text());
        var toggle = root.SingleWithClass("scenario-tasks-toggle");
        Assert.Equal(("false", "scenario-task-list", "Show tasks"), ((string?)toggle.Attribute("aria-expanded"), (string?)toggle.Attribute("aria-controls"), toggle.Text()));
        Assert.NotNull(root.SingleWithClass("scenario-task-list").Attribute("hidden"));

        await live.ClickAsync(toggle);
        root = await live.MarkupAsync();
        Assert.Null(root.SingleWithClass("scenario-task-list").Attribute("hidden"));
        var items = root.WithClass("scenario-task").ToList();
        Assert.Equal("Done: Create a Deployment named web running nginx, with 3 replicas", items[0].SingleWithClass("scenario-task-state").Value + items[0].SingleWithClass("scenario-task-title").Value);
        Assert.Equal("Hint: kubectl create deployment web --image=nginx --replicas=3", items[0].SingleWithClass("scenario-task-hint").Text());
        Assert.Equal("Not yet: ", items[1].SingleWithClass("scenario-task-state").Value);
        Assert.Equal("Found: deployment web {.status.readyReplicas} is \"2\", expected at least 3", items[1].SingleWithClass("scenario-task-unmet").Text());
        Assert.Empty(items[0].WithClass("scenario-task-unmet"));
        Assert.Equal(["bi-check-circle-fill", "bi-circle", "bi-circle"], items.Select(i => ((string)i.Element("i")!.Attribute("class")!).Split(' ')[1]));
    }

    [Fact]
    public async Task The_tasks_are_checked_again_when_the_cluster_changes_and_an_instructor_watching_sees_whose_they_are()
    {
        _classroom.Tasks = Tasks(1, mine: false);
        var live = await RenderAsync();
        Assert.Equal("Classroom: Ada · Monday", (await live.MarkupAsync()).Descendants("h2").Single().Text());

        _classroom.Tasks = Tasks(3, mine: false);
        await live.SetParametersAsync(Parameters(11));
        var root = await live.MarkupAsync();

        Assert.Equal(["tasks s1", "tasks s1"], _classroom.Calls);
        Assert.Equal("3 of 3 tasks done", root.SingleWithClass("scenario-tasks-count").Text());
        Assert.Equal("Every task is done.", root.SingleWithClass("scenario-tasks-next").Text());
    }

    [Fact]
    public async Task When_the_instructor_resets_the_sandbox_the_student_is_told_in_a_status_and_the_tasks_start_over()
    {
        var (gateway, sandbox) = ClusterFeedTests.Sandbox.Create();
        using var feed = new ClusterFeed(gateway, "s1", new LiveCluster(), work => work(), TimeSpan.FromMilliseconds(10));
        await feed.StartAsync();
        _classroom.Tasks = Tasks(2);
        var live = await RenderAsync(10, feed);
        Assert.Equal("", (await live.MarkupAsync()).SingleWithClass("scenario-reset-status").Text());

        _classroom.Tasks = Tasks(0);
        await sandbox.Ended(Services.SandboxStreamEnd.Reset);
        await live.SetParametersAsync(Parameters(1, feed));
        var root = await live.MarkupAsync();

        var status = root.SingleWithClass("scenario-reset-status");
        Assert.Equal("status", (string?)status.Attribute("role"));
        Assert.StartsWith("Your instructor reset this sandbox to the scenario's start.", status.Text());
        Assert.Equal("0 of 3 tasks done", root.SingleWithClass("scenario-tasks-count").Text());

        await live.ClickAsync(root.SingleWithClass("scenario-reset-dismiss"));
        Assert.Equal("", (await live.MarkupAsync()).SingleWithClass("scenario-reset-status").Text());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        if (_live is not null) await _live.DisposeAsync();
    }
}
