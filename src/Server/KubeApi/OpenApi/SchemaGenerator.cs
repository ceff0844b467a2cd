using System.Text.Json.Nodes;
using System.Text.Json.Serialization.Metadata;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Patching;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi.OpenApi;

/// <summary>
/// OpenAPI schemas of every served kind, made by reflection over the models as KubeJson (de)serializes them, so the
/// documents can never disagree with what the API accepts. References point into "#/components/schemas/".
/// </summary>
public sealed class SchemaGenerator
{
    public const string RefPrefix = "#/components/schemas/";

    private readonly DefinitionNames _names;
    private readonly Dictionary<string, JsonObject> _definitions = new(StringComparer.Ordinal);

    public SchemaGenerator(ResourceRegistry registry)
    {
        _names = new DefinitionNames(registry);
        _definitions[DefinitionNames.Time] = new JsonObject { ["description"] = "A time in RFC 3339 form, in UTC, to the second.", ["type"] = "string", ["format"] = "date-time" };
        // Without a "type", kubectl explain names these by their definition (<IntOrString>, <Quantity>) as it does upstream.
        _definitions[DefinitionNames.IntOrString] = new JsonObject { ["description"] = "A value that is either an integer or a string.", ["format"] = "int-or-string", ["oneOf"] = OneOf("integer", "string"), ["x-kubernetes-int-or-string"] = true };
        _definitions[DefinitionNames.Quantity] = new JsonObject { ["description"] = "An amount of a resource such as \"250m\" CPU or \"128Mi\" of memory.", ["oneOf"] = OneOf("string", "number") };
        _definitions[$"{DefinitionNames.Meta}.Patch"] = new JsonObject { ["description"] = "A patch in one of the patch media types.", ["type"] = "object" };
        _definitions[$"{DefinitionNames.Meta}.DeleteOptions"] = new JsonObject { ["description"] = "Options for a delete: propagationPolicy, gracePeriodSeconds, preconditions.", ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };
        Definition(typeof(Status));
        Definition(typeof(ListMeta));
        foreach (var type in registry.AllVersions)
        {
            var kind = Definition(type.ClrType);
            _definitions[kind]["x-kubernetes-group-version-kind"] = Gvk(type, type.Kind);
            if (FieldDescriptions.OfKind(type.Kind) is { } description) _definitions[kind]["description"] = description;
            _definitions[_names.ListOf(type)] = ListDefinition(type, kind);
        }
    }

    /// <summary>Every definition, by upstream name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Definitions => _definitions;

    public DefinitionNames Names => _names;

    /// <summary>The definitions a set of roots needs, following references, as one group version's document carries them.</summary>
    public SortedDictionary<string, JsonObject> Closure(IEnumerable<string> roots)
    {
        var result = new SortedDictionary<string, JsonObject>(StringComparer.Ordinal);
        var pending = new Stack<string>(roots);
        while (pending.TryPop(out var name))
        {
            if (!result.TryAdd(name, _definitions[name])) continue;
            foreach (var reference in References(_definitions[name])) pending.Push(reference);
        }
        return result;
    }

    private static JsonArray OneOf(params string[] types) => new([.. types.Select(t => (JsonNode)new JsonObject { ["type"] = t })]);

    public static JsonObject Ref(string name) => new() { ["$ref"] = RefPrefix + name };

    public static JsonArray Gvk(ResourceType type, string kind) =>
        [new JsonObject { ["group"] = type.Group, ["kind"] = kind, ["version"] = type.Version }];

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value is JsonValue v ? [v.GetValue<string>()[RefPrefix.Length..]] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    private JsonObject ListDefinition(ResourceType type, string kind)
    {
        var list = new JsonObject
        {
            ["description"] = $"A list of {type.Kind} objects.",
            ["type"] = "object",
            ["properties"] = new JsonObject
            {
                ["apiVersion"] = new JsonObject { ["type"] = "string", ["description"] = FieldDescriptions.Of("", "apiVersion")! },
                ["items"] = new JsonObject { ["type"] = "array", ["items"] = Ref(kind), ["description"] = $"The {type.Plural}." },
                ["kind"] = new JsonObject { ["type"] = "string", ["description"] = FieldDescriptions.Of("", "kind")! },
                ["metadata"] = new JsonObject { ["allOf"] = new JsonArray(Ref($"{DefinitionNames.Meta}.ListMeta")), ["description"] = "The list's resourceVersion and continue token." },
            },
            ["required"] = new JsonArray("items"),
        };
        list["x-kubernetes-group-version-kind"] = Gvk(type, type.Kind + "List");
        return list;
    }

    /// <summary>Adds a model class (and, through its fields, every class it uses) and returns its definition name.</summary>
    private string Definition(Type type)
    {
        var name = _names.Of(type);
        if (_definitions.ContainsKey(name)) return name;
        var properties = new JsonObject();
        var definition = new JsonObject { ["type"] = "object", ["properties"] = properties };
        _definitions[name] = definition;
        var info = KubeJson.Options.GetTypeInfo(type);
        foreach (var property in info.Properties.OrderBy(p => p.Name, StringComparer.Ordinal))
            properties[property.Name] = Field(type, property);
        if (RequiredFields.Of(type) is { Length: > 0 } required) definition["required"] = new JsonArray([.. required.Select(r => (JsonNode)r)]);
        return name;
    }

    private JsonObject Field(Type owner, JsonPropertyInfo property)
    {
        var schema = property.CustomConverter is ResourceListConverter
            ? new JsonObject { ["type"] = "object", ["additionalProperties"] = Ref(DefinitionNames.Quantity) }
            : Schema(property.PropertyType);
        if (schema["type"]?.GetValue<string>() == "array") AddPatchStrategy(schema, property);
        var description = FieldDescriptions.Of(owner.Name, property.Name);
        if (description is null) return schema;
        // A reference cannot carry a description beside it in OpenAPI 3, so it is wrapped in allOf as upstream does.
        return schema.ContainsKey("$ref")
            ? new JsonObject { ["allOf"] = new JsonArray(schema), ["description"] = description }
            : Described(schema, description);
    }

    private static JsonObject Described(JsonObject schema, string description)
    {
        schema["description"] = description;
        return schema;
    }

    /// <summary>Lists with a merge key in the shared patch table carry upstream's patch extensions, which kubectl apply reads to compute its patches.</summary>
    private static void AddPatchStrategy(JsonObject schema, JsonPropertyInfo property)
    {
        var itemType = ElementType(property.PropertyType);
        var key = property.Name == "ports"
            ? KubeJson.Options.GetTypeInfo(itemType ?? typeof(object)).Properties.Any(p => p.Name == "containerPort") ? "containerPort" : "port"
            : PatchStrategies.MergeKey(property.Name, []);
        if (key is not null)
        {
            schema["x-kubernetes-patch-merge-key"] = key;
            schema["x-kubernetes-patch-strategy"] = "merge";
        }
        else if (PatchStrategies.MergesScalars(property.Name)) schema["x-kubernetes-patch-strategy"] = "merge";
    }

    private JsonObject Schema(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type == typeof(string) || type.IsEnum) return new JsonObject { ["type"] = "string" };
        if (type == typeof(bool)) return new JsonObject { ["type"] = "boolean" };
        if (type == typeof(int) || type == typeof(short)) return new JsonObject { ["type"] = "integer", ["format"] = "int32" };
        if (type == typeof(long)) return new JsonObject { ["type"] = "integer", ["format"] = "int64" };
        if (type == typeof(double) || type == typeof(float) || type == typeof(decimal)) return new JsonObject { ["type"] = "number", ["format"] = "double" };
        if (type == typeof(DateTimeOffset) || type == typeof(DateTime)) return Ref(DefinitionNames.Time);
        if (type == typeof(IntOrString)) return Ref(DefinitionNames.IntOrString);
        if (type == typeof(JsonArray)) return new JsonObject { ["type"] = "array", ["items"] = Opaque() };
        if (typeof(JsonNode).IsAssignableFrom(type) || type == typeof(System.Text.Json.JsonElement)) return Opaque();
        if (DictionaryValueType(type) is { } value) return new JsonObject { ["type"] = "object", ["additionalProperties"] = Schema(value) };
        if (ElementType(type) is { } element) return new JsonObject { ["type"] = "array", ["items"] = Schema(element) };
        return Ref(Definition(type));
    }

    /// <summary>Parts the models keep as raw JSON: any object is accepted and kept as given.</summary>
    private static JsonObject Opaque() => new() { ["type"] = "object", ["x-kubernetes-preserve-unknown-fields"] = true };

    private static Type? DictionaryValueType(Type type) =>
        type.IsGenericType && type.GetGenericTypeDefinition() == typeof(Dictionary<,>) ? type.GetGenericArguments()[1] : null;

    private static Type? ElementType(Type type) =>
        type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericTypeDefinition() == typeof(List<>) ? type.GetGenericArguments()[0]
        : null;
}
