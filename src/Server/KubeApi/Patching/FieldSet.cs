using System.Text.Json.Nodes;
using Playground.Core.ApiServer.Patching;

namespace Playground.Server.KubeApi.Patching;

/// <summary>
/// The fields an object sets, as managedFields' FieldsV1 names them ("f:spec", "k:{\"name\":\"web\"}", "v:\"x\"", "."):
/// each path is one leaf, lists with a merge key are keyed by it, other lists are atomic.
/// </summary>
public static class FieldSet
{
    private const char Separator = '\u001f';

    /// <summary>Server-owned and identifying fields never belong to a manager.</summary>
    private static readonly HashSet<string> SkippedMetadata = ["name", "namespace", "uid", "resourceVersion", "generation", "creationTimestamp", "managedFields", "deletionTimestamp", "deletionGracePeriodSeconds", "selfLink"];

    /// <summary>The leaf paths of an object; <paramref name="part"/> is "status" for the status subresource, else the rest of the object.</summary>
    public static HashSet<string> Of(JsonObject obj, string? part = null)
    {
        var paths = new HashSet<string>();
        foreach (var (key, value) in obj)
        {
            if (key is "apiVersion" or "kind" || (key == "status") != (part == "status")) continue;
            if (key == "metadata" && value is JsonObject meta)
            {
                foreach (var (field, child) in meta)
                    if (!SkippedMetadata.Contains(field)) Walk(child, field, ["f:metadata", $"f:{field}"], paths);
            }
            else Walk(value, key, [$"f:{key}"], paths);
        }
        return paths;
    }

    private static void Walk(JsonNode? node, string field, List<string> prefix, HashSet<string> paths)
    {
        switch (node)
        {
            case JsonObject map when map.Count > 0:
                foreach (var (key, value) in map) Walk(value, key, [.. prefix, $"f:{key}"], paths);
                break;
            case JsonArray list when PatchStrategies.MergesScalars(field) && list.All(i => i is not JsonObject):
                foreach (var item in list) paths.Add(Join([.. prefix, $"v:{item?.ToJsonString() ?? "null"}"]));
                break;
            case JsonArray list when PatchStrategies.MergeKey(field, list) is { } key && list.All(i => i is JsonObject o && o.ContainsKey(key)):
                foreach (var item in list.OfType<JsonObject>())
                {
                    var itemPrefix = new List<string>([.. prefix, $"k:{new JsonObject { [key] = item[key]?.DeepClone() }.ToJsonString()}"]);
                    paths.Add(Join([.. itemPrefix, "."]));
                    foreach (var (k, v) in item) Walk(v, k, [.. itemPrefix, $"f:{k}"], paths);
                }
                break;
            default:
                paths.Add(Join(prefix));
                break;
        }
    }

    public static string[] Split(string path) => path.Split(Separator);

    private static string Join(IEnumerable<string> segments) => string.Join(Separator, segments);

    /// <summary>The value a path names in an object, or null when the object does not have it.</summary>
    public static JsonNode? Find(JsonNode? root, string path)
    {
        var node = root;
        foreach (var segment in Split(path))
        {
            if (node is null) return null;
            node = segment == "." ? node : Child(node, segment);
        }
        return node;
    }

    /// <summary>Whether two objects agree on a path: the same value at a leaf, the item present in both for a list item's "." (its existence, not its fields).</summary>
    public static bool Same(JsonNode? a, JsonNode? b, string path) =>
        path.EndsWith(Separator + ".", StringComparison.Ordinal) ? (Find(a, path) is null) == (Find(b, path) is null) : JsonNode.DeepEquals(Find(a, path), Find(b, path));

    private static JsonNode? Child(JsonNode node, string segment) => segment[..2] switch
    {
        "f:" => (node as JsonObject)?[segment[2..]],
        "k:" => (node as JsonArray)?.OfType<JsonObject>().FirstOrDefault(i => Matches(i, segment)),
        "v:" => (node as JsonArray)?.FirstOrDefault(i => i?.ToJsonString() == segment[2..]),
        _ => null,
    };

    private static bool Matches(JsonObject item, string keySegment) =>
        JsonNode.Parse(keySegment[2..]) is JsonObject key && key.All(kv => JsonNode.DeepEquals(item[kv.Key], kv.Value));

    /// <summary>Removes the field a path names (an item of a list for "k:…/." and "v:…"), if it is there.</summary>
    public static void Remove(JsonNode root, string path)
    {
        var segments = Split(path).ToList();
        if (segments[^1] == ".") segments.RemoveAt(segments.Count - 1);
        var parent = Find(root, Join(segments[..^1]));
        var last = segments[^1];
        if (parent is JsonObject o && last.StartsWith("f:", StringComparison.Ordinal)) o.Remove(last[2..]);
        if (parent is JsonArray a && Child(a, last) is { } item) a.Remove(item);
    }

    /// <summary>A path as structured-merge-diff prints it in conflicts: .spec.template.spec.containers[name="web"].image.</summary>
    public static string Describe(string path) => string.Concat(Split(path).Where(s => s != ".").Select(s => s[..2] switch
    {
        "f:" => $".{s[2..]}",
        "k:" => $"[{string.Join(',', (JsonNode.Parse(s[2..]) as JsonObject ?? []).Select(kv => $"{kv.Key}={kv.Value?.ToJsonString()}"))}]",
        _ => $"[={s[2..]}]",
    }));

    /// <summary>The nested FieldsV1 object of a set of paths.</summary>
    public static JsonObject ToFieldsV1(IEnumerable<string> paths)
    {
        var root = new JsonObject();
        foreach (var path in paths.Order(StringComparer.Ordinal))
        {
            var node = root;
            foreach (var segment in Split(path))
                node = node[segment] as JsonObject ?? (JsonObject)(node[segment] = new JsonObject());
        }
        return root;
    }

    public static HashSet<string> FromFieldsV1(JsonNode? fields)
    {
        var paths = new HashSet<string>();
        void Walk(JsonObject node, List<string> prefix)
        {
            foreach (var (key, child) in node)
            {
                if (child is JsonObject { Count: > 0 } inner) Walk(inner, [.. prefix, key]);
                else paths.Add(Join([.. prefix, key]));
            }
        }
        if (fields is JsonObject obj) Walk(obj, []);
        return paths;
    }
}
