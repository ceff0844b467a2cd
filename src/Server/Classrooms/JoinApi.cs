using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Server.Apis;
using Playground.Server.Persistence;
using Playground.Server.Sandboxes;

namespace Playground.Server.Classrooms;

/// <summary>The body of a join: the student's display name, and the code of the join link (or send it as ?code=).</summary>
public sealed record JoinRequest(string? Name, string? Code);

/// <summary>The student's sandbox and its owner token (also set as the browser's cookie for that sandbox).</summary>
public sealed record JoinedClassroom(string SandboxId, string Token, string Name);

/// <summary>
/// POST /api/classrooms/{id}/join: a student gets a sandbox seeded from the classroom's scenario, with no account. A
/// browser that joined before (it holds its sandbox's cookie) gets the same sandbox back, even after the classroom closed.
/// </summary>
public static class JoinApi
{
    public const int MaxStudents = 200;
    private const int MaxName = 40;
    private const int MaxBodyBytes = 4 * 1024;
    private const string Shape = """{"name": "Ada", "code": "<the code in the join link>"}""";

    public static IEndpointRouteBuilder MapJoinApi(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/classrooms/{id}/join", JoinAsync);
        return routes;
    }

    private static async Task<Results<Created<JoinedClassroom>, Ok<JoinedClassroom>, JsonHttpResult<Status>>> JoinAsync(
        string id, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, SandboxAccessControl access,
        IOptions<PlaygroundOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<JoinRequest>(request, MaxBodyBytes, Shape, cancellationToken);
        if (body is null) return problem!;
        return await JoinClassroomAsync(id, body.Name, body.Code ?? request.Query["code"].FirstOrDefault(), request, databases, registry, access, options.Value, time, cancellationToken);
    }

    /// <summary>The join itself, for the API and the browser's join page (whose request gets the sandbox's cookie).</summary>
    internal static async Task<Results<Created<JoinedClassroom>, Ok<JoinedClassroom>, JsonHttpResult<Status>>> JoinClassroomAsync(
        string id, string? displayName, string? code, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry,
        SandboxAccessControl access, PlaygroundOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (string.IsNullOrEmpty(code))
            return StatusResults.Failure(StatusCodes.Status401Unauthorized, "Unauthorized: send the code of the classroom's join link, as \"code\" in the body or ?code=");

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var classroom = await ClassroomAccess.FindAsync(id, db, cancellationToken);
        if (classroom is null || !SandboxTokens.Matches(code, classroom.JoinCodeHash)) return ClassroomAccess.NotFound(id);

        if (await ReturningAsync(classroom, request, db, access, cancellationToken) is { } returning)
        {
            SandboxCredentials.Remember(request.HttpContext.Response, returning.SandboxId, returning.Token);
            return TypedResults.Ok(returning);
        }
        if (classroom.ClosedAt is not null)
            return StatusResults.Failure(StatusCodes.Status403Forbidden, $"classroom \"{id}\" is closed: it takes no new students");
        var name = displayName?.Trim();
        if (string.IsNullOrEmpty(name) || name.Length > MaxName || name.Any(char.IsControl))
            return StatusResults.Failure(StatusCodes.Status400BadRequest, $"name is required: the name your instructor sees, 1 to {MaxName} characters");
        if (await db.Students.CountAsync(s => s.ClassroomId == id, cancellationToken) >= MaxStudents)
            return StatusResults.Failure(StatusCodes.Status409Conflict, $"classroom \"{id}\" is full: it has {MaxStudents} students");

        var scenario = ClassroomApis.ScenarioOf(classroom);
        CreatedSandbox sandbox;
        try
        {
            var seed = new SandboxSeed(scenario.ClusterOptions(options.Cluster), scenario.Manifests);
            sandbox = await registry.CreateAsync(seed, $"{classroom.Name}: {name}", Visitors.Of(request), cancellationToken);
        }
        catch (ArgumentException e)
        {
            // Only a change of the server's cluster settings since the scenario was tried can get here.
            return StatusResults.Failure(StatusCodes.Status409Conflict, $"classroom \"{id}\"'s scenario cannot be started on this server: {e.Message}");
        }
        catch (SandboxQuotaException e)
        {
            return StatusResults.Failure(StatusCodes.Status403Forbidden, e.Message);
        }
        db.Students.Add(new StoredStudent { SandboxId = sandbox.Id, ClassroomId = id, Name = name, JoinedAt = time.GetUtcNow() });
        await db.SaveChangesAsync(cancellationToken);
        SandboxCredentials.Remember(request.HttpContext.Response, sandbox.Id, sandbox.Token);
        return TypedResults.Created($"/api/classrooms/{id}/students/{sandbox.Id}", new JoinedClassroom(sandbox.Id, sandbox.Token, name));
    }

    /// <summary>The student this browser joined as: a student of the classroom whose sandbox token the browser holds in its cookie.</summary>
    internal static async Task<JoinedClassroom?> ReturningAsync(StoredClassroom classroom, HttpRequest request, PlaygroundDb db, SandboxAccessControl access, CancellationToken cancellationToken)
    {
        var prefix = SandboxCredentials.TokenCookie("");
        var held = request.Cookies.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).ToList();
        if (held.Count == 0) return null;
        var students = await db.Students.AsNoTracking()
            .Where(s => s.ClassroomId == classroom.Id && held.Contains(s.SandboxId))
            .ToListAsync(cancellationToken);
        foreach (var student in students.OrderByDescending(s => s.JoinedAt))
        {
            var token = request.Cookies[SandboxCredentials.TokenCookie(student.SandboxId)];
            var (granted, _) = await access.ResolveAsync(student.SandboxId, new SandboxCredential(token, null), cancellationToken);
            if (granted == SandboxAccess.Owner) return new JoinedClassroom(student.SandboxId, token!, student.Name);
        }
        return null;
    }
}
