using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Core.Kubectl;
using Playground.Server.KubeApi;
using Playground.Server.RateLimits;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>
/// The body of a kubectl call: the command line as typed, what it reads from "-f -", and the namespace of the caller's
/// kubeconfig context (default: "default"); the answer carries that namespace after the command ("kubectl config set-context").
/// </summary>
public sealed record KubectlRequest(string? Command, string? Stdin, string? Namespace = null);

/// <summary>Where a sandbox stands (its store revision and virtual clock), what it is called and what the caller may do with it.</summary>
public sealed record SandboxInfo(string Id, string Name, long Revision, DateTimeOffset Now, string Access);

/// <summary>The body of a new sandbox or a rename.</summary>
public sealed record SandboxNameRequest(string? Name);

/// <summary>/api/sandboxes: a visitor's sandboxes (list, create, rename, reset, delete), where one stands, and kubectl in it.</summary>
public static class SandboxApis
{
    // Enough for kubectl's stdin to carry a set of manifests (etcd itself refuses objects over 1.5 MB).
    private const int MaxBodyBytes = 1024 * 1024;
    private const int MaxNameBodyBytes = 4 * 1024;
    private const string NameShape = """{"name": "my sandbox"}""";

    public static IEndpointRouteBuilder MapSandboxApis(this IEndpointRouteBuilder routes)
    {
        var sandboxes = routes.MapGroup("/api/sandboxes");
        sandboxes.MapGet("/", ListAsync);
        sandboxes.MapPost("/", CreateAsync);
        sandboxes.MapGet("/{id}", GetAsync);
        sandboxes.MapPatch("/{id}", RenameAsync);
        sandboxes.MapDelete("/{id}", DeleteAsync);
        sandboxes.MapPost("/{id}/reset", ResetAsync);
        sandboxes.MapPost("/{id}/kubectl", RunKubectlAsync);
        return routes;
    }

    /// <summary>"My sandboxes" belong to a browser (its visitor cookie), not to a token: an API client lists none.</summary>
    private static async Task<Results<Ok<IReadOnlyList<SandboxSummary>>, JsonHttpResult<Status>>> ListAsync(
        HttpRequest request, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        if (Visitors.Of(request) is not { } visitor)
            return StatusResults.Failure(StatusCodes.Status401Unauthorized,
                $"Unauthorized: the list of sandboxes is kept per browser, by the {Visitors.Cookie} cookie that \"/\" sets");
        return TypedResults.Ok(await registry.ListAsync(visitor, cancellationToken));
    }

    /// <summary>
    /// The new sandbox belongs to the calling browser when it sends its visitor cookie, up to the visitor's quota; a
    /// caller without one is counted by its address. The body may name it.
    /// </summary>
    private static async Task<Results<Created<CreatedSandbox>, JsonHttpResult<Status>>> CreateAsync(
        HttpRequest request, SandboxRegistry registry, SandboxCreationLimiter creations, CancellationToken cancellationToken)
    {
        string? name = null;
        if (request.ContentLength > 0 || request.Headers.TransferEncoding.Count > 0)
        {
            var (body, problem) = await JsonBody.ReadAsync<SandboxNameRequest>(request, MaxNameBodyBytes, NameShape, cancellationToken);
            if (body is null) return problem!;
            if (body.Name is not null)
            {
                (name, var invalid) = SandboxNames.Check(body.Name);
                if (invalid is not null) return StatusResults.Failure(StatusCodes.Status400BadRequest, invalid);
            }
        }
        var visitor = Visitors.Of(request);
        if (visitor is null && creations.TryAcquire(request.HttpContext) is { } tooMany) return StatusResults.Failure(StatusCodes.Status429TooManyRequests, tooMany);
        CreatedSandbox sandbox;
        try
        {
            sandbox = await registry.CreateAsync(name: name, visitorId: visitor, cancellationToken: cancellationToken);
        }
        catch (SandboxQuotaException e)
        {
            return StatusResults.Failure(StatusCodes.Status403Forbidden, e.Message);
        }
        if (visitor is not null) SandboxCredentials.Remember(request.HttpContext.Response, sandbox.Id, sandbox.Token);
        return TypedResults.Created($"/api/sandboxes/{sandbox.Id}", sandbox);
    }

    private static async Task<Results<Ok<SandboxInfo>, JsonHttpResult<Status>>> GetAsync(
        string id, HttpRequest request, SandboxAccessControl access, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await OpenAsync(id, request, access, SandboxAccess.Viewer, "", cancellationToken);
        if (grant is null) return refusal!;
        return TypedResults.Ok(await InfoAsync(grant, registry, cancellationToken));
    }

    private static async Task<Results<Ok<SandboxInfo>, JsonHttpResult<Status>>> RenameAsync(
        string id, HttpRequest request, SandboxAccessControl access, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await OpenAsync(id, request, access, SandboxAccess.Owner, "renaming it", cancellationToken);
        if (grant is null) return refusal!;
        var (body, problem) = await JsonBody.ReadAsync<SandboxNameRequest>(request, MaxNameBodyBytes, NameShape, cancellationToken);
        if (body is null) return problem!;
        var (name, invalid) = SandboxNames.Check(body.Name);
        if (invalid is not null) return StatusResults.Failure(StatusCodes.Status400BadRequest, invalid);
        if (!await registry.RenameAsync(id, name!, cancellationToken)) return StatusResults.SandboxNotFound(id);
        return TypedResults.Ok(await InfoAsync(grant, registry, cancellationToken));
    }

    /// <summary>Deleting is for good: the sandbox, its history and its share links go, and its tokens stop working.</summary>
    private static async Task<Results<NoContent, JsonHttpResult<Status>>> DeleteAsync(
        string id, HttpRequest request, SandboxAccessControl access, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await OpenAsync(id, request, access, SandboxAccess.Owner, "deleting it", cancellationToken);
        if (grant is null) return refusal!;
        if (!await registry.DeleteAsync(id, cancellationToken)) return StatusResults.SandboxNotFound(id);
        request.HttpContext.Response.Cookies.Delete(SandboxCredentials.TokenCookie(id), SandboxCredentials.CookieOptions(request.HttpContext.Response));
        return TypedResults.NoContent();
    }

    private static async Task<Results<Ok<SandboxInfo>, JsonHttpResult<Status>>> ResetAsync(
        string id, HttpRequest request, SandboxAccessControl access, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await OpenAsync(id, request, access, SandboxAccess.Owner, "resetting it", cancellationToken);
        if (grant is null) return refusal!;
        if (!await registry.ResetAsync(id, cancellationToken)) return StatusResults.SandboxNotFound(id);
        return TypedResults.Ok(await InfoAsync(grant, registry, cancellationToken));
    }

    private static async Task<SandboxInfo> InfoAsync(SandboxGrant grant, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var name = await registry.NameAsync(grant.Sandbox.Id, cancellationToken);
        var (revision, now) = await grant.Sandbox.RunAsync(c => (c.Store.Revision, c.Clock.Now));
        return new SandboxInfo(grant.Sandbox.Id, name ?? "", revision, now, grant.Access.ToString().ToLowerInvariant());
    }

    private static async Task<Results<Ok<KubectlResult>, JsonHttpResult<Status>>> RunKubectlAsync(
        string id, HttpRequest request, SandboxAccessControl access, KubeApiAddress address, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await OpenAsync(id, request, access, SandboxAccess.Viewer, "", cancellationToken);
        if (grant is null) return refusal!;
        var sandbox = grant.Sandbox;

        const string shape = """{"command": "kubectl get pods", "stdin": "<optional text for -f ->", "namespace": "<optional context namespace>"}""";
        var (body, problem) = await JsonBody.ReadAsync<KubectlRequest>(request, MaxBodyBytes, shape, cancellationToken);
        if (body is null) return problem!;
        if (string.IsNullOrWhiteSpace(body.Command))
            return StatusResults.Failure(StatusCodes.Status400BadRequest, $"command is required: expected a JSON object {shape}");
        if (grant.Access < SandboxAccess.Owner && ReadOnlyKubectl.Refusal(id, body.Command) is { } refused) return TypedResults.Ok(refused);

        var context = KubeconfigContext.ForSandbox(id, address.For(id), body.Namespace);
        return TypedResults.Ok(await sandbox.RunAsync(c => c.Kubectl(body.Command, body.Stdin, context)));
    }

    /// <summary>
    /// The caller's sandbox, or the refusal to answer: 401 without a credential, 404 for an unknown id or a foreign
    /// one (the same answer, so neither teaches anything), 403 for a viewer asking for <paramref name="action"/>, which needs the owner.
    /// </summary>
    internal static async Task<(SandboxGrant? Grant, JsonHttpResult<Status>? Refusal)> OpenAsync(
        string id, HttpRequest request, SandboxAccessControl access, SandboxAccess needed, string action, CancellationToken cancellationToken)
    {
        var credential = SandboxCredentials.For(request, id);
        if (credential.IsEmpty) return (null, StatusResults.Unauthorized());
        var grant = await access.OpenAsync(id, credential, cancellationToken);
        if (grant is null) return (null, StatusResults.SandboxNotFound(id));
        if (grant.Access < needed) return (null, StatusResults.ReadOnly(id, action));
        return (grant, null);
    }
}
