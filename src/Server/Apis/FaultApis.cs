using Microsoft.AspNetCore.Http.HttpResults;
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
        string id, HttpRequest request, SandboxRegistry registry, CancellationToken cancellationToken)
    {
        var (sandbox, refusal) = await SandboxApis.OpenAsync(id, request, registry, cancellationToken);
        if (sandbox is null) return refusal!;
        var (body, problem) = await JsonBody.ReadAsync<FaultRequest>(request, MaxBodyBytes, Shape, cancellationToken);
        if (body is null) return problem!;
        if (string.IsNullOrWhiteSpace(body.Type))
            return StatusResults.Failure(StatusCodes.Status400BadRequest, $"type is required, one of {string.Join(", ", SimulatedCluster.FaultTypes)}: a JSON object {Shape}");

        var fault = new Fault(body.Type, body.Node, body.Namespace, body.Pod, body.Deployment, body.Probe);
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
