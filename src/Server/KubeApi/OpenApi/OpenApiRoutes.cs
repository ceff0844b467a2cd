namespace Playground.Server.KubeApi.OpenApi;

/// <summary>/openapi/v2 and /openapi/v3 under a sandbox, behind the same access check as the rest of its API.</summary>
public static class OpenApiRoutes
{
    public static RouteGroupBuilder MapOpenApi(this RouteGroupBuilder api)
    {
        api.MapGet("/openapi/v2", (HttpContext context, Discovery discovery) => AcceptsProtobuf(context.Request)
            ? Results.Bytes(OpenApiDocuments.For(discovery.Registry).V2Protobuf, SwaggerProtobuf.ContentType)
            : Results.Bytes(OpenApiDocuments.For(discovery.Registry).V2, "application/json"));
        api.MapGet("/openapi/v3", (Discovery discovery) => Results.Bytes(OpenApiDocuments.For(discovery.Registry).V3Root, "application/json"));
        api.MapGet("/openapi/v3/{**path}", (string path, HttpContext context, Discovery discovery) =>
        {
            if (!OpenApiDocuments.For(discovery.Registry).V3.TryGetValue(path.TrimEnd('/'), out var document)) return KubeResponse.NotFound().ToResult();
            // A URL with the document's hash never changes, so clients may keep it as upstream lets them.
            if (context.Request.Query.ContainsKey("hash")) context.Response.Headers.CacheControl = "public, immutable";
            return Results.Bytes(document, "application/json");
        });
        return api;
    }

    /// <summary>kubectl asks for v2 as protobuf alone; anyone else (curl, a browser) gets JSON.</summary>
    private static bool AcceptsProtobuf(HttpRequest request) =>
        request.Headers.Accept.ToString().Contains(SwaggerProtobuf.MediaType, StringComparison.OrdinalIgnoreCase);
}
