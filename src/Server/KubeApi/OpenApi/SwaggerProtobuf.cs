using System.Text.Json.Nodes;

namespace Playground.Server.KubeApi.OpenApi;

/// <summary>
/// The Swagger 2.0 document as gnostic's openapi_v2.Document protobuf, the only form in which kubectl asks for
/// /openapi/v2 (client-side validation of kind List, explain --output=plaintext-openapiv2, older kubectls). Only the
/// definitions are encoded: kubectl reads its models from them and never looks at the paths.
/// </summary>
public static class SwaggerProtobuf
{
    public const string MediaType = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf";

    /// <summary>The answer's content type: Go's mime parser refuses the '@' of the requested type, so upstream answers with this spelling.</summary>
    public const string ContentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf";

    public static byte[] Encode(JsonObject document) => new ProtoWriter()
        .String(1, document["swagger"]?.GetValue<string>())
        .Message(2, info => info.String(1, document["info"]?["title"]?.GetValue<string>()).String(2, document["info"]?["version"]?.GetValue<string>()))
        .Message(9, definitions =>
        {
            foreach (var (name, schema) in document["definitions"]!.AsObject()) definitions.Message(1, named => Named(named, name, schema!.AsObject()));
        })
        .ToArray();

    private static void Named(ProtoWriter named, string name, JsonObject schema) => named.String(1, name).Message(2, s => Schema(s, schema));

    /// <summary>Field numbers of openapi_v2.Schema: $ref 1, format 2, description 4, required 19, additionalProperties 21, type 22, items 23, allOf 24, properties 25, extensions 31.</summary>
    private static void Schema(ProtoWriter writer, JsonObject schema)
    {
        writer.String(1, schema["$ref"]?.GetValue<string>());
        writer.String(2, schema["format"]?.GetValue<string>());
        writer.String(4, schema["description"]?.GetValue<string>());
        foreach (var required in schema["required"]?.AsArray() ?? []) writer.String(19, required!.GetValue<string>());
        if (schema["additionalProperties"] is JsonObject values) writer.Message(21, item => item.Message(1, s => Schema(s, values)));
        if (schema["type"] is JsonValue type) writer.Message(22, t => t.String(1, type.GetValue<string>()));
        if (schema["items"] is JsonObject items) writer.Message(23, item => item.Message(1, s => Schema(s, items)));
        foreach (var part in schema["allOf"]?.AsArray() ?? []) writer.Message(24, s => Schema(s, part!.AsObject()));
        if (schema["properties"] is JsonObject properties)
            writer.Message(25, p =>
            {
                foreach (var (name, property) in properties) p.Message(1, named => Named(named, name, property!.AsObject()));
            });
        // Extensions are kept as YAML text; JSON is YAML, so the value's JSON is written as it is.
        foreach (var (name, value) in schema.Where(p => p.Key.StartsWith("x-", StringComparison.Ordinal)))
            writer.Message(31, extension => extension.String(1, name).Message(2, any => any.String(2, value!.ToJsonString())));
    }
}
