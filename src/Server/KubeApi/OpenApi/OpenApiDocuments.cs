using System.Runtime.CompilerServices;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using Playground.Core.ApiServer;

namespace Playground.Server.KubeApi.OpenApi;

/// <summary>
/// The served OpenAPI documents, made once per registry (the kinds never change while the server runs): Swagger 2.0
/// at /openapi/v2, and at /openapi/v3 a discovery document pointing at one OpenAPI 3 document per group version.
/// </summary>
public sealed class OpenApiDocuments
{
    private static readonly ConditionalWeakTable<ResourceRegistry, OpenApiDocuments> Cache = [];

    private OpenApiDocuments(ResourceRegistry registry)
    {
        Schemas = new SchemaGenerator(registry);
        var info = new JsonObject { ["title"] = "Kubernetes", ["version"] = Discovery.Version()["gitVersion"]!.DeepClone() };
        var groupVersions = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        var root = new JsonObject();
        foreach (var group in registry.AllVersions.GroupBy(t => t.Group.Length == 0 ? $"api/{t.Version}" : $"apis/{t.Group}/{t.Version}"))
        {
            var paths = new JsonObject();
            foreach (var (path, item) in group.SelectMany(t => OpenApiPaths.Of(t, Schemas.Names, v3: true))) paths[path] = item;
            var roots = group.SelectMany(t => new[] { Schemas.Names.Of(t.ClrType), Schemas.Names.ListOf(t) })
                .Concat([$"{DefinitionNames.Meta}.Status", $"{DefinitionNames.Meta}.Patch", $"{DefinitionNames.Meta}.DeleteOptions"]);
            var schemas = new JsonObject([.. Schemas.Closure(roots).Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value.DeepClone()))]);
            var document = new JsonObject
            {
                ["openapi"] = "3.0.0",
                ["info"] = info.DeepClone(),
                ["paths"] = paths,
                ["components"] = new JsonObject { ["schemas"] = schemas },
            };
            var bytes = Encoding.UTF8.GetBytes(document.ToJsonString());
            groupVersions[group.Key] = bytes;
            root[group.Key] = new JsonObject { ["serverRelativeURL"] = $"/openapi/v3/{group.Key}?hash={Hash(bytes)}" };
        }
        V3 = groupVersions;
        V3Root = Encoding.UTF8.GetBytes(new JsonObject { ["paths"] = root }.ToJsonString());
        var v2 = SwaggerV2(registry, info);
        V2 = Encoding.UTF8.GetBytes(v2.ToJsonString());
        V2Protobuf = SwaggerProtobuf.Encode(v2);
    }

    public static OpenApiDocuments For(ResourceRegistry registry) => Cache.GetValue(registry, r => new OpenApiDocuments(r));

    public SchemaGenerator Schemas { get; }

    /// <summary>The Swagger 2.0 document, as JSON.</summary>
    public byte[] V2 { get; }

    /// <summary>The same, as the protobuf kubectl asks for.</summary>
    public byte[] V2Protobuf { get; }

    /// <summary>The OpenAPI 3 discovery document: every group version's path with a hash of its document.</summary>
    public byte[] V3Root { get; }

    /// <summary>One OpenAPI 3 document per group version, by path ("api/v1", "apis/apps/v1").</summary>
    public IReadOnlyDictionary<string, byte[]> V3 { get; }

    /// <summary>Upstream names the document's SHA-512 in the URL so that clients may cache it for as long as the hash stays the same.</summary>
    public static string Hash(byte[] document) => Convert.ToHexString(SHA512.HashData(document));

    /// <summary>Swagger 2.0 tools read a reference beside its description, where OpenAPI 3 needs it wrapped in allOf.</summary>
    private static void UnwrapReferences(JsonNode? node)
    {
        if (node is JsonArray array) foreach (var item in array) UnwrapReferences(item);
        if (node is not JsonObject obj) return;
        if (obj["allOf"] is JsonArray { Count: 1 } all && all[0]?["$ref"] is JsonValue reference)
        {
            obj.Remove("allOf");
            obj["$ref"] = reference.GetValue<string>();
        }
        foreach (var (_, value) in obj.ToList()) UnwrapReferences(value);
    }

    private JsonObject SwaggerV2(ResourceRegistry registry, JsonObject info)
    {
        var paths = new JsonObject();
        foreach (var (path, item) in registry.AllVersions.SelectMany(t => OpenApiPaths.Of(t, Schemas.Names, v3: false))) paths[path] = item;
        // Swagger 2.0 keeps schemas under "definitions"; the generated references are rewritten to point there.
        var definitions = JsonNode.Parse(new JsonObject([.. Schemas.Definitions.OrderBy(d => d.Key, StringComparer.Ordinal)
                .Select(d => KeyValuePair.Create(d.Key, (JsonNode?)d.Value.DeepClone()))]).ToJsonString()
            .Replace($"\"{SchemaGenerator.RefPrefix}", "\"#/definitions/", StringComparison.Ordinal))!;
        UnwrapReferences(definitions);
        // Swagger 2.0 has no oneOf: both are strings there, as in upstream's v2 document.
        definitions[DefinitionNames.IntOrString] = new JsonObject { ["type"] = "string", ["format"] = "int-or-string" };
        definitions[DefinitionNames.Quantity] = new JsonObject { ["type"] = "string" };
        return new JsonObject
        {
            ["swagger"] = "2.0",
            ["info"] = info.DeepClone(),
            ["paths"] = paths,
            ["definitions"] = definitions,
        };
    }
}
