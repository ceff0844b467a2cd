namespace Playground.Client.Services;

/// <summary>A scenario a classroom can start from; <see cref="Id"/> is null for an uploaded one.</summary>
public sealed record ScenarioCard(string? Id, string Title, string Description, IReadOnlyList<TaskCard> Tasks);

/// <summary>One task of a scenario: what to do, and a hint.</summary>
public sealed record TaskCard(string Title, string? Hint);

/// <summary>What checking an uploaded scenario found: the scenario as it reads, or every problem, each at its line when known.</summary>
public sealed record UploadCheck(ScenarioCard? Scenario, IReadOnlyList<UploadProblem> Problems);

public sealed record UploadProblem(int? Line, string Message);

/// <summary>A classroom just created: the only time its instructor link (which carries the instructor token) is shown.</summary>
public sealed record ClassroomLinks(string Id, string Name, string JoinUrl, string InstructorUrl);

/// <summary>A classroom as its instructor's dashboard shows it; <see cref="Nodes"/> are its clusters' starting nodes, which faults can target.</summary>
public sealed record ClassroomOverview(string Id, string Name, ScenarioCard Scenario, string JoinUrl, bool Closed, IReadOnlyList<string> Nodes);

/// <summary>One student's line of the grid; <see cref="Progress"/> is null (and <see cref="Error"/> says why) when their sandbox could not be read.</summary>
public sealed record StudentLine(string SandboxId, string Name, DateTimeOffset JoinedAt, WorkProgress? Progress, string? Error = null);

/// <summary>
/// How far a student's sandbox is: each task, the student's pods, their last change and recent Warning events.
/// <see cref="LastActivity"/> and <see cref="Now"/> are the sandbox's simulated time.
/// </summary>
public sealed record WorkProgress(
    IReadOnlyList<TaskProgress> Tasks, int PodsReady, int PodsTotal, DateTimeOffset? LastActivity, int Warnings, string? LastWarning, DateTimeOffset Now)
{
    public int TasksPassed => Tasks.Count(t => t.Passed);
}

/// <summary>A task's state now; <see cref="Unmet"/> is what its first failing check found ("deployment web … is "2", expected "3"").</summary>
public sealed record TaskProgress(string Title, bool Passed, string? Unmet);

/// <summary>What a fault did in one student's sandbox, or why it was refused there.</summary>
public sealed record FaultOutcome(string SandboxId, string Name, bool Done, string Message);

/// <summary>What a join link leads to: <see cref="SandboxId"/> is set when this browser joined before (it goes straight back).</summary>
public sealed record JoinLink(JoinLinkState State, string? ClassroomName = null, string? ScenarioTitle = null, string? SandboxId = null);

public enum JoinLinkState
{
    /// <summary>Unknown classroom, or a code that is not its join code.</summary>
    Invalid,
    Open,

    /// <summary>Takes no new students (those who joined still get back in).</summary>
    Closed,
}

/// <summary>
/// A classroom sandbox's tasks, for its workspace: the scenario with its hints, and the tasks' live state.
/// <see cref="Mine"/> is false for a read-only viewer (the instructor watching).
/// </summary>
public sealed record StudentTasks(string ClassroomName, string StudentName, ScenarioCard Scenario, WorkProgress? Progress, string? Error, bool Mine);
