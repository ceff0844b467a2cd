using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Playground.Client.Services;
using Playground.Server.Persistence;
using Playground.Server.Sandboxes;

namespace Playground.Server.Classrooms;

/// <summary>
/// A student's pages' way into their classroom: the join page (rendered statically, so joining can answer with the
/// sandbox's cookie, as the join API does) and the tasks panel of the workspace, for whoever may open that sandbox.
/// </summary>
internal sealed class StudentGateway(
    IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, SandboxAccessControl access, VisitorCookies cookies,
    IHttpContextAccessor http, IOptions<PlaygroundOptions> options, TimeProvider time) : IStudentGateway
{
    public async Task<JoinLink> JoinLinkAsync(string classroomId, string? code)
    {
        await using var db = await databases.CreateDbContextAsync();
        var classroom = await ClassroomAccess.FindAsync(classroomId, db, CancellationToken.None);
        if (classroom is null || !SandboxTokens.Matches(code, classroom.JoinCodeHash)) return new JoinLink(JoinLinkState.Invalid);
        var returning = http.HttpContext is { } context ? await JoinApi.ReturningAsync(classroom, context.Request, db, access, CancellationToken.None) : null;
        return new JoinLink(classroom.ClosedAt is null ? JoinLinkState.Open : JoinLinkState.Closed, classroom.Name, ClassroomApis.ScenarioOf(classroom).Title,
            returning?.SandboxId);
    }

    public async Task<string> JoinAsync(string classroomId, string? code, string? name)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("joining answers with the sandbox's cookie: call it from a statically rendered page");
        var result = await JoinApi.JoinClassroomAsync(classroomId, name, code, context.Request, databases, registry, access, options.Value, time, context.RequestAborted);
        return ClassroomViews.Value<JoinedClassroom>(result.Result).SandboxId;
    }

    public async Task<StudentTasks?> TasksAsync(string sandboxId)
    {
        var (granted, _) = await access.ResolveAsync(sandboxId, cookies.For(sandboxId));
        if (granted == SandboxAccess.None) return null;
        await using var db = await databases.CreateDbContextAsync();
        var student = await db.Students.AsNoTracking().SingleOrDefaultAsync(s => s.SandboxId == sandboxId);
        var classroom = student is null ? null : await ClassroomAccess.FindAsync(student.ClassroomId, db, CancellationToken.None);
        if (student is null || classroom is null) return null;
        var scenario = ClassroomApis.ScenarioOf(classroom);
        var view = await StudentApis.ViewAsync(student, scenario, registry, CancellationToken.None);
        return new StudentTasks(classroom.Name, student.Name, ClassroomViews.Card(classroom.ScenarioId, scenario),
            view.Progress is { } progress ? ClassroomViews.Work(progress) : null, view.Error, granted == SandboxAccess.Owner);
    }
}
