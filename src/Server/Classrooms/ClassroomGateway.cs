using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Playground.Client.Services;
using Playground.Core.Simulation;
using Playground.Server.Apis;
using Playground.Server.Persistence;
using Playground.Server.Sandboxes;

namespace Playground.Server.Classrooms;

/// <summary>
/// The instructor's pages' way into classrooms, for one circuit: the classroom APIs' own work, with the instructor
/// token read from the browser's cookie for the classroom (<see cref="InstructorEntry"/>) instead of a header. As there,
/// an unknown classroom and a wrong key get the same refusal.
/// </summary>
internal sealed class ClassroomGateway(
    IDbContextFactory<PlaygroundDb> databases, SandboxRegistry registry, VisitorCookies cookies, NavigationManager navigation,
    IOptions<PlaygroundOptions> options, TimeProvider time) : IClassroomGateway
{
    public IReadOnlyList<ScenarioCard> Scenarios => ScenarioCatalog.All.Select(s => ClassroomViews.Card(s.Id, s.Scenario)).ToList();

    public int MaxScenarioBytes => ScenarioReader.MaxBytes;

    public UploadCheck CheckScenario(string yaml)
    {
        try
        {
            var scenario = ScenarioReader.Read(yaml);
            ScenarioTrial.Plant(scenario, options.Value.Cluster);
            return new UploadCheck(ClassroomViews.Card(null, scenario), []);
        }
        catch (ScenarioException e)
        {
            return new UploadCheck(null, ClassroomViews.Problems(e.Message));
        }
    }

    public async Task<ClassroomLinks> CreateAsync(string name, string scenario)
    {
        var result = await ClassroomApis.CreateClassroomAsync(new CreateClassroomRequest(name, scenario), Site, databases, options.Value, time, CancellationToken.None);
        var created = ClassroomViews.Value<CreatedClassroom>(result.Result);
        return new ClassroomLinks(created.Id, created.Name, created.JoinUrl, InstructorEntry.Link(Site, created.Id, created.InstructorToken));
    }

    public async Task<ClassroomOverview?> OpenAsync(string classroomId)
    {
        await using var db = await databases.CreateDbContextAsync();
        return await InstructorEntry.InstructorAsync(classroomId, Key(classroomId), db, CancellationToken.None) is { } classroom ? Overview(classroom) : null;
    }

    public async Task<IReadOnlyList<StudentLine>> StudentsAsync(string classroomId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var classroom = await RequireAsync(classroomId, db);
        var scenario = ClassroomApis.ScenarioOf(classroom);
        var students = await StudentApis.StudentsAsync(db, classroomId, CancellationToken.None);
        var views = await Task.WhenAll(students.Select(s => StudentApis.ViewAsync(s, scenario, registry, CancellationToken.None)));
        return views.Select(ClassroomViews.Line).ToList();
    }

    public async Task<StudentLine> ResetAsync(string classroomId, string sandboxId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var (classroom, student) = await StudentAsync(classroomId, sandboxId, db);
        Open(classroom, "its students can no longer be reset");
        return ClassroomViews.Line(await StudentApis.ResetAsync(student, ClassroomApis.ScenarioOf(classroom), registry, CancellationToken.None));
    }

    public async Task<IReadOnlyList<StudentLine>> ResetAllAsync(string classroomId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var classroom = await RequireAsync(classroomId, db);
        Open(classroom, "its students can no longer be reset");
        var scenario = ClassroomApis.ScenarioOf(classroom);
        var lines = new List<StudentLine>();
        foreach (var student in await StudentApis.StudentsAsync(db, classroomId, CancellationToken.None))
            lines.Add(ClassroomViews.Line(await StudentApis.ResetAsync(student, scenario, registry, CancellationToken.None)));
        return lines;
    }

    public async Task<string> InjectFaultAsync(string classroomId, string sandboxId, Fault fault)
    {
        await using var db = await databases.CreateDbContextAsync();
        var (classroom, student) = await StudentAsync(classroomId, sandboxId, db);
        Open(classroom, "faults can no longer be injected");
        var sandbox = await registry.LoadAsync(student.SandboxId) ?? throw ClassroomViews.Refused(ClassroomAccess.StudentNotFound(sandboxId));
        return ClassroomViews.Value<FaultResult>((await FaultApis.InjectIntoAsync(sandbox, fault)).Result).Message;
    }

    public async Task<IReadOnlyList<FaultOutcome>> InjectFaultAllAsync(string classroomId, Fault fault)
    {
        await using var db = await databases.CreateDbContextAsync();
        var classroom = await RequireAsync(classroomId, db);
        Open(classroom, "faults can no longer be injected");
        var outcomes = new List<FaultOutcome>();
        foreach (var student in await StudentApis.StudentsAsync(db, classroomId, CancellationToken.None))
        {
            var outcome = await StudentApis.InjectAsync(student, fault, registry, CancellationToken.None);
            outcomes.Add(new FaultOutcome(outcome.SandboxId, outcome.Name, outcome.Code == StatusCodes.Status200OK, outcome.Message));
        }
        return outcomes;
    }

    public async Task RemoveAsync(string classroomId, string sandboxId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var (_, student) = await StudentAsync(classroomId, sandboxId, db);
        await StudentApis.RemoveStudentAsync(student, db, registry, CancellationToken.None);
    }

    public async Task<ClassroomOverview> CloseAsync(string classroomId)
    {
        await using var db = await databases.CreateDbContextAsync();
        var classroom = await RequireAsync(classroomId, db);
        classroom.ClosedAt ??= time.GetUtcNow();
        await db.SaveChangesAsync();
        return Overview(classroom);
    }

    /// <summary>The links the pages show point at the address the browser used.</summary>
    private Uri Site => new(navigation.BaseUri);

    private string? Key(string classroomId) => cookies.Cookie(InstructorEntry.Cookie(classroomId));

    private ClassroomOverview Overview(StoredClassroom classroom)
    {
        var scenario = ClassroomApis.ScenarioOf(classroom);
        var nodes = scenario.ClusterOptions(options.Value.Cluster).Nodes;
        var joinUrl = ClassroomTokens.JoinUrl(Site, classroom.Id, ClassroomTokens.JoinCode(classroom.Id, Key(classroom.Id)!));
        return new ClassroomOverview(classroom.Id, classroom.Name, ClassroomViews.Card(classroom.ScenarioId, scenario), joinUrl, classroom.ClosedAt is not null,
            Enumerable.Range(1, nodes).Select(i => $"node-{i}").ToList());
    }

    /// <summary>The classroom, tracked for a change, when this browser holds its instructor key.</summary>
    private async Task<StoredClassroom> RequireAsync(string classroomId, PlaygroundDb db) =>
        await InstructorEntry.InstructorAsync(classroomId, Key(classroomId), db, CancellationToken.None)
        ?? throw ClassroomViews.Refused(ClassroomAccess.NotFound(classroomId));

    private async Task<(StoredClassroom Classroom, StoredStudent Student)> StudentAsync(string classroomId, string sandboxId, PlaygroundDb db)
    {
        var classroom = await RequireAsync(classroomId, db);
        var student = await db.Students.AsNoTracking().SingleOrDefaultAsync(s => s.SandboxId == sandboxId && s.ClassroomId == classroomId)
            ?? throw ClassroomViews.Refused(ClassroomAccess.StudentNotFound(sandboxId));
        return (classroom, student);
    }

    private static void Open(StoredClassroom classroom, string refused)
    {
        if (classroom.ClosedAt is not null) throw ClassroomViews.Refused(ClassroomAccess.Closed(classroom.Id, refused));
    }
}
