using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Core.Api.Meta;
using Playground.Core.Kubectl;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>The body of a kubectl call: the command line as typed, and what it reads from "-f -".</summary>
public sealed record KubectlRequest(string? Command, string? Stdin);

/// <summary>Where a sandbox stands: its store revision and its virtual clock.</summary>
public sealed record SandboxInfo(string Id, long Revision, DateTimeOffset Now);

/// <summary>/api/sandboxes: create a sandbox, read where it stands, and run kubectl in it.</summary>
public static class SandboxApis
{
    // Enough for kubectl's stdin to carry a set of manifests (etcd itself refuses objects over 1.5 MB).
    private const int MaxBodyBytes = 1024 * 1024;

    public static IEndpointRouteBuilder MapSandboxApis(this IEndpointRouteBuilder routes)
    {
        var sandboxes = routes.MapGroup("/api/sandboxes");
        sandboxes.MapPost("/", CreateAsync);
        sandboxes.MapGet("/{id}", GetAsync);
        sandboxes.MapPost("/{id}/kubectl", RunKubectlAsync);
        return routes;
    }

    private static async Task<Created<CreatedSandbox>> CreateAsync(SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var sandbox = await registry.CreateAsync(cancellationToken);
        return TypedResults.Created($"/api/sandboxes/{sandbox.Id}", sandbox);
    }

    private static async Task<Results<Ok<SandboxInfo>, JsonHttpResult<Status>>> GetAsync(
        string id, HttpRequest request, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var (sandbox, refusal) = await OpenAsync(id, request, registry, cancellationToken);
        if (sandbox is null) return refusal!;
        return TypedResults.Ok(await sandbox.RunAsync(c => new SandboxInfo(id, c.Store.Revision, c.Clock.Now)));
    }

    private static async Task<Results<Ok<KubectlResult>, JsonHttpResult<Status>>> RunKubectlAsync(
        string id, HttpRequest request, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var (sandbox, refusal) = await OpenAsync(id, request, registry, cancellationToken);
        if (sandbox is null) return refusal!;

        const string shape = """{"command": "kubectl get pods", "stdin": "<optional text for -f ->"}""";
        var (body, problem) = await JsonBody.ReadAsync<KubectlRequest>(request, MaxBodyBytes, shape, cancellationToken);
        if (body is null) return problem!;
        if (string.IsNullOrWhiteSpace(body.Command))
            return StatusResults.Failure(StatusCodes.Status400BadRequest, $"command is required: expected a JSON object {shape}");

        return TypedResults.Ok(await sandbox.RunAsync(c => c.Kubectl(body.Command, body.Stdin)));
    }

    /// <summary>The caller's sandbox, or the refusal to answer: 401 without a token, 404 for an unknown id or a foreign token.</summary>
    internal static async Task<(SandboxActor? Sandbox, JsonHttpResult<Status>? Refusal)> OpenAsync(
        string id, HttpRequest request, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var token = SandboxCredentials.Find(request, id);
        if (token is null) return (null, StatusResults.Unauthorized());
        var sandbox = await registry.OpenAsync(id, token, cancellationToken);
        return sandbox is null ? (null, StatusResults.SandboxNotFound(id)) : (sandbox, null);
    }
}
