using System.Text.Json.Nodes;
using Playground.Core.Serialization;

namespace Playground.Core.ApiServer.Patching;

/// <summary>RFC 6902 JSON patch: add, remove, replace, move, copy and test on JSON pointers, with evanphx/json-patch's messages.</summary>
public static class JsonPatch
{
    public static JsonNode Apply(JsonNode document, JsonArray operations)
    {
        var root = document.DeepClone();
        foreach (var op in operations)
        {
            if (op is not JsonObject o) throw new PatchException("json: cannot unmarshal into Go value of type jsonpatch.Operation");
            var kind = KubeJson.Text(o["op"]) ?? "";
            var path = KubeJson.Text(o["path"]) ?? throw new PatchException($"missing path in \"{kind}\" operation");
            switch (kind)
            {
                case "add": Add(root, path, Value(o, kind), kind); break;
                case "remove": Remove(root, path, kind); break;
                case "replace":
                    if (!Exists(root, path)) throw new PatchException($"replace operation does not apply: doc is missing key: {path}: missing value");
                    Remove(root, path, kind);
                    Add(root, path, Value(o, kind), kind);
                    break;
                case "move":
                {
                    var from = KubeJson.Text(o["from"]) ?? throw new PatchException("missing from in \"move\" operation");
                    if (!Exists(root, from)) throw new PatchException($"move operation does not apply: doc is missing from path: {from}: missing value");
                    var value = Find(root, from)?.DeepClone();
                    Remove(root, from, kind);
                    Add(root, path, value, kind);
                    break;
                }
                case "copy":
                {
                    var from = KubeJson.Text(o["from"]) ?? throw new PatchException("missing from in \"copy\" operation");
                    if (!Exists(root, from)) throw new PatchException($"copy operation does not apply: doc is missing from path: {from}: missing value");
                    Add(root, path, Find(root, from)?.DeepClone(), kind);
                    break;
                }
                case "test":
                    if (!Exists(root, path) || !JsonNode.DeepEquals(Find(root, path), o["value"]))
                        throw new PatchException($"testing value {path} failed: test failed");
                    break;
                default: throw new PatchException($"Unexpected kind: {kind}");
            }
        }
        return root;
    }


    private static JsonNode? Value(JsonObject o, string kind) =>
        o.TryGetPropertyValue("value", out var value) ? value?.DeepClone() : throw new PatchException($"missing value in \"{kind}\" operation");

    private static List<string> Parts(string path)
    {
        if (path.Length > 0 && path[0] != '/') throw new PatchException($"JSON pointer must be empty or start with a \"/\": {path}");
        return [.. path.Split('/').Skip(1).Select(p => p.Replace("~1", "/").Replace("~0", "~"))];
    }

    private static JsonNode? Child(JsonNode? node, string part) => node switch
    {
        JsonObject o => o[part],
        JsonArray a when int.TryParse(part, out var i) && i >= 0 && i < a.Count => a[i],
        _ => null,
    };

    private static bool Exists(JsonNode root, string path)
    {
        JsonNode? node = root;
        foreach (var part in Parts(path))
        {
            var found = node switch
            {
                JsonObject o => o.ContainsKey(part),
                JsonArray a => int.TryParse(part, out var i) && i >= 0 && i < a.Count,
                _ => false,
            };
            if (!found) return false;
            node = Child(node, part);
        }
        return true;
    }

    private static JsonNode? Find(JsonNode root, string path) => Parts(path).Aggregate((JsonNode?)root, Child);

    private static (JsonNode Parent, string Last) Parent(JsonNode root, string path, string kind)
    {
        var parts = Parts(path);
        if (parts.Count == 0) throw new PatchException($"{kind} operation does not apply: doc is missing path: \"{path}\": missing value");
        var node = root;
        foreach (var part in parts[..^1])
            node = Child(node, part) ?? throw new PatchException($"{kind} operation does not apply: doc is missing path: \"{path}\": missing value");
        return (node, parts[^1]);
    }

    private static void Add(JsonNode root, string path, JsonNode? value, string kind)
    {
        var (parent, last) = Parent(root, path, kind);
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a when last == "-": a.Add(value); break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count: a.Insert(i, value); break;
            case JsonArray: throw new PatchException($"Unable to access invalid index: {last}: invalid index referenced");
            default: throw new PatchException($"{kind} operation does not apply: doc is missing path: \"{path}\": missing value");
        }
    }

    private static void Remove(JsonNode root, string path, string kind)
    {
        var (parent, last) = Parent(root, path, kind);
        var removed = parent switch
        {
            JsonObject o => o.Remove(last),
            JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count => RemoveAt(a, i),
            _ => false,
        };
        if (!removed) throw new PatchException($"{kind} operation does not apply: doc is missing path: \"{path}\": missing value");
    }

    private static bool RemoveAt(JsonArray a, int i)
    {
        a.RemoveAt(i);
        return true;
    }
}
