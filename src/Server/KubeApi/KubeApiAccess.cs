using Playground.Server.Apis;
using Playground.Server.Sandboxes;

namespace Playground.Server.KubeApi;

/// <summary>
/// Every Kubernetes API route's guard: only over TLS, and only with the sandbox's own token. No token is 401; a token
/// that is not this sandbox's (or a sandbox that does not exist) is the same 403, so nothing is learnt about others.
/// </summary>
public sealed class KubeApiAccess(SandboxRegistry registry) : IEndpointFilter
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
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)) return StatusResults.Failure(StatusCodes.Status401Unauthorized, "Unauthorized");
        var sandbox = await registry.OpenAsync(id, header["Bearer ".Length..].Trim(), context.RequestAborted);
        if (sandbox is null)
            return StatusResults.Failure(StatusCodes.Status403Forbidden, $"forbidden: this token does not grant access to sandbox \"{id}\"");
        context.Items[SandboxItem] = sandbox;
        return await next(invocation);
    }
}
