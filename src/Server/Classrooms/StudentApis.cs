using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Core.Simulation;
using Playground.Server.Apis;
using Playground.Server.Persistence;
using Playground.Server.Sandboxes;
using Playground.Server.Sharing;

namespace Playground.Server.Classrooms;

/// <summary>One line of the instructor's grid; <see cref="Progress"/> is null (and <see cref="Error"/> says why) when the sandbox could not be read.</summary>
public sealed record StudentView(string SandboxId, string Name, DateTimeOffset JoinedAt, StudentProgress? Progress, string? Error = null);

/// <summary>What a student's page shows: the classroom, the scenario with its hints, and their own line of the grid.</summary>
public sealed record StudentPage(string ClassroomId, string ClassroomName, bool Closed, ScenarioSummary Scenario, StudentView Student);

/// <summary>What a fault did in one student's sandbox: <see cref="Code"/> 200 with the fault's message, or the Status code and message of its refusal.</summary>
public sealed record StudentFault(string SandboxId, string Name, int Code, string Message, long? Revision);

/// <summary>
/// The instructor's routes for the students of a classroom: the live grid, reset (one or all) to the scenario's start,
/// faults (one or all), and removal. All take the instructor token (<see cref="ClassroomAccess"/>); a sandbox id that is
/// not a student of this classroom is 404, whoever's it is.
/// </summary>
public static class StudentApis
{
    public static IEndpointRouteBuilder MapStudentApis(this IEndpointRouteBuilder routes)
    {
        var classroom = routes.MapGroup("/api/classrooms/{id}");
        classroom.MapGet("/students", ListAsync);
        classroom.MapGet("/students/{sandboxId}", GetAsync);
        classroom.MapPost("/reset", ResetAllAsync);
        classroom.MapPost("/students/{sandboxId}/reset", ResetOneAsync);
        classroom.MapPost("/faults", InjectAllAsync);
        classroom.MapPost("/students/{sandboxId}/faults", InjectOneAsync);
        classroom.MapDelete("/students/{sandboxId}", RemoveAsync);
        classroom.MapPost("/students/{sandboxId}/view", ViewLinkAsync);
        return routes;
    }

    private static async Task<Results<Ok<List<StudentView>>, JsonHttpResult<Status>>> ListAsync(
        string id, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (classroom, _, refusal) = await ClassroomAccess.InstructorAsync(id, request, db, cancellationToken);
        if (classroom is null) return refusal!;
        var scenario = ClassroomApis.ScenarioOf(classroom);
        var students = await StudentsAsync(db, id, cancellationToken);
        return TypedResults.Ok((await Task.WhenAll(students.Select(s => ViewAsync(s, scenario, registry, cancellationToken)))).ToList());
    }

    /// <summary>
    /// One student's page, for the instructor (their token) or for whoever may open the student's sandbox (its owner's
    /// token or cookie, or a view link's), so the student sees their tasks tick as they work.
    /// </summary>
    private static async Task<Results<Ok<StudentPage>, JsonHttpResult<Status>>> GetAsync(
        string id, string sandboxId, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, SandboxAccessControl access, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var credential = SandboxCredentials.For(request, sandboxId);
        if (credential.IsEmpty) return ClassroomAccess.Unauthorized("the instructor token or the student's sandbox token");
        var classroom = await ClassroomAccess.FindAsync(id, db, cancellationToken);
        var student = classroom is null ? null
            : await db.Students.AsNoTracking().SingleOrDefaultAsync(s => s.SandboxId == sandboxId && s.ClassroomId == id, cancellationToken);
        if (classroom is null || student is null) return ClassroomAccess.NotFound(id);
        var instructor = SandboxTokens.Matches(credential.Token, classroom.InstructorTokenHash);
        if (!instructor && (await access.ResolveAsync(sandboxId, credential, cancellationToken)).Access == SandboxAccess.None) return ClassroomAccess.NotFound(id);
        var scenario = ClassroomApis.ScenarioOf(classroom);
        var view = await ViewAsync(student, scenario, registry, cancellationToken);
        return TypedResults.Ok(new StudentPage(id, classroom.Name, classroom.ClosedAt is not null, ScenarioSummary.Of(classroom.ScenarioId, scenario), view));
    }

    private static async Task<Results<Ok<List<StudentView>>, JsonHttpResult<Status>>> ResetAllAsync(
        string id, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (classroom, _, refusal) = await ClassroomAccess.InstructorAsync(id, request, db, cancellationToken);
        if (classroom is null) return refusal!;
        if (classroom.ClosedAt is not null) return ClassroomAccess.Closed(id, "its students can no longer be reset");
        var scenario = ClassroomApis.ScenarioOf(classroom);
        var views = new List<StudentView>();
        foreach (var student in await StudentsAsync(db, id, cancellationToken))
            views.Add(await ResetAsync(student, scenario, registry, cancellationToken));
        return TypedResults.Ok(views);
    }

    private static async Task<Results<Ok<StudentView>, JsonHttpResult<Status>>> ResetOneAsync(
        string id, string sandboxId, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (classroom, student, refusal) = await StudentAsync(id, sandboxId, request, db, cancellationToken);
        if (student is null) return refusal!;
        if (classroom!.ClosedAt is not null) return ClassroomAccess.Closed(id, "its students can no longer be reset");
        return TypedResults.Ok(await ResetAsync(student, ClassroomApis.ScenarioOf(classroom), registry, cancellationToken));
    }

    private static async Task<Results<Ok<List<StudentFault>>, JsonHttpResult<Status>>> InjectAllAsync(
        string id, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (classroom, _, refusal) = await ClassroomAccess.InstructorAsync(id, request, db, cancellationToken);
        if (classroom is null) return refusal!;
        if (classroom.ClosedAt is not null) return ClassroomAccess.Closed(id, "faults can no longer be injected");
        var (fault, problem) = await FaultApis.ReadAsync(request, cancellationToken);
        if (fault is null) return problem!;
        var outcomes = new List<StudentFault>();
        foreach (var student in await StudentsAsync(db, id, cancellationToken))
            outcomes.Add(await InjectAsync(student, fault, registry, cancellationToken));
        return TypedResults.Ok(outcomes);
    }

    private static async Task<Results<Ok<FaultResult>, JsonHttpResult<Status>>> InjectOneAsync(
        string id, string sandboxId, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (classroom, student, refusal) = await StudentAsync(id, sandboxId, request, db, cancellationToken);
        if (student is null) return refusal!;
        if (classroom!.ClosedAt is not null) return ClassroomAccess.Closed(id, "faults can no longer be injected");
        var (fault, problem) = await FaultApis.ReadAsync(request, cancellationToken);
        if (fault is null) return problem!;
        var sandbox = await registry.LoadAsync(student.SandboxId, cancellationToken);
        if (sandbox is null) return ClassroomAccess.StudentNotFound(sandboxId);
        return await FaultApis.InjectIntoAsync(sandbox, fault);
    }

    /// <summary>Takes the student out of the classroom and deletes their sandbox; the join link (while open) makes a new one.</summary>
    private static async Task<Results<NoContent, JsonHttpResult<Status>>> RemoveAsync(
        string id, string sandboxId, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (_, student, refusal) = await StudentAsync(id, sandboxId, request, db, cancellationToken);
        if (student is null) return refusal!;
        await RemoveStudentAsync(student, db, registry, cancellationToken);
        return TypedResults.NoContent();
    }

    internal static async Task RemoveStudentAsync(StoredStudent student, PlaygroundDb db, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        await registry.DeleteAsync(student.SandboxId, cancellationToken);
        // The sandbox's delete takes the student's row with it; this covers a sandbox that was already gone.
        await db.Students.Where(s => s.SandboxId == student.SandboxId).ExecuteDeleteAsync(cancellationToken);
    }

    /// <summary>The instructor's view link to the student's sandbox: 201 when it was made now, 200 when it was there already.</summary>
    private static async Task<Results<Created<CreatedShareLink>, Ok<CreatedShareLink>, JsonHttpResult<Status>>> ViewLinkAsync(
        string id, string sandboxId, HttpRequest request, IDbContextFactory<PlaygroundDb> databases, ShareLinks links, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var (_, student, refusal) = await StudentAsync(id, sandboxId, request, db, cancellationToken);
        if (student is null) return refusal!;
        var (link, created) = await InstructorViewLinkAsync(links, student.SandboxId, SandboxCredentials.Bearer(request)!, ClassroomTokens.Site(request), cancellationToken);
        return created ? TypedResults.Created(link.Url, link) : TypedResults.Ok(link);
    }

    /// <summary>
    /// The one view link through which the instructor watches a student's sandbox live and read-only, made on the first
    /// open and reused after; it is one of the sandbox's share links, so the student sees it in their list (and may
    /// revoke it: the next open makes a new one), and it goes with the sandbox.
    /// </summary>
    internal static Task<(CreatedShareLink Link, bool Created)> InstructorViewLinkAsync(
        ShareLinks links, string sandboxId, string instructorToken, Uri site, CancellationToken cancellationToken) =>
        links.DerivedViewLinkAsync(sandboxId, shareId => ClassroomTokens.InstructorViewToken(instructorToken, shareId), site, cancellationToken);

    /// <summary>The classroom and its student <paramref name="sandboxId"/>, when the caller is its instructor.</summary>
    private static async Task<(StoredClassroom? Classroom, StoredStudent? Student, JsonHttpResult<Status>? Refusal)> StudentAsync(
        string id, string sandboxId, HttpRequest request, PlaygroundDb db, CancellationToken cancellationToken)
    {
        var (classroom, _, refusal) = await ClassroomAccess.InstructorAsync(id, request, db, cancellationToken);
        if (classroom is null) return (null, null, refusal);
        var student = await db.Students.AsNoTracking().SingleOrDefaultAsync(s => s.SandboxId == sandboxId && s.ClassroomId == id, cancellationToken);
        return student is null ? (classroom, null, ClassroomAccess.StudentNotFound(sandboxId)) : (classroom, student, null);
    }

    /// <summary>In the order they joined; sorted here, as SQLite cannot order by a DateTimeOffset.</summary>
    internal static async Task<List<StoredStudent>> StudentsAsync(PlaygroundDb db, string classroomId, CancellationToken cancellationToken) =>
        [.. (await db.Students.AsNoTracking().Where(s => s.ClassroomId == classroomId).ToListAsync(cancellationToken)).OrderBy(s => s.JoinedAt).ThenBy(s => s.SandboxId)];

    internal static async Task<StudentView> ViewAsync(StoredStudent student, Scenario scenario, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var sandbox = await registry.LoadAsync(student.SandboxId, cancellationToken);
        if (sandbox is null) return new StudentView(student.SandboxId, student.Name, student.JoinedAt, null, "the sandbox no longer exists");
        try
        {
            return new StudentView(student.SandboxId, student.Name, student.JoinedAt, await sandbox.RunAsync(c => StudentProgress.Read(scenario, c)));
        }
        catch (ObjectDisposedException)
        {
            // It stopped between loading and reading (deleted, or the server is stopping): the next poll sees which.
            return new StudentView(student.SandboxId, student.Name, student.JoinedAt, null, "the sandbox stopped; try again");
        }
    }

    internal static async Task<StudentView> ResetAsync(StoredStudent student, Scenario scenario, SandboxRegistry registry, CancellationToken cancellationToken) =>
        await registry.ResetAsync(student.SandboxId, cancellationToken)
            ? await ViewAsync(student, scenario, registry, cancellationToken)
            : new StudentView(student.SandboxId, student.Name, student.JoinedAt, null, "the sandbox no longer exists");

    internal static async Task<StudentFault> InjectAsync(StoredStudent student, Fault fault, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var sandbox = await registry.LoadAsync(student.SandboxId, cancellationToken);
        if (sandbox is null) return new StudentFault(student.SandboxId, student.Name, StatusCodes.Status404NotFound, "the sandbox no longer exists", null);
        return (await FaultApis.InjectIntoAsync(sandbox, fault)).Result switch
        {
            Ok<FaultResult> { Value: { } done } => new StudentFault(student.SandboxId, student.Name, StatusCodes.Status200OK, done.Message, done.Revision),
            JsonHttpResult<Status> { Value: { } refused } => new StudentFault(student.SandboxId, student.Name, refused.Code, refused.Message ?? "", null),
            _ => throw new InvalidOperationException("a fault ends in a result or a Status"),
        };
    }
}
