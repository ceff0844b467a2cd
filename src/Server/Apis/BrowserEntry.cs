using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>"/": a browser comes back to its last sandbox, or gets a new one (its token kept in an HttpOnly cookie).</summary>
public static class BrowserEntry
{
    public static IEndpointRouteBuilder MapBrowserEntry(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/", EnterAsync);
        return routes;
    }

    private static async Task<RedirectHttpResult> EnterAsync(HttpContext context, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var cookies = context.Request.Cookies;
        if (cookies[SandboxCredentials.LastSandboxCookie] is { } last
            && await registry.OpenAsync(last, cookies[SandboxCredentials.TokenCookie(last)], cancellationToken) is not null)
            return TypedResults.Redirect($"/s/{last}");

        var sandbox = await registry.CreateAsync(cancellationToken);
        SandboxCredentials.Remember(context.Response, sandbox.Id, sandbox.Token);
        return TypedResults.Redirect($"/s/{sandbox.Id}");
    }
}
