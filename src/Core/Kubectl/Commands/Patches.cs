using System.Text.Json.Nodes;

namespace Playground.Core.Kubectl.Commands;

/// <summary>The three patch types the API accepts: strategic merge (on upstream's merge keys), JSON merge (RFC 7386) and JSON patch (RFC 6902).</summary>
public static class Patches
{
    public static JsonObject Apply(JsonObject live, string type, JsonNode patch) => type switch
    {
        "strategic" => WithoutNulls(ThreeWayMerge.Merge(live, null, patch as JsonObject ?? throw Bad("strategic"))),
        "merge" => (JsonObject)(MergePatch(live, patch) ?? new JsonObject()),
        "json" => JsonPatch(live, patch as JsonArray ?? throw new PatchException("json: cannot unmarshal object into Go value of type jsonpatch.Patch")),
        _ => throw new PatchException($"--type must be one of [json merge strategic], not \"{type}\""),
    };

    private static PatchException Bad(string type) => new($"{type} merge patch must be a JSON object");

    /// <summary>RFC 7386: objects merge key by key, null deletes, anything else replaces.</summary>
    private static JsonNode? MergePatch(JsonNode? target, JsonNode? patch)
    {
        if (patch is not JsonObject patchObject) return patch?.DeepClone();
        var result = target is JsonObject t ? (JsonObject)t.DeepClone() : new JsonObject();
        foreach (var (key, value) in patchObject)
        {
            if (value is null) result.Remove(key);
            else result[key] = MergePatch(result[key], value);
        }
        return result;
    }

    /// <summary>A strategic merge patch deletes a field by setting it to null.</summary>
    private static JsonObject WithoutNulls(JsonObject obj)
    {
        foreach (var key in obj.Where(kv => kv.Value is null).Select(kv => kv.Key).ToList()) obj.Remove(key);
        foreach (var (_, value) in obj)
        {
            if (value is JsonObject child) WithoutNulls(child);
            if (value is JsonArray list) foreach (var item in list.OfType<JsonObject>()) WithoutNulls(item);
        }
        return obj;
    }

    /// <summary>RFC 6902 operations on JSON pointers: add, remove, replace, move, copy, test.</summary>
    private static JsonObject JsonPatch(JsonObject live, JsonArray operations)
    {
        JsonNode root = live.DeepClone();
        foreach (var op in operations)
        {
            if (op is not JsonObject o) throw new PatchException("json: cannot unmarshal into Go value of type jsonpatch.Operation");
            var kind = o["op"]?.GetValue<string>() ?? "";
            var path = o["path"]?.GetValue<string>() ?? throw new PatchException($"missing path in \"{kind}\" operation");
            switch (kind)
            {
                case "add": Add(root, path, o["value"]?.DeepClone()); break;
                case "remove": Remove(root, path); break;
                case "replace": Remove(root, path); Add(root, path, o["value"]?.DeepClone()); break;
                case "move": { var from = o["from"]?.GetValue<string>() ?? ""; var value = Find(root, from); Remove(root, from); Add(root, path, value); break; }
                case "copy": Add(root, path, Find(root, o["from"]?.GetValue<string>() ?? "")?.DeepClone()); break;
                case "test":
                    if (Find(root, path)?.ToJsonString() != o["value"]?.ToJsonString()) throw new PatchException($"testing value {path} failed: test failed");
                    break;
                default: throw new PatchException($"Unexpected kind: {kind}");
            }
        }
        return (JsonObject)root;
    }

    private static (JsonNode Parent, string Last) Parent(JsonNode root, string path)
    {
        var parts = path.Split('/').Skip(1).Select(p => p.Replace("~1", "/").Replace("~0", "~")).ToList();
        if (parts.Count == 0) throw new PatchException($"replace operation does not apply: doc is missing path: \"{path}\"");
        var node = root;
        foreach (var part in parts[..^1])
            node = Child(node, part) ?? throw new PatchException($"doc is missing path: \"{path}\": missing value");
        return (node, parts[^1]);
    }

    private static JsonNode? Child(JsonNode node, string part) => node switch
    {
        JsonObject o => o[part],
        JsonArray a when int.TryParse(part, out var i) && i >= 0 && i < a.Count => a[i],
        _ => null,
    };

    private static JsonNode? Find(JsonNode root, string path)
    {
        var (parent, last) = Parent(root, path);
        return Child(parent, last) ?? throw new PatchException($"doc is missing path: \"{path}\": missing value");
    }

    private static void Add(JsonNode root, string path, JsonNode? value)
    {
        var (parent, last) = Parent(root, path);
        switch (parent)
        {
            case JsonObject o: o[last] = value; break;
            case JsonArray a when last == "-": a.Add(value); break;
            case JsonArray a when int.TryParse(last, out var i) && i >= 0 && i <= a.Count: a.Insert(i, value); break;
            default: throw new PatchException($"add operation does not apply: doc is missing path: \"{path}\": missing value");
        }
    }

    private static void Remove(JsonNode root, string path)
    {
        var (parent, last) = Parent(root, path);
        var removed = parent switch
        {
            JsonObject o => o.Remove(last),
            JsonArray a when int.TryParse(last, out var i) && i >= 0 && i < a.Count => RemoveAt(a, i),
            _ => false,
        };
        if (!removed) throw new PatchException($"remove operation does not apply: doc is missing path: \"{path}\": missing value");
    }

    private static bool RemoveAt(JsonArray a, int i) { a.RemoveAt(i); return true; }
}

/// <summary>A patch that cannot be applied: the API answers 400 (or 422 for a failed test) with this message.</summary>
public sealed class PatchException(string message) : Exception(message);
