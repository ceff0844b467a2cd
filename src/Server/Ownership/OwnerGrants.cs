using Playground.Client.Services;
using Playground.Server.Sandboxes;

namespace Playground.Server.Ownership;

/// <summary>The circuit's own sandbox or a refusal: the owner-only pages ask it before every change.</summary>
internal sealed class OwnerGrants(SandboxAccessControl access, VisitorCookies cookies)
{
    public string? VisitorId => Visitors.Valid(cookies.Cookie(Visitors.Cookie));

    public async Task RequireAsync(string sandboxId, string action)
    {
        var (granted, _) = await access.ResolveAsync(sandboxId, cookies.For(sandboxId));
        if (granted != SandboxAccess.Owner)
            throw new UnauthorizedAccessException($"only the owner of sandbox {sandboxId} may {action} it");
    }
}
