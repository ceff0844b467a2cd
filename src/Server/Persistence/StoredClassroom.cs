namespace Playground.Server.Persistence;

/// <summary>
/// A classroom: its scenario (kept whole, so that a reset returns to the start the class began with even if a built-in
/// scenario changes later), and hashes of its two credentials, never the credentials themselves.
/// </summary>
public sealed class StoredClassroom
{
    public required string Id { get; set; }
    public required string Name { get; set; }

    /// <summary>SHA-256 of the instructor's bearer token.</summary>
    public required byte[] InstructorTokenHash { get; set; }

    /// <summary>SHA-256 of the join code in the join link (the code is derived from the instructor token, so it can be shown again).</summary>
    public required byte[] JoinCodeHash { get; set; }

    /// <summary>The built-in scenario's id, or null for one the instructor uploaded.</summary>
    public string? ScenarioId { get; set; }

    /// <summary>The scenario's YAML as the classroom was created with it.</summary>
    public required string ScenarioYaml { get; set; }

    /// <summary>Real (wall-clock) time of creation.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>When the instructor closed the classroom; a closed classroom takes no new students and no resets or faults.</summary>
    public DateTimeOffset? ClosedAt { get; set; }
}
