using System.Text.Json.Nodes;
using Playground.Core.Serialization;

namespace Playground.Core.ApiServer.Patching;

/// <summary>
/// Applies a strategic merge patch (apimachinery's strategicpatch.StrategicMergePatch): maps merge, null deletes,
/// lists merge on their patchMergeKey, and the directives $patch (replace/delete/merge), $retainKeys,
/// $setElementOrder/LIST and $deleteFromPrimitiveList/LIST do what kubectl apply and edit expect of them.
/// </summary>
public static class StrategicMergePatch
{
    private const string SetElementOrder = "$setElementOrder/";
    private const string DeleteFromPrimitiveList = "$deleteFromPrimitiveList/";

    public static JsonObject Apply(JsonObject original, JsonObject patch) => MergeMap((JsonObject)original.DeepClone(), patch);

    /// <summary>Merges <paramref name="patch"/> into <paramref name="original"/> (a detached copy it may change) and returns the result.</summary>
    private static JsonObject MergeMap(JsonObject original, JsonObject patch)
    {
        switch (Directive(patch))
        {
            case "replace": return WithoutDirectives(patch);
            case "delete": return [];
            case null or "merge": break;
            case var other: throw new PatchException($"Unknown patch type: {other} in map: {patch.ToJsonString()}");
        }
        if (patch["$retainKeys"] is JsonArray retain)
        {
            var keep = retain.Select(k => k?.ToString()).ToHashSet();
            foreach (var key in original.Select(kv => kv.Key).Where(k => !keep.Contains(k)).ToList()) original.Remove(key);
        }
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith('$')) continue;
            if (value is null) original.Remove(key);
            else if (original[key] is JsonObject current && value is JsonObject change)
            {
                var merged = MergeMap(current, change);
                if (!ReferenceEquals(merged, current)) original[key] = merged;
            }
            else original[key] = Fresh(key, original[key] as JsonArray, value);
        }
        foreach (var (key, value) in patch)
        {
            if (key.StartsWith(DeleteFromPrimitiveList, StringComparison.Ordinal) && original[key[DeleteFromPrimitiveList.Length..]] is JsonArray list)
                foreach (var gone in (value as JsonArray ?? throw Malformed(key)).ToList())
                    foreach (var item in list.Where(i => JsonNode.DeepEquals(i, gone)).ToList()) list.Remove(item);
            if (key.StartsWith(SetElementOrder, StringComparison.Ordinal) && original[key[SetElementOrder.Length..]] is JsonArray ordered)
                original[key[SetElementOrder.Length..]] = Reorder(ordered, value as JsonArray ?? throw Malformed(key));
        }
        return original;
    }

    /// <summary>A new value for a field: a list merged onto the current list, a map merged onto nothing, or the patch's value itself.</summary>
    private static JsonNode? Fresh(string key, JsonArray? current, JsonNode value) => value switch
    {
        JsonObject map => MergeMap([], map),
        JsonArray list => MergeList(key, current ?? [], list),
        _ => value.DeepClone(),
    };

    private static JsonArray MergeList(string field, JsonArray original, JsonArray patch)
    {
        if (patch.Any(i => i is JsonObject o && Directive(o) == "replace"))
            return [.. patch.Where(i => !(i is JsonObject o && Directive(o) == "replace")).Select(i => i is JsonObject o ? WithoutDirectives(o) : i?.DeepClone())];
        if (patch.All(i => i is not JsonObject))
        {
            if (!PatchStrategies.MergesScalars(field)) return (JsonArray)patch.DeepClone();
            var union = original.Select(i => i?.DeepClone()).ToList();
            union.AddRange(patch.Where(p => !union.Any(u => JsonNode.DeepEquals(u, p))).Select(p => p?.DeepClone()));
            return [.. union];
        }
        if (PatchStrategies.MergeKey(field, patch) is not { } key) return [.. patch.Select(i => i is JsonObject o ? MergeMap([], o) : i?.DeepClone())];

        var result = original.Select(i => i?.DeepClone()).ToList();
        foreach (var item in patch)
        {
            if (item is not JsonObject change) throw new PatchException($"unable to find api field in struct for the list item {item?.ToJsonString()}");
            if (!change.TryGetPropertyValue(key, out var id))
                throw new PatchException($"map: {change.ToJsonString()} does not contain declared merge key: {key}");
            var index = result.FindIndex(i => i is JsonObject o && JsonNode.DeepEquals(o[key], id));
            if (Directive(change) == "delete")
                result.RemoveAll(i => i is JsonObject o && JsonNode.DeepEquals(o[key], id));
            else if (index >= 0) result[index] = MergeMap((JsonObject)result[index]!, change);
            else result.Add(MergeMap([], change));
        }
        return [.. result];
    }

    /// <summary>$setElementOrder: the listed items first, in the patch's order, then any the server added, in their own order.</summary>
    private static JsonArray Reorder(JsonArray list, JsonArray order)
    {
        var key = order.OfType<JsonObject>().FirstOrDefault()?.Select(kv => kv.Key).FirstOrDefault();
        JsonNode? Id(JsonNode? item) => key is null ? item : (item as JsonObject)?[key];
        var ids = order.Select(Id).ToList();
        int Rank(JsonNode? item) => ids.FindIndex(id => JsonNode.DeepEquals(id, Id(item))) is var i and >= 0 ? i : ids.Count;
        return [.. list.Select((item, index) => (item, index)).OrderBy(p => Rank(p.item)).ThenBy(p => p.index).Select(p => p.item?.DeepClone())];
    }

    private static string? Directive(JsonObject map) => KubeJson.Text(map["$patch"]);

    private static JsonObject WithoutDirectives(JsonObject map)
    {
        var copy = (JsonObject)map.DeepClone();
        foreach (var key in copy.Select(kv => kv.Key).Where(k => k.StartsWith('$')).ToList()) copy.Remove(key);
        return copy;
    }

    private static PatchException Malformed(string key) => new($"{key} must be a list");
}
