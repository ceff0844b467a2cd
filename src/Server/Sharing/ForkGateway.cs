using Playground.Client.Services;
using Playground.Server.Sandboxes;

namespace Playground.Server.Sharing;

/// <summary>The fork link's page (rendered statically, so that forking can answer with the copy's cookie, as "/" does).</summary>
internal sealed class ForkGateway(ShareLinks links, SandboxRegistry registry, Forks forks, IHttpContextAccessor http) : IForkGateway
{
    public async Task<ForkSource?> SourceAsync(string token) =>
        await links.FindAsync(token, ShareAccess.Fork) is { } share && await registry.NameAsync(share.SandboxId) is { } name
            ? new ForkSource(share.SandboxId, name)
            : null;

    public async Task<string?> ForkAsync(string token)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("forking answers with the copy's cookie: call it from a statically rendered page");
        var fork = await forks.ForkAsync(token, Visitors.Ensure(context), context.RequestAborted);
        if (fork is null) return null;
        SandboxCredentials.Remember(context.Response, fork.Id, fork.Token);
        return fork.Id;
    }
}
