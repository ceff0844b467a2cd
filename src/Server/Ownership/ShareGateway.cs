using Playground.Client.Services;
using Playground.Server.Sharing;

namespace Playground.Server.Ownership;

/// <summary>The share menu's way to D's share links, for the owner of the sandbox only.</summary>
internal sealed class ShareGateway(OwnerGrants owner, ShareLinks links) : IShareGateway
{
    public async Task<ShareLinkInfo> CreateLinkAsync(string sandboxId, string access, Uri site)
    {
        if (access is not (ShareAccess.View or ShareAccess.Fork)) throw new ArgumentException($"a share link is \"view\" or \"fork\", not \"{access}\"", nameof(access));
        await owner.RequireAsync(sandboxId, "share");
        var link = await links.CreateAsync(sandboxId, access, site);
        return new ShareLinkInfo(link.Id, link.Access, link.CreatedAt, link.Url);
    }

    public async Task<IReadOnlyList<ShareLinkInfo>> ListLinksAsync(string sandboxId)
    {
        await owner.RequireAsync(sandboxId, "list the share links of");
        return [.. (await links.ListAsync(sandboxId)).Select(l => new ShareLinkInfo(l.Id, l.Access, l.CreatedAt))];
    }

    public async Task<bool> RevokeLinkAsync(string sandboxId, string linkId)
    {
        await owner.RequireAsync(sandboxId, "revoke the share links of");
        return await links.RevokeAsync(sandboxId, linkId);
    }
}
