namespace Playground.Server.Persistence;

/// <summary>A student of a classroom: a display name and the sandbox seeded for them (which they own, with its own token).</summary>
public sealed class StoredStudent
{
    public required string SandboxId { get; set; }
    public required string ClassroomId { get; set; }
    public required string Name { get; set; }

    /// <summary>Real (wall-clock) time of joining.</summary>
    public DateTimeOffset JoinedAt { get; set; }
}
