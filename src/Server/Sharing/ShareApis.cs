using System.Text.Json;
using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Server.Apis;
using Playground.Server.RateLimits;
using Playground.Server.Sandboxes;

namespace Playground.Server.Sharing;

/// <summary>The body of a new share link.</summary>
public sealed record ShareRequest(JsonElement? Access);

/// <summary>
/// /api/sandboxes/{id}/shares: the owner makes, lists and revokes share links; /api/forks/{token}: whoever holds a
/// fork link gets a new sandbox of their own, a copy of the shared one as it stands.
/// </summary>
public static class ShareApis
{
    private const int MaxBodyBytes = 4 * 1024;
    private const string Shape = """{"access": "view"} or {"access": "fork"}""";

    public static IEndpointRouteBuilder MapShareApis(this IEndpointRouteBuilder routes)
    {
        var shares = routes.MapGroup("/api/sandboxes/{id}/shares");
        shares.MapPost("/", CreateAsync);
        shares.MapGet("/", ListAsync);
        shares.MapDelete("/{share}", RevokeAsync);
        routes.MapPost("/api/forks/{token}", ForkAsync);
        return routes;
    }

    private static async Task<Results<Created<CreatedShareLink>, JsonHttpResult<Status>>> CreateAsync(
        string id, HttpRequest request, SandboxAccessControl access, ShareLinks links, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await SandboxApis.OpenAsync(id, request, access, SandboxAccess.Owner, "sharing it", cancellationToken);
        if (grant is null) return refusal!;
        var (body, problem) = await JsonBody.ReadAsync<ShareRequest>(request, MaxBodyBytes, Shape, cancellationToken);
        if (body is null) return problem!;
        if (body.Access is not { ValueKind: JsonValueKind.String } kind || kind.GetString() is not (ShareAccess.View or ShareAccess.Fork))
            return StatusResults.Failure(StatusCodes.Status400BadRequest,
                $"access must be \"view\" (watch and read the sandbox) or \"fork\" (get a copy of it), got {body.Access?.GetRawText() ?? "nothing"}");
        var site = new Uri($"{request.Scheme}://{request.Host}");
        var link = await links.CreateAsync(id, kind.GetString()!, site, cancellationToken);
        return TypedResults.Created($"/api/sandboxes/{id}/shares/{link.Id}", link);
    }

    private static async Task<Results<Ok<IReadOnlyList<ShareLink>>, JsonHttpResult<Status>>> ListAsync(
        string id, HttpRequest request, SandboxAccessControl access, ShareLinks links, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await SandboxApis.OpenAsync(id, request, access, SandboxAccess.Owner, "listing its share links", cancellationToken);
        if (grant is null) return refusal!;
        return TypedResults.Ok(await links.ListAsync(id, cancellationToken));
    }

    /// <param name="share">The link's id from the list, or its token.</param>
    private static async Task<Results<NoContent, JsonHttpResult<Status>>> RevokeAsync(
        string id, string share, HttpRequest request, SandboxAccessControl access, ShareLinks links, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await SandboxApis.OpenAsync(id, request, access, SandboxAccess.Owner, "revoking its share links", cancellationToken);
        if (grant is null) return refusal!;
        if (!await links.RevokeAsync(id, share, cancellationToken))
            return StatusResults.Failure(StatusCodes.Status404NotFound, $"sandbox {id} has no share link \"{share}\"");
        return TypedResults.NoContent();
    }

    /// <summary>
    /// The fork belongs to the calling browser when it sends its visitor cookie (which also gets the new token), up to
    /// the visitor's quota; a caller without one is counted by its address.
    /// </summary>
    private static async Task<Results<Created<CreatedSandbox>, JsonHttpResult<Status>>> ForkAsync(
        string token, HttpRequest request, Forks forks, SandboxCreationLimiter creations, CancellationToken cancellationToken)
    {
        var visitor = Visitors.Of(request);
        if (visitor is null && creations.TryAcquire(request.HttpContext) is { } tooMany) return StatusResults.Failure(StatusCodes.Status429TooManyRequests, tooMany);
        CreatedSandbox? fork;
        try
        {
            fork = await forks.ForkAsync(token, visitor, cancellationToken);
        }
        catch (SandboxQuotaException e)
        {
            return StatusResults.Failure(StatusCodes.Status403Forbidden, e.Message);
        }
        if (fork is null) return StatusResults.Failure(StatusCodes.Status404NotFound, Forks.NotFound);
        if (visitor is not null) SandboxCredentials.Remember(request.HttpContext.Response, fork.Id, fork.Token);
        return TypedResults.Created($"/api/sandboxes/{fork.Id}", fork);
    }
}
