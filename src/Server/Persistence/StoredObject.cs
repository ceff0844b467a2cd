namespace Playground.Server.Persistence;

/// <summary>The latest write of one live object of a sandbox: what a restore starts from.</summary>
public sealed class StoredObject
{
    public required string SandboxId { get; set; }
    public required string Resource { get; set; }

    /// <summary>Empty for cluster-scoped objects, because a key column cannot be null.</summary>
    public required string Namespace { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public long Revision { get; set; }

    /// <summary>Added or Modified: how the object got its current state.</summary>
    public required string Type { get; set; }
    public required string Actor { get; set; }
    public long? Cause { get; set; }
    public DateTimeOffset Time { get; set; }
    public required string Json { get; set; }
}
