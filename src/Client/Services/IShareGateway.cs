namespace Playground.Client.Services;

/// <summary>A share link as its owner sees it; <see cref="Url"/> (with the token) is known only when the link was just made.</summary>
public sealed record ShareLinkInfo(string Id, string Access, DateTimeOffset CreatedAt, string? Url = null);

/// <summary>The owner's share links of a sandbox, implemented by the server; every call checks that the visitor owns it.</summary>
public interface IShareGateway
{
    /// <summary>A new "view" or "fork" link, its address under <paramref name="site"/> shown once.</summary>
    Task<ShareLinkInfo> CreateLinkAsync(string sandboxId, string access, Uri site);

    Task<IReadOnlyList<ShareLinkInfo>> ListLinksAsync(string sandboxId);

    /// <summary>Ends the link at once, also for pages open with it; false when the sandbox has no such link.</summary>
    Task<bool> RevokeLinkAsync(string sandboxId, string linkId);
}
