using Microsoft.AspNetCore.Http.HttpResults;
using Playground.Client.Services;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Simulation;
using Playground.Server.Sandboxes;

namespace Playground.Server.Apis;

/// <summary>The body of a fault: its type and target; which fields a type needs is in <see cref="SimulatedCluster.Inject"/>.</summary>
public sealed record FaultRequest(string? Type, string? Node, string? Namespace, string? Pod, string? Deployment, string? Probe);

/// <summary>What was done, and the revision the sandbox stands at after it (the fault's writes and the control plane's first answers).</summary>
public sealed record FaultResult(string Message, long Revision);

/// <summary>/api/sandboxes/{id}/faults: one-click faults (a pod deleted, a node failed or added, an image or probe broken).</summary>
public static class FaultApis
{
    private const int MaxBodyBytes = 4 * 1024;
    private const string Shape = """{"type": "fail-node", "node": "node-2"} or {"type": "delete-pod", "namespace": "default", "pod": "web-1"}""";

    public static IEndpointRouteBuilder MapFaultApis(this IEndpointRouteBuilder routes)
    {
        routes.MapPost("/api/sandboxes/{id}/faults", InjectAsync);
        return routes;
    }

    private static async Task<Results<Ok<FaultResult>, JsonHttpResult<Status>>> InjectAsync(
        string id, HttpRequest request, SandboxAccessControl access, CancellationToken cancellationToken)
    {
        var (grant, refusal) = await SandboxApis.OpenAsync(id, request, access, SandboxAccess.Owner, "injecting faults", cancellationToken);
        if (grant is null) return refusal!;
        var sandbox = grant.Sandbox;
        var (fault, problem) = await ReadAsync(request, cancellationToken);
        if (fault is null) return problem!;
        return await InjectIntoAsync(sandbox, fault);
    }

    /// <summary>The fault a request's body describes, or why it is not one; the classroom APIs read theirs here too.</summary>
    internal static async Task<(Fault? Fault, JsonHttpResult<Status>? Problem)> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var (body, problem) = await JsonBody.ReadAsync<FaultRequest>(request, MaxBodyBytes, Shape, cancellationToken);
        if (body is null) return (null, problem);
        if (string.IsNullOrWhiteSpace(body.Type))
            return (null, StatusResults.Failure(StatusCodes.Status400BadRequest, $"type is required, one of {string.Join(", ", SimulatedCluster.FaultTypes)}: a JSON object {Shape}"));
        return (new Fault(body.Type, body.Node, body.Namespace, body.Pod, body.Deployment, body.Probe), null);
    }

    /// <summary>Injects <paramref name="fault"/> on the sandbox's loop; a refused fault changed nothing and is answered with its Status.</summary>
    internal static async Task<Results<Ok<FaultResult>, JsonHttpResult<Status>>> InjectIntoAsync(SandboxActor sandbox, Fault fault)
    {
        try
        {
            return TypedResults.Ok(await sandbox.RunAsync(c => new FaultResult(c.Inject(fault), c.Store.Revision)));
        }
        catch (ApiException e)
        {
            return StatusResults.Failure(e.Code, e.Message);
        }
    }
}
