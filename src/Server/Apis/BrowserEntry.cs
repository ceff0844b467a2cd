using Microsoft.AspNetCore.Antiforgery;
using Playground.Client.Services;
using Playground.Server.RateLimits;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>
/// "/": a browser gets its visitor id on its first visit, then comes back to the last sandbox it owned, or gets a new
/// one of its own; POST /new (the header's "New sandbox"): always a new one. Its token is kept in an HttpOnly cookie.
/// </summary>
public static class BrowserEntry
{
    public static IEndpointRouteBuilder MapBrowserEntry(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", EnterAsync);
        routes.MapPost("/new", NewAsync);
        return routes;
    }

    private static async Task<IResult> EnterAsync(
        HttpContext context, SandboxRegistry registry, SandboxAccessControl access, SandboxCreationLimiter creations, CancellationToken cancellationToken)
    {
        if (creations.TryAcquireForNewVisitor(context) is { } tooMany) return BrowserPages.TooManyCreations(tooMany);
        var visitor = Visitors.Ensure(context);
        if (context.Request.Cookies[SandboxCredentials.LastSandboxCookie] is { } last
            && (await access.ResolveAsync(last, SandboxCredentials.For(context.Request, last) with { VisitorId = visitor }, cancellationToken)).Access == SandboxAccess.Owner)
            return TypedResults.Redirect($"/s/{last}");
        return await CreateAsync(context, visitor, registry, cancellationToken);
    }

    /// <summary>
    /// The form's antiforgery token is required because SameSite=Strict alone is not enough: another site's POST arrives
    /// without this browser's cookies, looks like a first visit, and would replace its visitor id (its "My sandboxes").
    /// </summary>
    private static async Task<IResult> NewAsync(
        HttpContext context, IAntiforgery antiforgery, SandboxRegistry registry, SandboxCreationLimiter creations, CancellationToken cancellationToken)
    {
        if (!await antiforgery.IsRequestValidAsync(context))
            return StatusResults.Failure(StatusCodes.Status400BadRequest, "this form is out of date or came from another site: reload the page and press \"New sandbox\" again");
        if (creations.TryAcquireForNewVisitor(context) is { } tooMany) return BrowserPages.TooManyCreations(tooMany);
        return await CreateAsync(context, Visitors.Ensure(context), registry, cancellationToken);
    }

    private static async Task<IResult> CreateAsync(HttpContext context, string visitor, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        CreatedSandbox sandbox;
        try
        {
            sandbox = await registry.CreateAsync(visitorId: visitor, cancellationToken: cancellationToken);
        }
        catch (SandboxQuotaException e)
        {
            return BrowserPages.QuotaExceeded(e.Message);
        }
        SandboxCredentials.Remember(context.Response, sandbox.Id, sandbox.Token);
        return TypedResults.Redirect($"/s/{sandbox.Id}");
    }
}
