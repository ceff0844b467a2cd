namespace Playground.Server.Classrooms;

/// <summary>A task as a scenario lists it: what to do and a hint (the checks stay on the server).</summary>
public sealed record TaskSummary(string Title, string? Hint);

/// <summary>A scenario as the APIs show it; <see cref="Id"/> is null for one an instructor uploaded.</summary>
public sealed record ScenarioSummary(string? Id, string Title, string Description, IReadOnlyList<TaskSummary> Tasks)
{
    public static ScenarioSummary Of(string? id, Scenario scenario) =>
        new(id, scenario.Title, scenario.Description, scenario.Tasks.Select(t => new TaskSummary(t.Title, t.Hint)).ToList());
}

/// <summary>GET /api/scenarios: the built-in scenarios a classroom can start from.</summary>
public static class ScenarioApis
{
    public static IEndpointRouteBuilder MapScenarioApis(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/scenarios", () => TypedResults.Ok(ScenarioCatalog.All.Select(s => ScenarioSummary.Of(s.Id, s.Scenario)).ToList()));
        return routes;
    }
}
