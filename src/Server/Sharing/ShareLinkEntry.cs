using Playground.Client.Services;
using Playground.Server.Apis;
using Playground.Server.RateLimits;
using Playground.Server.Sandboxes;

namespace Playground.Server.Sharing;

/// <summary>
/// /view/{token} and /fork/{token}, the addresses a share link hands out: they give the browser its cookies and send
/// it to the workspace, which shows a view read-only.
/// </summary>
public static class ShareLinkEntry
{
    public static IEndpointRouteBuilder MapShareLinkEntry(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/view/{token}", ViewAsync);
        routes.MapGet("/fork/{token}", ForkAsync);
        return routes;
    }

    private static async Task<IResult> ViewAsync(string token, HttpContext context, ShareLinks links, SandboxAccessControl access, CancellationToken cancellationToken)
    {
        if (await links.FindAsync(token, ShareAccess.View, cancellationToken) is not { } share)
            return Gone("This view link does not work: it was revoked, or its sandbox was deleted.");
        var id = share.SandboxId;
        var visitor = Visitors.Ensure(context);
        // The owner opening their own link keeps the owner's token: a view link never takes anything away.
        var mine = await access.ResolveAsync(id, SandboxCredentials.For(context.Request, id) with { VisitorId = visitor }, cancellationToken);
        if (mine.Access != SandboxAccess.Owner) SandboxCredentials.Remember(context.Response, id, token, own: false);
        return Results.Redirect($"/s/{id}");
    }

    /// <summary>A browser on its first visit is counted by its address, as on "/", since no visitor quota holds it yet.</summary>
    private static async Task<IResult> ForkAsync(string token, HttpContext context, Forks forks, SandboxCreationLimiter creations, CancellationToken cancellationToken)
    {
        if (Visitors.Of(context.Request) is null && creations.TryAcquire(context) is { } tooMany) return BrowserPages.TooManyCreations(tooMany);
        CreatedSandbox? fork;
        try
        {
            fork = await forks.ForkAsync(token, Visitors.Ensure(context), cancellationToken);
        }
        catch (SandboxQuotaException e)
        {
            return BrowserPages.QuotaExceeded(e.Message);
        }
        if (fork is null) return Gone("This fork link does not work: it was revoked, or its sandbox was deleted.");
        SandboxCredentials.Remember(context.Response, fork.Id, fork.Token);
        return Results.Redirect($"/s/{fork.Id}");
    }

    private static IResult Gone(string message) =>
        BrowserPages.Message(StatusCodes.Status404NotFound, "Link not found", message, "/", "Start a sandbox of your own");
}
