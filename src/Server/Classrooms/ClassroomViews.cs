using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;

namespace Playground.Server.Classrooms;

/// <summary>The classroom APIs' answers as the browser pages take them (the records of Client.Services).</summary>
internal static partial class ClassroomViews
{
    public static ScenarioCard Card(string? id, Scenario scenario) =>
        new(id, scenario.Title, scenario.Description, scenario.Tasks.Select(t => new TaskCard(t.Title, t.Hint)).ToList());

    public static StudentLine Line(StudentView view) =>
        new(view.SandboxId, view.Name, view.JoinedAt, view.Progress is { } progress ? Work(progress) : null, view.Error);

    public static WorkProgress Work(StudentProgress progress) => new(
        progress.Tasks.Select(t => new TaskProgress(t.Title, t.Passed, t.Checks.FirstOrDefault(c => !c.Passed)?.Detail)).ToList(),
        progress.PodsReady, progress.PodsTotal, progress.LastActivity, progress.Warnings, progress.LastWarning, progress.Now);

    /// <summary>An API handler's value, or its refusal thrown as the ApiException the pages catch and say in words.</summary>
    public static T Value<T>(IResult result) => result switch
    {
        JsonHttpResult<Status> { Value: { } refused } => throw new ApiException(refused),
        IValueHttpResult<T> { Value: { } value } => value,
        _ => throw new InvalidOperationException($"a classroom API answered {result.GetType().Name}"),
    };

    /// <summary>A refusal of the classroom APIs, thrown.</summary>
    public static ApiException Refused(JsonHttpResult<Status> refusal) => new(refusal.Value!);

    /// <summary>A <see cref="ScenarioException"/>'s message, one problem a line, each placed at the line it names.</summary>
    public static IReadOnlyList<UploadProblem> Problems(string message) =>
        message.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(problem => AtLine().Match(problem) is { Success: true } at
                ? new UploadProblem(int.Parse(at.Groups["line"].Value), at.Groups["message"].Value)
                : new UploadProblem(null, problem))
            .ToList();

    /// <summary>"line 7: tasks[0]…", or the YAML parser's "error converting YAML to JSON: yaml: line 3: …".</summary>
    [GeneratedRegex(@"^(?:.*?\b)?line (?<line>\d+): (?<message>.+)$")]
    private static partial Regex AtLine();
}
