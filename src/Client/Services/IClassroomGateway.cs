using Playground.Core.Simulation;

namespace Playground.Client.Services;

/// <summary>
/// An instructor's classrooms, implemented by the server: the scenarios to start from, creating a classroom, and the
/// dashboard's reads and actions. The right to a classroom is its instructor token, which the browser keeps in an
/// HttpOnly cookie set by the instructor link. Refusals throw the Core ApiException with the classroom API's message.
/// </summary>
public interface IClassroomGateway
{
    IReadOnlyList<ScenarioCard> Scenarios { get; }

    /// <summary>An uploaded scenario may be this long at most.</summary>
    int MaxScenarioBytes { get; }

    /// <summary>Reads the YAML of a scenario and tries its objects in a throwaway cluster, as creating a classroom from it would.</summary>
    UploadCheck CheckScenario(string yaml);

    /// <param name="scenario">A built-in scenario's id, or the YAML of one.</param>
    Task<ClassroomLinks> CreateAsync(string name, string scenario);

    /// <summary>The classroom, or null when this browser does not hold its instructor key.</summary>
    Task<ClassroomOverview?> OpenAsync(string classroomId);

    /// <summary>The grid, in the order the students joined.</summary>
    Task<IReadOnlyList<StudentLine>> StudentsAsync(string classroomId);

    /// <summary>Puts the student's sandbox back to the scenario's start; their open page reloads it.</summary>
    Task<StudentLine> ResetAsync(string classroomId, string sandboxId);

    Task<IReadOnlyList<StudentLine>> ResetAllAsync(string classroomId);

    /// <summary>Injects the fault into the student's sandbox and says what was done.</summary>
    Task<string> InjectFaultAsync(string classroomId, string sandboxId, Fault fault);

    Task<IReadOnlyList<FaultOutcome>> InjectFaultAllAsync(string classroomId, Fault fault);

    /// <summary>Takes the student out of the classroom and deletes their sandbox.</summary>
    Task RemoveAsync(string classroomId, string sandboxId);

    /// <summary>No new students from now on; those who joined keep their sandboxes.</summary>
    Task<ClassroomOverview> CloseAsync(string classroomId);
}
