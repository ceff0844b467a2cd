using Playground.Client.Services;
using Playground.Server.Apis;
using Playground.Server.RateLimits;
using Playground.Server.Sandboxes;

namespace Playground.Server.Sharing;

/// <summary>
/// /view/{token}, the address a view link hands out: it gives the browser the link's cookie and sends it to the
/// workspace, which shows the sandbox read-only. (A fork link's address is a page that asks first: Pages/Sharing/ForkLink.)
/// </summary>
public static class ShareLinkEntry
{
    public static IEndpointRouteBuilder MapShareLinkEntry(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/view/{token}", ViewAsync);
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

    /// <summary>A person followed the link: a page, not a Kubernetes Status; 410 as for a dead fork link, whether the link was revoked or never was.</summary>
    private static IResult Gone(string message) =>
        BrowserPages.Message(StatusCodes.Status410Gone, "Link not found", message, "/", "Start a sandbox of your own");
}
