using System.Text.Json.Nodes;

namespace Playground.Server.KubeApi.OpenApi;

/// <summary>Walks a JSON value beside its schema and removes the fields the schema does not know, naming each by its path ("spec.replicaz").</summary>
public static class UnknownFields
{
    public static void Prune(JsonNode? node, JsonObject schema, IReadOnlyDictionary<string, JsonObject> definitions, string path, List<string> removed, bool patch)
    {
        schema = Resolve(schema, definitions);
        if (schema["x-kubernetes-preserve-unknown-fields"] is not null) return;
        switch (node)
        {
            case JsonObject obj when schema["properties"] is JsonObject properties:
                foreach (var (key, value) in obj.ToList())
                {
                    // Strategic merge patches carry directives ($patch, $setElementOrder/...), which are not fields.
                    if (patch && key.StartsWith('$')) continue;
                    var at = path.Length == 0 ? key : $"{path}.{key}";
                    if (properties[key] is JsonObject field) Prune(value, field, definitions, at, removed, patch);
                    else
                    {
                        removed.Add(at);
                        obj.Remove(key);
                    }
                }
                break;
            case JsonObject map when schema["additionalProperties"] is JsonObject values:
                foreach (var (key, value) in map.ToList()) Prune(value, values, definitions, path.Length == 0 ? key : $"{path}.{key}", removed, patch);
                break;
            case JsonArray items when schema["items"] is JsonObject item:
                for (var i = 0; i < items.Count; i++) Prune(items[i], item, definitions, $"{path}[{i}]", removed, patch);
                break;
        }
    }

    /// <summary>Follows $ref and the single-element allOf that wraps a described reference.</summary>
    private static JsonObject Resolve(JsonObject schema, IReadOnlyDictionary<string, JsonObject> definitions)
    {
        while (true)
        {
            if (schema["$ref"] is JsonValue reference) schema = definitions[reference.GetValue<string>()[SchemaGenerator.RefPrefix.Length..]];
            else if (schema["allOf"] is JsonArray { Count: 1 } all && all[0] is JsonObject inner) schema = inner;
            else return schema;
        }
    }
}
