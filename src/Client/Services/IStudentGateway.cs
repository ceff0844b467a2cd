namespace Playground.Client.Services;

/// <summary>A student's side of a classroom, implemented by the server: the join link, joining, and their tasks in the workspace.</summary>
public interface IStudentGateway
{
    /// <summary>Where the join link leads for this browser.</summary>
    Task<JoinLink> JoinLinkAsync(string classroomId, string? code);

    /// <summary>
    /// Gives the browser a sandbox seeded from the classroom's scenario (its cookie goes with the page's response, so call it
    /// while a request is at hand: the join page renders statically) and returns its id; a browser that joined before gets
    /// its own sandbox back. Throws the Core ApiException when the join is refused.
    /// </summary>
    Task<string> JoinAsync(string classroomId, string? code, string? name);

    /// <summary>The sandbox's classroom tasks and their state, or null when it is not a student's sandbox this browser may open.</summary>
    Task<StudentTasks?> TasksAsync(string sandboxId);
}
