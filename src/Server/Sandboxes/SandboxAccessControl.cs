using Microsoft.EntityFrameworkCore;
using Playground.Client.Services;
using Playground.Server.Persistence;
using Playground.Server.Sharing;

namespace Playground.Server.Sandboxes;

/// <summary>An opened sandbox and what the caller may do with it; <see cref="ShareId"/> names the view link a viewer came with.</summary>
public sealed record SandboxGrant(SandboxActor Sandbox, SandboxAccess Access, string? ShareId = null);

/// <summary>
/// The one place that decides what a caller may do with a sandbox: its owner's token or the owning browser's visitor
/// id make the owner, a view link's token a viewer, anything else nothing. Unknown ids and foreign credentials get the
/// same answer. View links are looked up on every call, so a revoked one stops working at once.
/// </summary>
public sealed class SandboxAccessControl(SandboxRegistry registry, IDbContextFactory<PlaygroundDb> databases)
{
    /// <summary>The sandbox and the caller's access to it; null when the caller has none.</summary>
    public async Task<SandboxGrant?> OpenAsync(string sandboxId, SandboxCredential credential, CancellationToken cancellationToken = default)
    {
        var (access, shareId) = await ResolveAsync(sandboxId, credential, cancellationToken);
        if (access == SandboxAccess.None) return null;
        var sandbox = await registry.LoadAsync(sandboxId, cancellationToken);
        return sandbox is null ? null : new SandboxGrant(sandbox, access, shareId);
    }

    public async Task<(SandboxAccess Access, string? ShareId)> ResolveAsync(string sandboxId, SandboxCredential credential, CancellationToken cancellationToken = default)
    {
        if (credential.IsEmpty || !SandboxTokens.IsWellFormedId(sandboxId)) return (SandboxAccess.None, null);
        // The owner's requests are most of them: a loaded sandbox answers them without a query.
        if (registry.Loaded(sandboxId) is { } loaded && SandboxTokens.Matches(credential.Token, loaded.TokenHash)) return (SandboxAccess.Owner, null);

        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var keys = await db.Sandboxes.AsNoTracking().Where(s => s.Id == sandboxId)
            .Select(s => new { s.TokenHash, s.OwnerVisitorHash }).SingleOrDefaultAsync(cancellationToken);
        if (keys is null) return (SandboxAccess.None, null);
        if (SandboxTokens.Matches(credential.Token, keys.TokenHash)) return (SandboxAccess.Owner, null);
        if (keys.OwnerVisitorHash is { } owner && SandboxTokens.Matches(credential.VisitorId, owner)) return (SandboxAccess.Owner, null);
        if (credential.Token is null) return (SandboxAccess.None, null);

        var hash = SandboxTokens.Hash(credential.Token);
        var share = await db.Shares.AsNoTracking()
            .Where(s => s.SandboxId == sandboxId && s.TokenHash == hash && s.Access == ShareAccess.View)
            .Select(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        return share is null ? (SandboxAccess.None, null) : (SandboxAccess.Viewer, share);
    }
}
