using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Client.Services;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>
/// "/": a browser gets its visitor id on its first visit, then comes back to the last sandbox it owned, or gets a new
/// one of its own (its token kept in an HttpOnly cookie).
/// </summary>
public static class BrowserEntry
{
    public static IEndpointRouteBuilder MapBrowserEntry(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", EnterAsync);
        return routes;
    }

    private static async Task<RedirectHttpResult> EnterAsync(HttpContext context, SandboxRegistry registry, SandboxAccessControl access, CancellationToken cancellationToken)
    {
        var visitor = Visitors.Ensure(context);
        if (context.Request.Cookies[SandboxCredentials.LastSandboxCookie] is { } last
            && (await access.ResolveAsync(last, SandboxCredentials.For(context.Request, last) with { VisitorId = visitor }, cancellationToken)).Access == SandboxAccess.Owner)
            return TypedResults.Redirect($"/s/{last}");

        var sandbox = await registry.CreateAsync(visitorId: visitor, cancellationToken: cancellationToken);
        SandboxCredentials.Remember(context.Response, sandbox.Id, sandbox.Token);
        return TypedResults.Redirect($"/s/{sandbox.Id}");
    }
}
