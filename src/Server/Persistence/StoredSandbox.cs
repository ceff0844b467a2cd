namespace Playground.Server.Persistence;

/// <summary>A sandbox as stored: who may use it (a token hash, never the token) and where its simulation stands.</summary>
public sealed class StoredSandbox
{
    public required string Id { get; set; }

    /// <summary>SHA-256 of the owner's bearer token.</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>Real (wall-clock) time of creation.</summary>
    public DateTimeOffset CreatedAt { get; set; }

    /// <summary>The simulated clock at the last commit.</summary>
    public DateTimeOffset Now { get; set; }

    /// <summary>The store revision at the last commit.</summary>
    public long Revision { get; set; }

    /// <summary>Simulated seconds per real second as the owner set it; null follows the server's configured speed.</summary>
    public double? ClockSpeed { get; set; }

    /// <summary>Whether the owner paused the clock; a paused sandbox stays paused across restarts.</summary>
    public bool ClockPaused { get; set; }

    /// <summary>The cluster's ClusterOptions as JSON, so a restore rebuilds the same cluster.</summary>
    public required string OptionsJson { get; set; }

    /// <summary>The seed's manifests, created after the bootstrap on creation and on every reset; null for none.</summary>
    public string? SeedManifests { get; set; }

    /// <summary>What its owner calls it in "My sandboxes".</summary>
    public string Name { get; set; } = "";

    /// <summary>SHA-256 of the owning browser's visitor id; null for a sandbox made through the API without one.</summary>
    public byte[]? OwnerVisitorHash { get; set; }

    /// <summary>Real time of the last request that used it, as of its last unload; null when never recorded.</summary>
    public DateTimeOffset? LastActivityAt { get; set; }
}
