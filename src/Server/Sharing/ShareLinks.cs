using Microsoft.EntityFrameworkCore;
using Playground.Server.Persistence;
using Playground.Server.Sandboxes;

namespace Playground.Server.Sharing;

/// <summary>A share link as its owner sees it in the list: its public id, never its token.</summary>
public sealed record ShareLink(string Id, string Access, DateTimeOffset CreatedAt);

/// <summary>A new share link with the only copy of its token, and the address to hand out.</summary>
public sealed record CreatedShareLink(string Id, string Access, DateTimeOffset CreatedAt, string Token, string Url);

/// <summary>
/// A sandbox's share links: made with a random 256-bit token of which only the SHA-256 is stored (so the full link is
/// shown once, like the owner's token), listed by id, revoked at once, also for the pages and streams already open.
/// </summary>
public sealed class ShareLinks(IDbContextFactory<PlaygroundDb> databases, ShareRevocations revocations, TimeProvider time)
{
    /// <summary>One find-or-make of a derived link at a time, so that two quick presses still leave one link.</summary>
    private readonly SemaphoreSlim _deriving = new(1, 1);

    public Task<CreatedShareLink> CreateAsync(string sandboxId, string access, Uri site, CancellationToken cancellationToken = default) =>
        AddAsync(sandboxId, access, SandboxTokens.NewId(), SandboxTokens.NewToken(), site, cancellationToken);

    /// <summary>
    /// The sandbox's view link whose token is <paramref name="tokenOf"/> its id, made when it has none (or it was revoked):
    /// a holder who can derive the token again, such as a classroom's instructor, reuses one link however often they
    /// open the sandbox, while only the token's hash is stored. Created is false when the link was there already.
    /// </summary>
    public async Task<(CreatedShareLink Link, bool Created)> DerivedViewLinkAsync(string sandboxId, Func<string, string> tokenOf, Uri site, CancellationToken cancellationToken = default)
    {
        await _deriving.WaitAsync(cancellationToken);
        try
        {
            await using var db = await databases.CreateDbContextAsync(cancellationToken);
            var shares = await db.Shares.AsNoTracking().Where(s => s.SandboxId == sandboxId && s.Access == ShareAccess.View).ToListAsync(cancellationToken);
            if (shares.FirstOrDefault(s => SandboxTokens.Matches(tokenOf(s.Id), s.TokenHash)) is { } mine)
                return (LinkOf(mine, tokenOf(mine.Id), site), false);
            var id = SandboxTokens.NewId();
            return (await AddAsync(sandboxId, ShareAccess.View, id, tokenOf(id), site, cancellationToken), true);
        }
        finally
        {
            _deriving.Release();
        }
    }

    private async Task<CreatedShareLink> AddAsync(string sandboxId, string access, string id, string token, Uri site, CancellationToken cancellationToken)
    {
        var share = new StoredShare
        {
            Id = id,
            SandboxId = sandboxId,
            TokenHash = SandboxTokens.Hash(token),
            Access = access,
            CreatedAt = time.GetUtcNow(),
        };
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        db.Shares.Add(share);
        await db.SaveChangesAsync(cancellationToken);
        return LinkOf(share, token, site);
    }

    private static CreatedShareLink LinkOf(StoredShare share, string token, Uri site) =>
        new(share.Id, share.Access, share.CreatedAt, token, new Uri(site, $"/{share.Access}/{token}").ToString());

    public async Task<IReadOnlyList<ShareLink>> ListAsync(string sandboxId, CancellationToken cancellationToken = default)
    {
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var shares = await db.Shares.AsNoTracking().Where(s => s.SandboxId == sandboxId)
            .Select(s => new ShareLink(s.Id, s.Access, s.CreatedAt)).ToListAsync(cancellationToken);
        return [.. shares.OrderBy(s => s.CreatedAt)];
    }

    /// <summary>Revokes the link of the sandbox named by its id or by its token; false when it has no such link.</summary>
    public async Task<bool> RevokeAsync(string sandboxId, string idOrToken, CancellationToken cancellationToken = default)
    {
        var hash = SandboxTokens.Hash(idOrToken);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        var share = await db.Shares.Where(s => s.SandboxId == sandboxId && (s.Id == idOrToken || s.TokenHash == hash))
            .Select(s => s.Id).FirstOrDefaultAsync(cancellationToken);
        if (share is null) return false;
        await db.Shares.Where(s => s.Id == share).ExecuteDeleteAsync(cancellationToken);
        revocations.Revoke(share);
        return true;
    }

    /// <summary>The link a token opens, when it grants <paramref name="access"/>; null for any other token.</summary>
    public async Task<StoredShare?> FindAsync(string token, string access, CancellationToken cancellationToken = default)
    {
        var hash = SandboxTokens.Hash(token);
        await using var db = await databases.CreateDbContextAsync(cancellationToken);
        return await db.Shares.AsNoTracking().SingleOrDefaultAsync(s => s.TokenHash == hash && s.Access == access, cancellationToken);
    }
}
