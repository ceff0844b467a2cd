using System.Text.Json.Nodes;
using Playground.Core.ApiServer;

namespace Playground.Server.KubeApi.OpenApi;

/// <summary>
/// The REST paths of one kind with their operations, each tagged with x-kubernetes-action and the kind's
/// x-kubernetes-group-version-kind (kubectl explain finds a resource's kind there, and kubectl apply looks for the
/// fieldValidation parameter on the PATCH operation to know that the server validates fields itself).
/// </summary>
public static class OpenApiPaths
{
    private static readonly string[] PatchTypes =
        ["application/apply-patch+yaml", "application/json-patch+json", "application/merge-patch+json", "application/strategic-merge-patch+json"];

    /// <summary>The paths of one kind, in OpenAPI 3 form when <paramref name="v3"/>, else Swagger 2.0 form.</summary>
    public static IEnumerable<(string Path, JsonObject Item)> Of(ResourceType type, DefinitionNames names, bool v3)
    {
        var prefix = type.Group.Length == 0 ? $"/api/{type.Version}" : $"/apis/{type.Group}/{type.Version}";
        var kind = names.Of(type.ClrType);
        var list = names.ListOf(type);
        var operations = new Operations(type, v3);
        var scope = type.Namespaced ? $"{prefix}/namespaces/{{namespace}}/{type.Plural}" : $"{prefix}/{type.Plural}";
        var collection = new JsonObject
        {
            ["get"] = operations.Make("list", list, operations.ListParameters()),
            ["post"] = operations.Make("create", kind, operations.WriteParameters(), body: kind),
            ["delete"] = operations.Make("deletecollection", $"{DefinitionNames.Meta}.Status", operations.ListParameters()),
            ["parameters"] = operations.PathParameters(type.Namespaced ? ["namespace"] : []),
        };
        yield return (scope, collection);
        var item = new JsonObject
        {
            ["get"] = operations.Make("get", kind, []),
            ["put"] = operations.Make("replace", kind, operations.WriteParameters(), body: kind),
            ["patch"] = operations.Make("patch", kind, [.. operations.WriteParameters(), operations.Query("force", "boolean")], body: $"{DefinitionNames.Meta}.Patch", media: PatchTypes),
            ["delete"] = operations.Make("delete", $"{DefinitionNames.Meta}.Status", [operations.Query("gracePeriodSeconds", "integer"), operations.Query("propagationPolicy", "string")], body: $"{DefinitionNames.Meta}.DeleteOptions"),
            ["parameters"] = operations.PathParameters(type.Namespaced ? ["name", "namespace"] : ["name"]),
        };
        yield return ($"{scope}/{{name}}", item);
        if (type.Namespaced)
            yield return ($"{prefix}/{type.Plural}", new JsonObject { ["get"] = operations.Make("list", list, operations.ListParameters(), allNamespaces: true) });
    }

    /// <summary>Builds one kind's operations; OpenAPI 3 and Swagger 2.0 differ only in where schemas and bodies go.</summary>
    private sealed class Operations(ResourceType type, bool v3)
    {
        private readonly string _ref = v3 ? SchemaGenerator.RefPrefix : "#/definitions/";

        public JsonObject Make(string verb, string response, JsonNode[] parameters, string? body = null, string[]? media = null, bool allNamespaces = false)
        {
            var group = type.Group.Length == 0 ? "Core" : Capitalize(type.Group.Split('.')[0]);
            var action = verb switch { "create" => "post", "replace" => "put", _ => verb };
            var operation = new JsonObject
            {
                ["description"] = $"{verb} {(verb.StartsWith("list", StringComparison.Ordinal) || verb == "deletecollection" ? "objects" : "an object")} of kind {type.Kind}",
                ["operationId"] = $"{verb}{group}{Capitalize(type.Version)}{(type.Namespaced && !allNamespaces ? "Namespaced" : "")}{type.Kind}{(allNamespaces ? "ForAllNamespaces" : "")}",
                ["tags"] = new JsonArray($"{group.ToLowerInvariant()}_{type.Version}"),
                ["parameters"] = new JsonArray([.. parameters.Select(p => p.DeepClone())]),
                ["responses"] = new JsonObject { ["200"] = Response(response), ["401"] = new JsonObject { ["description"] = "Unauthorized" } },
                ["x-kubernetes-action"] = action,
                ["x-kubernetes-group-version-kind"] = new JsonObject { ["group"] = type.Group, ["kind"] = type.Kind, ["version"] = type.Version },
            };
            if (verb == "create") operation["responses"]!["201"] = Response(response);
            if (body is not null) AddBody(operation, body, media ?? ["*/*"], required: verb != "delete");
            if (!v3) operation["consumes"] = new JsonArray([.. (media ?? ["*/*"]).Select(m => (JsonNode)m)]);
            if (!v3) operation["produces"] = new JsonArray("application/json", "application/yaml", "application/vnd.kubernetes.protobuf");
            return operation;
        }

        public JsonNode[] ListParameters() =>
        [
            Query("continue", "string"), Query("fieldSelector", "string"), Query("labelSelector", "string"), Query("limit", "integer"),
            Query("resourceVersion", "string"), Query("timeoutSeconds", "integer"), Query("watch", "boolean"),
        ];

        public JsonNode[] WriteParameters() => [Query("dryRun", "string"), Query("fieldManager", "string"), Query("fieldValidation", "string")];

        public JsonArray PathParameters(string[] names) => new([.. names.Select(n => (JsonNode)Parameter(n, "path", "string", required: true))]);

        public JsonObject Query(string name, string type) => Parameter(name, "query", type, required: false);

        private JsonObject Parameter(string name, string @in, string schemaType, bool required)
        {
            var parameter = new JsonObject { ["name"] = name, ["in"] = @in, ["uniqueItems"] = true };
            if (required) parameter["required"] = true;
            if (v3) parameter["schema"] = new JsonObject { ["type"] = schemaType, ["uniqueItems"] = true };
            else parameter["type"] = schemaType;
            return parameter;
        }

        private JsonObject Response(string definition)
        {
            var schema = new JsonObject { ["$ref"] = _ref + definition };
            return v3
                ? new JsonObject { ["description"] = "OK", ["content"] = new JsonObject { ["application/json"] = new JsonObject { ["schema"] = schema } } }
                : new JsonObject { ["description"] = "OK", ["schema"] = schema };
        }

        private void AddBody(JsonObject operation, string definition, string[] media, bool required)
        {
            if (v3)
            {
                var content = new JsonObject();
                foreach (var type in media) content[type] = new JsonObject { ["schema"] = new JsonObject { ["$ref"] = _ref + definition } };
                operation["requestBody"] = new JsonObject { ["content"] = content, ["required"] = required };
            }
            else
            {
                operation["parameters"]!.AsArray().Insert(0, new JsonObject { ["name"] = "body", ["in"] = "body", ["required"] = required, ["schema"] = new JsonObject { ["$ref"] = _ref + definition } });
            }
        }

        private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }
}
