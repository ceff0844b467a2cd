using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Playground.Core.Serialization;

/// <summary>One document of a manifest, with the line it starts on for error messages.</summary>
public sealed record Manifest(JsonObject Node, int Line);

public sealed class ManifestException(string message) : Exception(message);

/// <summary>Reads YAML (one or more documents) or JSON into JSON objects, as kubectl's YAML-to-JSON step does.</summary>
public static partial class ManifestReader
{
    public static IReadOnlyList<Manifest> Read(string text)
    {
        var stream = new YamlStream();
        try
        {
            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new ManifestException($"error converting YAML to JSON: yaml: line {e.Start.Line}: {Describe(e)}");
        }

        var manifests = new List<Manifest>();
        foreach (var document in stream.Documents)
        {
            var root = document.RootNode;
            if (root is YamlScalarNode { Value: null or "" } || IsNull(root)) continue;
            if (ToNode(root) is not JsonObject obj)
                throw new ManifestException($"error converting YAML to JSON: line {root.Start.Line}: a manifest must be a mapping (key: value), not a {Shape(root)}");
            if (obj["kind"]?.GetValueKind() == System.Text.Json.JsonValueKind.String && (string?)obj["kind"] == "List" && obj["items"] is JsonArray items)
            {
                foreach (var item in items.OfType<JsonObject>())
                    manifests.Add(new Manifest((JsonObject)item.DeepClone(), (int)root.Start.Line));
                continue;
            }
            manifests.Add(new Manifest(obj, (int)root.Start.Line));
        }
        return manifests;
    }

    /// <summary>YamlDotNet prefixes its messages with positions; keep only the reason, in go-yaml's lower case.</summary>
    private static string Describe(YamlException e)
    {
        var message = (e.InnerException?.Message ?? e.Message).Trim().TrimEnd('.');
        var colon = message.IndexOf("): ", StringComparison.Ordinal);
        message = colon >= 0 ? message[(colon + 3)..] : message;
        return message.Length == 0 ? message : char.ToLowerInvariant(message[0]) + message[1..];
    }

    private static string Shape(YamlNode node) => node switch
    {
        YamlSequenceNode => "list",
        _ => "scalar value",
    };

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: "null" or "~" or "Null" or "NULL" };

    /// <summary>Deeper than any Kubernetes object nests, and shallow enough that converting never runs out of stack.</summary>
    private const int MaxDepth = 100;

    /// <summary>Aliases can repeat a subtree exponentially ("billion laughs"); go-yaml likewise refuses excessive aliasing.</summary>
    private const int MaxNodes = 200_000;

    private static JsonNode? ToNode(YamlNode root) => new Conversion().ToNode(root, 0);

    /// <summary>One document's conversion, counting the nodes it makes and the nodes it is inside, so aliases cannot make it endless.</summary>
    private sealed class Conversion
    {
        private readonly HashSet<YamlNode> _inside = new(ReferenceEqualityComparer.Instance);
        private int _nodes;

        public JsonNode? ToNode(YamlNode node, int depth)
        {
            if (++_nodes > MaxNodes) throw Refused(node, $"the document expands to more than {MaxNodes} values (excessive aliasing)");
            if (depth > MaxDepth) throw Refused(node, $"values nest deeper than {MaxDepth} levels");
            if (node is YamlScalarNode scalar) return Scalar(scalar);
            if (!_inside.Add(node)) throw Refused(node, "an alias refers to a value that contains it");
            try
            {
                return Collection(node, depth);
            }
            finally
            {
                _inside.Remove(node);
            }
        }

        private JsonNode Collection(YamlNode node, int depth)
        {
            switch (node)
            {
                case YamlMappingNode map:
                    var obj = new JsonObject();
                    foreach (var (key, value) in map.Children)
                    {
                        var name = key is YamlScalarNode s ? s.Value ?? "" : throw Refused(key, "a key must be a plain value");
                        if (obj.ContainsKey(name)) throw Refused(key, $"key \"{name}\" already set in map");
                        obj[name] = ToNode(value, depth + 1);
                    }
                    return obj;
                case YamlSequenceNode seq:
                    var array = new JsonArray();
                    foreach (var child in seq.Children) array.Add(ToNode(child, depth + 1));
                    return array;
                default:
                    throw Refused(node, "aliases are not supported");
            }
        }

        private static ManifestException Refused(YamlNode node, string reason) =>
            new($"error converting YAML to JSON: yaml: line {node.Start.Line}: {reason}");
    }

    /// <summary>Plain scalars take the YAML 1.2 core types; quoted and block scalars stay strings.</summary>
    private static JsonNode? Scalar(YamlScalarNode scalar)
    {
        var value = scalar.Value ?? "";
        if (scalar.Style != ScalarStyle.Plain) return JsonValue.Create(value);
        if (value is "" or "~" or "null" or "Null" or "NULL") return null;
        if (value is "true" or "True" or "TRUE") return JsonValue.Create(true);
        if (value is "false" or "False" or "FALSE") return JsonValue.Create(false);
        if (IntPattern().IsMatch(value) && long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var l))
            return JsonValue.Create(l);
        if (FloatPattern().IsMatch(value) && double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var d))
            return JsonValue.Create(d);
        return JsonValue.Create(value);
    }

    [GeneratedRegex(@"^[-+]?[0-9]+$")]
    private static partial Regex IntPattern();

    [GeneratedRegex(@"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")]
    private static partial Regex FloatPattern();
}
