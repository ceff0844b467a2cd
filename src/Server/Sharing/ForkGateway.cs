using Playground.Client.Services;
using Playground.Server.RateLimits;
using Playground.Server.Sandboxes;

namespace Playground.Server.Sharing;

/// <summary>The fork link's page (rendered statically, so that forking can answer with the copy's cookie, as "/" does).</summary>
internal sealed class ForkGateway(ShareLinks links, SandboxRegistry registry, Forks forks, SandboxCreationLimiter creations, IHttpContextAccessor http)
    : IForkGateway
{
    public async Task<ForkSource?> SourceAsync(string token) =>
        await links.FindAsync(token, ShareAccess.Fork) is { } share && await registry.NameAsync(share.SandboxId) is { } name
            ? new ForkSource(share.SandboxId, name)
            : null;

    public async Task<ForkOutcome> ForkAsync(string token)
    {
        var context = http.HttpContext ?? throw new InvalidOperationException("forking answers with the copy's cookie: call it from a statically rendered page");
        if (creations.TryAcquireForNewVisitor(context) is { } tooMany)
        {
            context.Response.StatusCode = StatusCodes.Status429TooManyRequests;
            return new ForkOutcome(null, tooMany);
        }
        CreatedSandbox? fork;
        try
        {
            fork = await forks.ForkAsync(token, Visitors.Ensure(context), context.RequestAborted);
        }
        catch (SandboxQuotaException e)
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return new ForkOutcome(null, e.Message);
        }
        if (fork is null) return new ForkOutcome(null);
        SandboxCredentials.Remember(context.Response, fork.Id, fork.Token);
        return new ForkOutcome(fork.Id);
    }
}
