namespace Playground.Server.Persistence;

/// <summary>A share link of a sandbox: what it grants and when it was made; only the token's SHA-256 is kept.</summary>
public sealed class StoredShare
{
    /// <summary>A short public name for the link, so that the owner can list and revoke it without its token.</summary>
    public required string Id { get; set; }
    public required string SandboxId { get; set; }

    /// <summary>SHA-256 of the link's token.</summary>
    public required byte[] TokenHash { get; set; }

    /// <summary>"view" or "fork".</summary>
    public required string Access { get; set; }

    /// <summary>Real time of creation.</summary>
    public DateTimeOffset CreatedAt { get; set; }
}
