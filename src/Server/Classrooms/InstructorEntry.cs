using Microsoft.EntityFrameworkCore;
using Playground.Server.Persistence;
using Playground.Server.Sandboxes;
using Playground.Server.Sharing;

namespace Playground.Server.Classrooms;

/// <summary>
/// The instructor's ways in from a browser: the instructor link, which moves the instructor token from the address into
/// an HttpOnly cookie (then drops it from the address), and opening a student's sandbox read-only in a new tab.
/// </summary>
public static class InstructorEntry
{
    public static string Cookie(string classroomId) => $"pg.cls.{classroomId}";

    /// <summary>The link that makes a browser the classroom's instructor: it carries the token, so it is shown once and kept like a password.</summary>
    public static string Link(Uri site, string classroomId, string instructorToken) =>
        new Uri(site, $"/classrooms/{classroomId}/instructor?key={Uri.EscapeDataString(instructorToken)}").ToString();

    public static IEndpointRouteBuilder MapInstructorEntry(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/classrooms/{id}/instructor", EnterAsync);
        routes.MapPost("/classrooms/{id}/students/{sandboxId}/watch", WatchAsync);
        return routes;
    }

    /// <summary>A key that is not the classroom's sets nothing: the dashboard then says so.</summary>
    private static async Task<IResult> EnterAsync(string id, string? key, HttpContext context, IDbContextFactory<PlaygroundDb> databases, CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        if (await InstructorAsync(id, key, db, cancellationToken) is null) return Results.Redirect($"/classrooms/{Uri.EscapeDataString(id)}?refused=true");
        context.Response.Cookies.Append(Cookie(id), key!, SandboxCredentials.CookieOptions(context.Response));
        return Results.Redirect($"/classrooms/{id}");
    }

    /// <summary>
    /// A form's POST (into a new tab), so that a link followed by a crawler or a preview makes nothing: the instructor's
    /// view link to the student's sandbox (the same one each time), which the tab follows. The cookie is SameSite=Strict,
    /// so another site cannot post here for the instructor.
    /// </summary>
    private static async Task<IResult> WatchAsync(string id, string sandboxId, HttpContext context, IDbContextFactory<PlaygroundDb> databases, ShareLinks links,
        CancellationToken cancellationToken)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var key = context.Request.Cookies[Cookie(id)];
        var classroom = await InstructorAsync(id, key, db, cancellationToken);
        var student = classroom is null ? false : await db.Students.AnyAsync(s => s.SandboxId == sandboxId && s.ClassroomId == id, cancellationToken);
        if (!student) return Results.Redirect($"/classrooms/{Uri.EscapeDataString(id)}");
        var (link, _) = await StudentApis.InstructorViewLinkAsync(links, sandboxId, key!, ClassroomTokens.Site(context.Request), cancellationToken);
        return Results.Redirect(link.Url);
    }

    /// <summary>The classroom when <paramref name="key"/> is its instructor token.</summary>
    internal static async Task<StoredClassroom?> InstructorAsync(string id, string? key, PlaygroundDb db, CancellationToken cancellationToken) =>
        key is not null && await ClassroomAccess.FindAsync(id, db, cancellationToken) is { } classroom && SandboxTokens.Matches(key, classroom.InstructorTokenHash)
            ? classroom
            : null;
}
