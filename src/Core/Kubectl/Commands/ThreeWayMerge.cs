using System.Text.Json.Nodes;
using Playground.Core.ApiServer.Patching;

namespace Playground.Core.Kubectl.Commands;

/// <summary>
/// What kubectl apply's strategic merge patch does to the live object: fields of the new manifest win, fields the
/// last applied manifest had and the new one drops are removed, and everything else (defaults, status, fields other
/// writers own) stays. Lists of containers, ports, env, volumes and mounts merge item by item on their merge key;
/// other lists are replaced.
/// </summary>
public static class ThreeWayMerge
{
    public static JsonObject Merge(JsonObject live, JsonObject? original, JsonObject desired)
    {
        var result = (JsonObject)live.DeepClone();
        foreach (var (key, value) in desired)
            result[key] = MergeValue(key, live[key], original?[key], value);
        foreach (var (key, _) in original ?? [])
            if (!desired.ContainsKey(key)) result.Remove(key);
        return result;
    }

    private static JsonNode? MergeValue(string key, JsonNode? live, JsonNode? original, JsonNode? desired)
    {
        if (desired is JsonObject d && live is JsonObject l) return Merge(l, original as JsonObject, d);
        if (desired is JsonArray da && live is JsonArray la && MergeKey(key, da) is { } mergeKey)
            return MergeList(mergeKey, la, original as JsonArray, da);
        return desired?.DeepClone();
    }

    /// <summary>The list's patchMergeKey, when every desired item has it (otherwise the list is replaced).</summary>
    private static string? MergeKey(string field, JsonArray desired) =>
        PatchStrategies.MergeKey(field, desired) is { } key && desired.All(i => i is JsonObject o && o.ContainsKey(key)) ? key : null;

    private static JsonArray MergeList(string key, JsonArray live, JsonArray? original, JsonArray desired)
    {
        string? Id(JsonNode? item) => (item as JsonObject)?[key]?.ToJsonString();
        JsonObject? Find(JsonArray? list, string? id) => list?.OfType<JsonObject>().FirstOrDefault(i => Id(i) == id);

        var result = new JsonArray();
        foreach (var item in desired.OfType<JsonObject>())
        {
            var id = Id(item);
            result.Add(Find(live, id) is { } current ? Merge(current, Find(original, id), item) : item.DeepClone());
        }
        // Items someone else added (not in the last applied manifest) are kept, as a strategic merge patch keeps them.
        foreach (var item in live.OfType<JsonObject>())
            if (Find(desired, Id(item)) is null && Find(original, Id(item)) is null) result.Add(item.DeepClone());
        return result;
    }
}
