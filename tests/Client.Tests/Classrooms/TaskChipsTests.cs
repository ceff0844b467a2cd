using Playground.Client.Classrooms;
using Playground.Client.Services;

namespace Playground.Client.Tests.Classrooms;

/// <summary>A student's tasks in a grid cell: the count in words, each task's state by icon shape and hidden text, what is unmet on hover.</summary>
public sealed class TaskChipsTests
{
    [Fact]
    public async Task Each_task_says_its_number_and_state_in_text_and_icon_not_colour_alone()
    {
        var tasks = FakeClassrooms.Student("s1", "Ada", 1).Progress!.Tasks;
        var root = await Markup.RenderAsync<TaskChips>(new Dictionary<string, object?> { ["Tasks"] = tasks });

        Assert.Equal("1 of 3 done", root.SingleWithClass("task-count").Text());
        var chips = root.WithClass("task-chip").ToList();
        Assert.Equal(["task-passed", "task-open", "task-open"], chips.Select(c => c.HasClass("task-passed") ? "task-passed" : "task-open"));
        Assert.Equal(["bi-check-circle-fill", "bi-circle", "bi-circle"], chips.Select(c => ((string)c.Element("i")!.Attribute("class")!).Split(' ')[1]));
        Assert.Equal("Task 1, done: Create a Deployment named web running nginx, with 3 replicas", chips[0].SingleWithClass("visually-hidden").Text());
        Assert.Equal("Task 2, not done: Scale web to 5 replicas", chips[1].SingleWithClass("visually-hidden").Text());
        Assert.Equal(["1", "2", "3"], chips.Select(c => c.Elements("span").First().Text()));
        Assert.Equal("2. Scale web to 5 replicas: not done (deployment web {.status.readyReplicas} is \"2\", expected at least 3)", (string?)chips[1].Attribute("title"));
    }
}
