namespace Playground.Client.Services;

/// <summary>One of the visitor's sandboxes in "My sandboxes".</summary>
public sealed record MySandbox(string Id, string Name, DateTimeOffset CreatedAt, DateTimeOffset LastActivityAt);

/// <summary>The sandboxes this browser owns (by its visitor cookie), implemented by the server.</summary>
public interface IMySandboxes
{
    /// <summary>Oldest first; empty for a browser without a visitor id.</summary>
    Task<IReadOnlyList<MySandbox>> ListAsync();

    /// <summary>Null when renamed, else why the name was refused (nothing changed).</summary>
    Task<string?> RenameAsync(string sandboxId, string name);

    Task ResetAsync(string sandboxId);

    Task DeleteAsync(string sandboxId);
}
