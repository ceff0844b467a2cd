using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Playground.Core.Api.Meta;
using Playground.Server.Apis;
using Playground.Server.Persistence;
using Playground.Server.Sandboxes;

namespace Playground.Server.Classrooms;

/// <summary>The body that creates a classroom: its name, and a built-in scenario's id or a whole scenario's YAML.</summary>
public sealed record CreateClassroomRequest(string? Name, string? Scenario);

/// <summary>A new classroom; the response is the only place the instructor token is ever shown.</summary>
public sealed record CreatedClassroom(string Id, string Name, string InstructorToken, string JoinUrl);

/// <summary>A classroom as its instructor sees it.</summary>
public sealed record ClassroomInfo(string Id, string Name, ScenarioSummary Scenario, string JoinUrl, DateTimeOffset CreatedAt, bool Closed, DateTimeOffset? ClosedAt, int Students);

/// <summary>/api/classrooms: create a classroom from a scenario, read it, close it (students: <see cref="StudentApis"/>).</summary>
public static class ClassroomApis
{
    /// <summary>A scenario's YAML at its limit, escaped into JSON, with room to spare.</summary>
    private const int MaxBodyBytes = 2 * ScenarioReader.MaxBytes;
    private const int MaxName = 100;
    private const string Shape = """{"name": "Monday's class", "scenario": "deploy-and-scale" or the YAML of a scenario}""";

    public static IEndpointRouteBuilder MapClassroomApis(this IEndpointRouteBuilder routes)
    {
        var classrooms = routes.MapGroup("/api/classrooms");
        classrooms.MapPost("/", CreateAsync);
        classrooms.MapGet("/{id}", GetAsync);
        classrooms.MapPost("/{id}/close", CloseAsync);
        return routes;
    }

    private static async Task<Results<Created<CreatedClassroom>, JsonHttpResult<Status>>> CreateAsync(
        HttpRequest request, IDbContextFactory<PlaygroundDb> databases, IOptions<PlaygroundOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<CreateClassroomRequest>(request, MaxBodyBytes, Shape, cancellationToken);
        if (body is null) return problem!;
        return await CreateClassroomAsync(body, ClassroomTokens.Site(request), databases, options.Value, time, cancellationToken);
    }

    /// <summary>Creates the classroom <paramref name="body"/> asks for, for the API and the browser's new-classroom page; a refusal stores nothing.</summary>
    internal static async Task<Results<Created<CreatedClassroom>, JsonHttpResult<Status>>> CreateClassroomAsync(
        CreateClassroomRequest body, Uri site, IDbContextFactory<PlaygroundDb> databases, PlaygroundOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        var name = body.Name?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxName || name.Any(char.IsControl))
            return BadRequest($"name is required: 1 to {MaxName} characters, without control characters");
        if (string.IsNullOrWhiteSpace(body.Scenario))
            return BadRequest($"scenario is required: one of {Ids()}, or the YAML of a scenario");

        string? scenarioId = null;
        string yaml;
        if (ScenarioCatalog.Find(body.Scenario.Trim()) is { } builtIn)
        {
            (scenarioId, yaml) = (builtIn.Id, builtIn.Yaml);
        }
        else if (body.Scenario.Trim().All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-'))
        {
            return BadRequest($"unknown scenario \"{body.Scenario.Trim()}\": expected one of {Ids()}, or the YAML of a scenario");
        }
        else
        {
            yaml = body.Scenario;
            try
            {
                ScenarioTrial.Plant(ScenarioReader.Read(yaml), options.Cluster);
            }
            catch (ScenarioException e)
            {
                return BadRequest($"the scenario is invalid:\n{e.Message}");
            }
        }

        var id = SandboxTokens.NewId();
        var token = SandboxTokens.NewToken();
        var code = ClassroomTokens.JoinCode(id, token);
        await using (var db = await databases.CreateDbContextAsync(cancellationToken))
        {
            db.Classrooms.Add(new StoredClassroom
            {
                Id = id,
                Name = name,
                InstructorTokenHash = SandboxTokens.Hash(token),
                JoinCodeHash = SandboxTokens.Hash(code),
                ScenarioId = scenarioId,
                ScenarioYaml = yaml,
                CreatedAt = time.GetUtcNow(),
            });
            await db.SaveChangesAsync(cancellationToken);
        }
        return TypedResults.Created($"/api/classrooms/{id}", new CreatedClassroom(id, name, token, ClassroomTokens.JoinUrl(site, id, code)));
    }

    private static async Task<Results<Ok<ClassroomInfo>, JsonHttpResult<Status>>> GetAsync(
        string id, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (classroom, token, refusal) = await ClassroomAccess.InstructorAsync(id, request, db, cancellationToken);
        if (classroom is null) return refusal!;
        return TypedResults.Ok(await InfoAsync(classroom, token, request, db, cancellationToken));
    }

    /// <summary>Takes no new students from now on; the students keep their sandboxes, which stay theirs, and the grid stays readable.</summary>
    private static async Task<Results<Ok<ClassroomInfo>, JsonHttpResult<Status>>> CloseAsync(
        string id, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, TimeProvider time, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (classroom, token, refusal) = await ClassroomAccess.InstructorAsync(id, request, db, cancellationToken);
        if (classroom is null) return refusal!;
        classroom.ClosedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await InfoAsync(classroom, token, request, db, cancellationToken));
    }

    private static async Task<ClassroomInfo> InfoAsync(StoredClassroom classroom, string token, HttpRequest request, PlaygroundDb db, CancellationToken cancellationToken) => new(
        classroom.Id,
        classroom.Name,
        ScenarioSummary.Of(classroom.ScenarioId, ScenarioOf(classroom)),
        ClassroomTokens.JoinUrl(request, classroom.Id, ClassroomTokens.JoinCode(classroom.Id, token)),
        classroom.CreatedAt,
        classroom.ClosedAt is not null,
        classroom.ClosedAt,
        await db.Students.CountAsync(s => s.ClassroomId == classroom.Id, cancellationToken));

    /// <summary>The classroom's scenario, as it was when the classroom was created (it was valid then, so it reads).</summary>
    internal static Scenario ScenarioOf(StoredClassroom classroom) =>
        classroom.ScenarioId is { } builtIn && ScenarioCatalog.Find(builtIn) is { } found && found.Yaml == classroom.ScenarioYaml
            ? found.Scenario
            : ScenarioReader.Read(classroom.ScenarioYaml);

    private static string Ids() => string.Join(", ", ScenarioCatalog.All.Select(s => s.Id));

    private static JsonHttpResult<Status> BadRequest(string message) => StatusResults.Failure(StatusCodes.Status400BadRequest, message);
}
