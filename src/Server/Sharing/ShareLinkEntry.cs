using System.Net;
using Playground.Client.Services;
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

    private static async Task<IResult> ForkAsync(string token, HttpContext context, Forks forks, CancellationToken cancellationToken)
    {
        var fork = await forks.ForkAsync(token, Visitors.Ensure(context), cancellationToken);
        if (fork is null) return Gone("This fork link does not work: it was revoked, or its sandbox was deleted.");
        SandboxCredentials.Remember(context.Response, fork.Id, fork.Token);
        return Results.Redirect($"/s/{fork.Id}");
    }

    /// <summary>A person followed the link: a page, not a Kubernetes Status.</summary>
    private static IResult Gone(string message) => Results.Content(
        $"""
        <!DOCTYPE html>
        <html lang="en"><head><meta charset="utf-8"><title>Link not found · Kubernetes Playground</title></head>
        <body><main><h1>Link not found</h1><p>{WebUtility.HtmlEncode(message)}</p><p><a href="/">Start a sandbox of your own</a></p></main></body></html>
        """, "text/html; charset=utf-8", statusCode: StatusCodes.Status404NotFound);
}
