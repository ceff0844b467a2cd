using System.Text.Json.Nodes;
using System.Text.Json;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;
using Playground.Server.KubeApi.Patching;

namespace Playground.Server.KubeApi.OpenApi;

/// <summary>
/// The fieldValidation query parameter of writes. Strict (what kubectl sends) leaves unknown fields to the decoder,
/// which refuses them; Warn (upstream's default when the parameter is absent) drops them with a "Warning: 299" header
/// each; Ignore drops them silently.
/// </summary>
public static class FieldValidation
{
    /// <summary>Prunes unknown fields from an object body or a merge/strategic patch as the directive asks; a bad directive is a 400.</summary>
    public static KubeResponse? Apply(HttpContext context, ResourceRegistry registry, ResourcePath resource, ref JsonObject? body, ref PatchRequest? patch)
    {
        var directive = context.Request.Query["fieldValidation"].ToString() is { Length: > 0 } given ? given : "Warn";
        if (directive.Equals("Strict", StringComparison.OrdinalIgnoreCase)) return null;
        var warn = directive.Equals("Warn", StringComparison.OrdinalIgnoreCase);
        if (!warn && !directive.Equals("Ignore", StringComparison.OrdinalIgnoreCase))
            return KubeResponse.Failure(400, "BadRequest", $"invalid fieldValidation directive \"{directive}\": it must be one of Ignore, Warn or Strict");
        var schemas = OpenApiDocuments.For(registry).Schemas;
        var unknown = new List<string>();
        if (body is not null && registry.ByKind(KubeJson.Text(body["apiVersion"]) ?? "", KubeJson.Text(body["kind"]) ?? "") is { } type)
            UnknownFields.Prune(body, schemas.Definitions[schemas.Names.Of(type.ClrType)], schemas.Definitions, "", unknown, patch: false);
        else if (patch is { MediaType: PatchRequest.Merge or PatchRequest.Strategic } && ParseObject(patch.Body) is { } patchBody)
        {
            UnknownFields.Prune(patchBody, schemas.Definitions[schemas.Names.Of(resource.Type.ClrType)], schemas.Definitions, "", unknown, patch: true);
            patch = patch with { Body = JsonSerializer.SerializeToUtf8Bytes(patchBody) };
        }
        if (warn)
            foreach (var field in unknown) context.Response.Headers.Append("Warning", $"299 - \"unknown field \\\"{field}\\\"\"");
        return null;
    }


    /// <summary>A patch that is not a JSON object is left alone: the patch handler says what is wrong with it.</summary>
    private static JsonObject? ParseObject(byte[] body)
    {
        try
        {
            return JsonNode.Parse(body) as JsonObject;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
