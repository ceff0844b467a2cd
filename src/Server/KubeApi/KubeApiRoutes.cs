using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.ApiServer;
using Playground.Server.KubeApi.OpenApi;
using Playground.Server.KubeApi.Watch;

namespace Playground.Server.KubeApi;

/// <summary>The Kubernetes REST API of every sandbox, under /sandboxes/{id} on the HTTPS address.</summary>
public static class KubeApiRoutes
{
    public static WebApplication MapKubernetesApi(this WebApplication app)
    {
        var api = app.MapGroup("/sandboxes/{id}").AddEndpointFilter<KubeApiAccess>();
        api.MapGet("/version", () => Json(Discovery.Version()));
        api.MapOpenApi();
        api.MapGet("/api", (HttpContext context, Discovery discovery) =>
            discovery.Aggregated.Answer(context.Request, core: true) ?? Json(Discovery.CoreVersions(context.Request.Host.ToString())));
        api.MapGet("/apis", (HttpContext context, Discovery discovery) => discovery.Aggregated.Answer(context.Request, core: false) ?? Json(discovery.Groups()));
        api.MapGet("/api/{version}", (string version, Discovery discovery) => GroupVersion(discovery, version));
        api.MapGet("/apis/{group}/{version}", (string group, string version, Discovery discovery) => GroupVersion(discovery, $"{group}/{version}"));
        api.MapMethods("/api/{version}/{**path}", Methods, (string version, string path, HttpContext context, Discovery discovery) =>
            ResourceAsync(context, discovery, version, path));
        api.MapMethods("/apis/{group}/{version}/{**path}", Methods, (string group, string version, string path, HttpContext context, Discovery discovery) =>
            ResourceAsync(context, discovery, $"{group}/{version}", path));
        return app;
    }

    private static readonly string[] Methods = ["GET", "POST", "PUT", "PATCH", "DELETE"];

    private static IResult GroupVersion(Discovery discovery, string groupVersion) =>
        discovery.GroupVersions.TryGetValue(groupVersion, out var list) ? Json(list) : KubeResponse.NotFound().ToResult();

    private static async Task<IResult> ResourceAsync(HttpContext context, Discovery discovery, string groupVersion, string path)
    {
        if (ResourcePath.Parse(discovery.Registry, groupVersion, path) is not { } resource) return KubeResponse.NotFound().ToResult();
        if (Metrics.MetricsApi.Serves(resource.Type)) return await Metrics.MetricsApi.ServeAsync(context, resource);
        if (HttpMethods.IsGet(context.Request.Method) && resource.Name is null && WatchStream.Requested(context.Request))
            return WatchStream.For(context, resource);
        // Logs are text and may stream; patches are JSON or YAML text of any shape: both are read apart from object bodies.
        if (resource.Subresource == "log") return await Subresources.PodLogs.ServeAsync(context, resource);
        if (resource.Subresource == "exec") return await Exec.PodExec.ServeAsync(context, resource);
        var (patch, refused) = HttpMethods.IsPatch(context.Request.Method) ? await Patching.PatchRequest.ReadAsync(context.Request) : (null, null);
        if (refused is not null) return refused.ToResult();
        var (body, problem) = patch is null ? await ReadBodyAsync(context.Request) : (null, null);
        if (problem is not null) return problem.ToResult();
        if (FieldValidation.Apply(context, discovery.Registry, resource, ref body, ref patch) is { } invalid) return invalid.ToResult();
        var call = new ResourceHandlers.Call(resource, context.Request.Method, context.Request.Query, body) { Accept = context.Request.Headers.Accept, Patch = patch, UserAgent = context.Request.Headers.UserAgent.ToString() };
        var response = await KubeApiAccess.Sandbox(context).RunAsync(cluster => ResourceHandlers.Handle(cluster, call));
        return response.ToResult();
    }

    /// <summary>A JSON object body, at most 3 MiB; anything else is a Status that says what is wrong.</summary>
    private static async Task<(JsonObject? Body, KubeResponse? Problem)> ReadBodyAsync(HttpRequest request)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.TransferEncoding.Any())) return (null, null);
        // JSON and protobuf (what client-go's typed clients send) are read; YAML, CBOR and the rest are refused as upstream refuses them.
        if (Protobuf.ProtobufBody.Refusal(request.ContentType) is { } refusal) return (null, refusal);
        var (bytes, tooLarge) = await RequestBody.ReadAsync(request);
        if (bytes is null) return (null, tooLarge);
        if (bytes.Length == 0) return (null, null);
        if (Protobuf.ProtobufBody.IsProtobuf(request.ContentType)) return Protobuf.ProtobufBody.Decode(bytes);
        try
        {
            return JsonNode.Parse(bytes) is JsonObject body
                ? (body, null)
                : (null, KubeResponse.Failure(400, "BadRequest", "the request body must be a JSON object"));
        }
        catch (JsonException e)
        {
            return (null, KubeResponse.Failure(400, "BadRequest", $"the request body is not valid JSON: {e.Message}"));
        }
    }

    private static IResult Json(JsonNode node) => Results.Text(node.ToJsonString(), "application/json");
}
