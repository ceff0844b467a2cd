using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.Serialization;

namespace Playground.Server.KubeApi.Patching;

/// <summary>One metadata.managedFields entry: who set which fields, by apply or by update, through which subresource.</summary>
public sealed record ManagedEntry(string Manager, string Operation, string ApiVersion, string? Subresource, HashSet<string> Fields, string? Time = null)
{
    public bool IsApplyBy(string manager) => Manager == manager && Operation == "Apply" && Subresource is null;

    /// <summary>How upstream names a manager in a conflict: "kubectl" with subresource "scale" using apps/v1.</summary>
    public string Describe() =>
        $"\"{Manager}\"{(Subresource is null ? "" : $" with subresource \"{Subresource}\"")}{(Operation == "Update" ? $" using {ApiVersion}" : "")}";
}

/// <summary>Reads and writes metadata.managedFields, and credits each update's changed fields to the manager that made it.</summary>
public static class ManagedFields
{
    public static List<ManagedEntry> Read(JsonArray? entries) =>
    [
        .. (entries ?? []).OfType<JsonObject>().Select(e => new ManagedEntry(
            e["manager"]?.ToString() ?? "", e["operation"]?.ToString() ?? "Update", e["apiVersion"]?.ToString() ?? "",
            e["subresource"]?.ToString(), FieldSet.FromFieldsV1(e["fieldsV1"]), e["time"]?.ToString())),
    ];

    /// <summary>The entries with fields, in upstream's order: Apply before Update, then oldest first, then by manager.</summary>
    public static JsonArray? Write(IEnumerable<ManagedEntry> entries, DateTimeOffset now, ManagedEntry? touched)
    {
        var timed = entries
            .Where(e => e.Fields.Count > 0)
            .Select(e => (Entry: e, Time: ReferenceEquals(e, touched) || e.Time is null ? KubeJson.FormatTime(now) : e.Time))
            .OrderBy(e => e.Entry.Operation, StringComparer.Ordinal)
            .ThenBy(e => e.Time, StringComparer.Ordinal)
            .ThenBy(e => e.Entry.Manager, StringComparer.Ordinal)
            .ThenBy(e => e.Entry.ApiVersion, StringComparer.Ordinal)
            .ThenBy(e => e.Entry.Subresource ?? "", StringComparer.Ordinal);
        var array = new JsonArray();
        foreach (var (entry, time) in timed)
        {
            var node = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldSet.ToFieldsV1(entry.Fields),
            };
            if (entry.Subresource is { } subresource) node["subresource"] = subresource;
            array.Add(node);
        }
        return array.Count == 0 ? null : array;
    }

    /// <summary>
    /// Credits an update's changes to its manager (structured-merge-diff's Update, without its type schema): fields it
    /// added or changed become the manager's alone, fields it removed are nobody's. The entries are the request's when it
    /// sets some (an empty list resets them), else the live object's, and always the live object's on a subresource.
    /// </summary>
    /// <param name="before">The live object's JSON, or an empty object for a create.</param>
    public static void RecordUpdate(KubeObject obj, JsonObject before, JsonObject after, string manager, string apiVersion, DateTimeOffset now, string? subresource)
    {
        var part = subresource == "status" ? "status" : null;
        var old = FieldSet.Of(before, part);
        var current = FieldSet.Of(after, part);
        var changed = current.Where(p => !old.Contains(p) || !FieldSet.Same(before, after, p)).ToHashSet();
        var removed = old.Where(p => !current.Contains(p)).ToHashSet();
        var requested = obj.Metadata.ManagedFields;
        var entries = subresource is not null || requested is null ? Read(before["metadata"]?["managedFields"] as JsonArray)
            : IsReset(requested) ? [] : Read(requested);
        ManagedEntry? mine = null;
        if (changed.Count > 0 || removed.Count > 0)
        {
            foreach (var entry in entries) entry.Fields.ExceptWith([.. changed, .. removed]);
            mine = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == "Update" && e.Subresource == subresource);
            if (mine is null) entries.Add(mine = new ManagedEntry(manager, "Update", apiVersion, subresource, []));
            mine.Fields.UnionWith(changed);
        }
        obj.Metadata.ManagedFields = Write(entries, now, mine);
    }

    /// <summary>A create is an update of nothing: the manager gets every field the object sets.</summary>
    public static KubeObject OnCreate(KubeObject obj, ResourceHandlers.Call call, DateTimeOffset now)
    {
        RecordUpdate(obj, [], call.Path.Type.ToNode(obj), FieldManager.Of(call), call.Path.Type.ApiVersion, now, subresource: null);
        return obj;
    }

    /// <summary>A PUT: the manager gets the fields that differ from the live object (a missing object is the update's own 404).</summary>
    public static KubeObject OnUpdate(Playground.Core.ApiServer.ApiServer api, KubeObject obj, ResourceHandlers.Call call)
    {
        var path = call.Path;
        if (api.TryGet(path.Type, path.Namespace, path.Name!) is { } live)
            RecordUpdate(obj, path.Type.ToNode(live), path.Type.ToNode(obj), FieldManager.Of(call), path.Type.ApiVersion, api.Now, subresource: null);
        return obj;
    }

    /// <summary>upstream's isResetManagedFields: [] or [{}] clears the record instead of leaving it as it was.</summary>
    private static bool IsReset(JsonArray entries) =>
        entries.Count == 0 || (entries.Count == 1 && entries[0] is JsonObject { Count: 0 });
}
