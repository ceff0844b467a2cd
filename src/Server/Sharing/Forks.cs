using Playground.Server.Sandboxes;

namespace Playground.Server.Sharing;

/// <summary>Turns a fork link into a new sandbox, for the API and for a browser that opens the link.</summary>
public sealed class Forks(ShareLinks links, SandboxRegistry registry)
{
    public const string NotFound = "this fork link does not exist: it was revoked, or its sandbox was deleted";

    /// <summary>The new sandbox, owned by <paramref name="visitorId"/> when there is one; null when the token opens no fork link.</summary>
    public async Task<CreatedSandbox?> ForkAsync(string token, string? visitorId, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(token, ShareAccess.Fork, cancellationToken) is not { } share) return null;
        if (await registry.LoadAsync(share.SandboxId, cancellationToken) is not { } source) return null;
        return await registry.ForkAsync(source, visitorId, cancellationToken);
    }
}
