using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Playground.Core.Api.Meta;
using Playground.Server.Apis;
using Playground.Server.Persistence;
using Playground.Server.Sandboxes;

namespace Playground.Server.Classrooms;

/// <summary>
/// The instructor's right to a classroom: the bearer token whose hash the classroom keeps. No token gets 401; an unknown
/// id and any other token (another classroom's, a student's) get the same 404, so a refusal teaches nothing.
/// </summary>
internal static class ClassroomAccess
{
    public static async Task<(StoredClassroom? Classroom, string Token, JsonHttpResult<Status>? Refusal)> InstructorAsync(
        string id, HttpRequest request, PlaygroundDb db, CancellationToken cancellationToken)
    {
        var header = request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return (null, "", Unauthorized());
        var token = header["Bearer ".Length..].Trim();
        var classroom = await FindAsync(id, db, cancellationToken);
        return classroom is not null && SandboxTokens.Matches(token, classroom.InstructorTokenHash)
            ? (classroom, token, null)
            : (null, "", NotFound(id));
    }

    /// <summary>The classroom, read for a change when <paramref name="db"/> tracks it; null for an unknown or malformed id.</summary>
    public static async Task<StoredClassroom?> FindAsync(string id, PlaygroundDb db, CancellationToken cancellationToken) =>
        SandboxTokens.IsWellFormedId(id) ? await db.Classrooms.SingleOrDefaultAsync(c => c.Id == id, cancellationToken) : null;

    public static JsonHttpResult<Status> Unauthorized(string token = "the classroom's instructor token") =>
        StatusResults.Failure(StatusCodes.Status401Unauthorized, $"Unauthorized: send {token} as \"Authorization: Bearer <token>\"");

    public static JsonHttpResult<Status> NotFound(string id) =>
        StatusResults.Failure(StatusCodes.Status404NotFound, $"classrooms \"{id}\" not found");

    public static JsonHttpResult<Status> StudentNotFound(string sandboxId) =>
        StatusResults.Failure(StatusCodes.Status404NotFound, $"students \"{sandboxId}\" not found");

    public static JsonHttpResult<Status> Closed(string id, string refused) =>
        StatusResults.Failure(StatusCodes.Status409Conflict, $"classroom \"{id}\" is closed: {refused}");
}
