using Microsoft.JSInterop;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;

namespace Playground.Client.Tests.Classrooms;

/// <summary>
/// One classroom as the server keeps it, behind both gateways: the pages' calls change it as the server would, are
/// logged for the test to read, and are refused with the server's messages (a closed classroom, a browser without the key).
/// </summary>
public sealed class FakeClassrooms : IClassroomGateway, IStudentGateway
{
    public static readonly DateTimeOffset T0 = new(2025, 3, 1, 9, 0, 0, TimeSpan.Zero);

    public static readonly ScenarioCard DeployAndScale = new("deploy-and-scale", "Deploy and scale", "Create a Deployment and watch the chain it sets off.",
    [
        new("Create a Deployment named web running nginx, with 3 replicas", "kubectl create deployment web --image=nginx --replicas=3"),
        new("Scale web to 5 replicas", "kubectl scale deployment web --replicas=5"),
        new("Let a HorizontalPodAutoscaler own the count", null),
    ]);

    public static readonly ScenarioCard Services = new("services-and-dns", "Services and DNS", "Reach pods through a Service.", [new("Expose web", "kubectl expose deployment web --port=80")]);

    public List<string> Calls { get; } = [];

    /// <summary>Whether this browser holds the instructor key.</summary>
    public bool Instructor { get; set; } = true;

    public bool Closed { get; set; }

    public List<StudentLine> Students { get; } = [];

    /// <summary>What <see cref="TasksAsync"/> answers (null: not a classroom student's sandbox).</summary>
    public StudentTasks? Tasks { get; set; }

    public JoinLink Link { get; set; } = new(JoinLinkState.Open, "Monday", "Deploy and scale");

    public IReadOnlyList<ScenarioCard> Scenarios => [DeployAndScale, Services];

    public int MaxScenarioBytes => 128 * 1024;

    public static StudentLine Student(string id, string name, int passed, int podsReady = 3, int podsTotal = 3, int warnings = 0) => new(id, name, T0, new WorkProgress(
        DeployAndScale.Tasks.Select((t, i) => new TaskProgress(t.Title, i < passed, i < passed ? null : "deployment web {.status.readyReplicas} is \"2\", expected at least 3")).ToList(),
        podsReady, podsTotal, T0.AddMinutes(3), warnings, warnings == 0 ? null : "BackOff: Back-off pulling image \"ngnix\"", T0.AddMinutes(5)));

    public UploadCheck CheckScenario(string yaml) => new(null, [new(3, "tasks[0].title: is required")]);

    public Task<ClassroomLinks> CreateAsync(string name, string scenario)
    {
        Calls.Add($"create {name} {scenario}");
        return Task.FromResult(new ClassroomLinks("c1", name, "http://127.0.0.1:5080/join/c1?code=abc", "http://127.0.0.1:5080/classrooms/c1/instructor?key=secret"));
    }

    public Task<ClassroomOverview?> OpenAsync(string classroomId) => Task.FromResult(Instructor ? Overview() : null);

    public Task<IReadOnlyList<StudentLine>> StudentsAsync(string classroomId)
    {
        Require();
        return Task.FromResult<IReadOnlyList<StudentLine>>([.. Students]);
    }

    public Task<StudentLine> ResetAsync(string classroomId, string sandboxId)
    {
        Calls.Add($"reset {sandboxId}");
        Require(open: "its students can no longer be reset");
        var index = Students.FindIndex(s => s.SandboxId == sandboxId);
        Students[index] = Student(sandboxId, Students[index].Name, 0, 0, 0);
        return Task.FromResult(Students[index]);
    }

    public Task<IReadOnlyList<StudentLine>> ResetAllAsync(string classroomId)
    {
        Calls.Add("reset all");
        Require(open: "its students can no longer be reset");
        for (var i = 0; i < Students.Count; i++) Students[i] = Student(Students[i].SandboxId, Students[i].Name, 0, 0, 0);
        return Task.FromResult<IReadOnlyList<StudentLine>>([.. Students]);
    }

    public Task<string> InjectFaultAsync(string classroomId, string sandboxId, Fault fault)
    {
        Calls.Add($"fault {sandboxId} {Describe(fault)}");
        Require(open: "faults can no longer be injected");
        return Task.FromResult($"node \"{fault.Node}\" failed: its kubelet stopped");
    }

    public Task<IReadOnlyList<FaultOutcome>> InjectFaultAllAsync(string classroomId, Fault fault)
    {
        Calls.Add($"fault all {Describe(fault)}");
        Require(open: "faults can no longer be injected");
        return Task.FromResult<IReadOnlyList<FaultOutcome>>(Students
            .Select((s, i) => i == 0 ? new FaultOutcome(s.SandboxId, s.Name, true, $"pod \"{fault.Pod}\" deleted") : new FaultOutcome(s.SandboxId, s.Name, false, $"pods \"{fault.Pod}\" not found"))
            .ToList());
    }

    public Task RemoveAsync(string classroomId, string sandboxId)
    {
        Calls.Add($"remove {sandboxId}");
        Require();
        Students.RemoveAll(s => s.SandboxId == sandboxId);
        return Task.CompletedTask;
    }

    public Task<ClassroomOverview> CloseAsync(string classroomId)
    {
        Calls.Add("close");
        Require();
        Closed = true;
        return Task.FromResult(Overview());
    }

    public Task<JoinLink> JoinLinkAsync(string classroomId, string? code) => Task.FromResult(code == "abc" ? Link : new JoinLink(JoinLinkState.Invalid));

    public Task<string> JoinAsync(string classroomId, string? code, string? name)
    {
        Calls.Add($"join {name}");
        return string.IsNullOrWhiteSpace(name)
            ? Task.FromException<string>(Refusal(400, "name is required: the name your instructor sees, 1 to 40 characters"))
            : Task.FromResult("sandbox1");
    }

    public Task<StudentTasks?> TasksAsync(string sandboxId)
    {
        Calls.Add($"tasks {sandboxId}");
        return Task.FromResult(Tasks);
    }

    /// <summary>The fault's type and the target fields it set.</summary>
    private static string Describe(Fault fault) =>
        string.Join(' ', new[] { fault.Type, fault.Node, fault.Namespace, fault.Pod, fault.Deployment }.Where(v => !string.IsNullOrEmpty(v)));

    private ClassroomOverview Overview() => new("c1", "Monday", DeployAndScale, "http://127.0.0.1:5080/join/c1?code=abc", Closed, ["node-1", "node-2", "node-3"]);

    private void Require(string? open = null)
    {
        if (!Instructor) throw Refusal(404, "classrooms \"c1\" not found");
        if (open is not null && Closed) throw Refusal(409, $"classroom \"c1\" is closed: {open}");
    }

    private static ApiException Refusal(int code, string message) => new(new Status { Code = code, Message = message });
}

/// <summary>The browser's side of JavaScript calls: records them, and fails them when told to (a page without a clipboard).</summary>
public sealed class RecordingJs : IJSRuntime
{
    public List<(string Identifier, object?[] Args)> Calls { get; } = [];

    public bool Fail { get; set; }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, object?[]? args)
    {
        Calls.Add((identifier, args ?? []));
        return Fail ? ValueTask.FromException<TValue>(new JSException("Write permission denied.")) : ValueTask.FromResult(default(TValue)!);
    }

    public ValueTask<TValue> InvokeAsync<TValue>(string identifier, CancellationToken cancellationToken, object?[]? args) => InvokeAsync<TValue>(identifier, args);
}
