using Playground.Server.Apis;
using Playground.Server.Sandboxes;
using Playground.Server.Sharing;

namespace Playground.Server.KubeApi;

/// <summary>
/// Every Kubernetes API route's guard: only over TLS, and only with a bearer token for the sandbox. No token is 401; a
/// token that is not this sandbox's (or a sandbox that does not exist) is the same 403, so nothing is learnt about
/// others. A view link's token reads (get, list, watch, logs) and gets 403 Forbidden for anything else; a request it
/// made ends at once when the link is revoked.
/// </summary>
public sealed class KubeApiAccess(SandboxAccessControl access, ShareRevocations revocations) : IEndpointFilter
{
    private const string SandboxItem = "kube-api.sandbox";

    /// <summary>The sandbox the filter let the request into.</summary>
    public static SandboxActor Sandbox(HttpContext context) => (SandboxActor)context.Items[SandboxItem]!;

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext invocation, EndpointFilterDelegate next)
    {
        var context = invocation.HttpContext;
        // The plain-HTTP address serves the UI; kubectl never sends a token there, so the API is not there either.
        if (!context.Request.IsHttps) return StatusResults.Failure(StatusCodes.Status404NotFound, "the Kubernetes API is served over https only");
        var id = (string)context.GetRouteValue("id")!;
        if (SandboxCredentials.Bearer(context.Request) is not { } token) return StatusResults.Failure(StatusCodes.Status401Unauthorized, "Unauthorized");
        var grant = await access.OpenAsync(id, new SandboxCredential(token, null), context.RequestAborted);
        if (grant is null)
            return StatusResults.Failure(StatusCodes.Status403Forbidden, $"forbidden: this token does not grant access to sandbox \"{id}\"");
        if (grant.ShareId is { } share)
        {
            if (Refusal(context.Request) is { } verb)
                return StatusResults.Failure(StatusCodes.Status403Forbidden,
                    $"forbidden: this token is a read-only view of sandbox \"{id}\": it cannot {verb}");
            context.Response.RegisterForDispose(revocations.OnRevoked(share, context.Abort));
        }
        context.Items[SandboxItem] = grant.Sandbox;
        return await next(invocation);
    }

    /// <summary>What a read-only token may not do here, as a verb; null when the request only reads.</summary>
    private static string? Refusal(HttpRequest request)
    {
        // exec is a GET that upgrades to a stream of commands run in a container, which a viewer may not run.
        if (request.Path.Value?.EndsWith("/exec", StringComparison.Ordinal) == true) return "exec into pods";
        return request.Method switch
        {
            "GET" or "HEAD" => null,
            "POST" => "create resources",
            "PUT" => "update resources",
            "PATCH" => "patch resources",
            "DELETE" => "delete resources",
            _ => $"send {request.Method} requests",
        };
    }
}
