using Microsoft.AspNetCore.Components;
using Playground.Client.Classrooms;
using Playground.Client.Services;

namespace Playground.Client.Tests.Classrooms;

/// <summary>The grid's rows: a sandbox that could not be read, and the actions each row offers, named for their student.</summary>
public sealed class StudentGridTests
{
    private static Dictionary<string, object?> Parameters(params StudentLine[] students) => new()
    {
        ["ClassroomId"] = "c1", ["Students"] = students, ["Nodes"] = new[] { "node-1", "node-2" },
    };

    [Fact]
    public async Task Each_row_offers_its_actions_by_the_students_name_and_open_posts_into_a_new_tab()
    {
        var root = await Markup.RenderAsync<StudentGrid>(Parameters(FakeClassrooms.Student("s1", "Ada", 1)));

        var row = root.SingleWithClass("student-row");
        Assert.Equal(["Student", "Tasks", "Pods ready", "Last activity", "Warnings", "Actions"], root.Descendants("th").Where(t => (string?)t.Attribute("scope") == "col").Select(t => t.Text()));
        Assert.Equal(["Open Ada's sandbox read-only (new tab)", "Reset Ada's sandbox to the scenario's start", "Inject a fault into Ada's sandbox", "Remove Ada"],
            row.Descendants("button").Select(b => (string?)b.Attribute("aria-label")));
        var open = row.Descendants("form").Single();
        Assert.Equal(("post", "/classrooms/c1/students/s1/watch", "_blank"), ((string?)open.Attribute("method"), (string?)open.Attribute("action"), (string?)open.Attribute("target")));
        Assert.Equal("false", (string?)row.SingleWithClass("student-remove").Attribute("aria-expanded"));
    }

    [Fact]
    public async Task A_sandbox_that_could_not_be_read_says_why_in_its_row()
    {
        var root = await Markup.RenderAsync<StudentGrid>(Parameters(new StudentLine("s1", "Ada", FakeClassrooms.T0, null, "the sandbox no longer exists")));

        Assert.Equal("Could not read this sandbox: the sandbox no longer exists", root.SingleWithClass("student-error").Text());
        Assert.Empty(root.WithClass("task-count"));
    }

    [Fact]
    public async Task The_fault_button_opens_a_fault_form_for_that_student_below_the_row()
    {
        var faults = new List<(StudentLine, Playground.Core.Simulation.Fault)>();
        var parameters = Parameters(FakeClassrooms.Student("s1", "Ada", 1), FakeClassrooms.Student("s2", "Grace", 0));
        parameters["OnFault"] = EventCallback.Factory.Create<(StudentLine, Playground.Core.Simulation.Fault)>(new object(), faults.Add);
        await using var live = await LiveComponent<StudentGrid>.RenderAsync(parameters);

        var grace = (await live.MarkupAsync()).WithClass("student-row").Last();
        await live.ClickAsync(grace.SingleWithClass("student-fault"));
        var root = await live.MarkupAsync();

        Assert.Equal("true", (string?)root.WithClass("student-row").Last().SingleWithClass("student-fault").Attribute("aria-expanded"));
        var form = root.Descendants("form").Single(f => f.HasClass("fault-form"));
        Assert.Equal("fault-s2", (string?)form.Ancestors("td").Single().Attribute("id"));
        Assert.Equal("Inject into Grace", form.Descendants("button").Single().Text());
        await live.SubmitAsync(form);
        Assert.Equal(("s2", "fail-node", "node-2"), (faults.Single().Item1.SandboxId, faults.Single().Item2.Type, faults.Single().Item2.Node));
    }
}
