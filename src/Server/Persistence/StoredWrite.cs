namespace Playground.Server.Persistence;

/// <summary>One entry of a sandbox's write log: a committed write with its causality, never changed afterwards.</summary>
public sealed class StoredWrite
{
    public required string SandboxId { get; set; }
    public long Revision { get; set; }

    /// <summary>Added, Modified or Deleted.</summary>
    public required string Type { get; set; }
    public required string Resource { get; set; }
    public string? Namespace { get; set; }
    public required string Name { get; set; }
    public required string Kind { get; set; }
    public required string Actor { get; set; }
    public long? Cause { get; set; }

    /// <summary>Simulated time of the write.</summary>
    public DateTimeOffset Time { get; set; }
    public required string Json { get; set; }
}
