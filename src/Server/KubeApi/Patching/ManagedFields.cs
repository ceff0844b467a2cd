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

    public static JsonArray? Write(IEnumerable<ManagedEntry> entries, DateTimeOffset now, ManagedEntry? touched)
    {
        var array = new JsonArray();
        foreach (var entry in entries.Where(e => e.Fields.Count > 0))
        {
            var node = new JsonObject
            {
                ["manager"] = entry.Manager,
                ["operation"] = entry.Operation,
                ["apiVersion"] = entry.ApiVersion,
                ["time"] = ReferenceEquals(entry, touched) || entry.Time is null ? KubeJson.FormatTime(now) : entry.Time,
                ["fieldsType"] = "FieldsV1",
                ["fieldsV1"] = FieldSet.ToFieldsV1(entry.Fields),
            };
            if (entry.Subresource is { } subresource) node["subresource"] = subresource;
            array.Add(node);
        }
        return array.Count == 0 ? null : array;
    }

    /// <summary>An update takes the fields it changed from whoever had them (structured-merge-diff's update, without its type schema).</summary>
    public static void RecordUpdate(KubeObject obj, JsonObject before, JsonObject after, string manager, string apiVersion, DateTimeOffset now, string? subresource)
    {
        var part = subresource == "status" ? "status" : null;
        var old = FieldSet.Of(before, part);
        var changed = FieldSet.Of(after, part).Where(p => !old.Contains(p) || !JsonNode.DeepEquals(FieldSet.Find(before, p), FieldSet.Find(after, p))).ToHashSet();
        if (changed.Count == 0) return;
        var entries = Read(obj.Metadata.ManagedFields);
        foreach (var entry in entries) entry.Fields.ExceptWith(changed);
        var mine = entries.FirstOrDefault(e => e.Manager == manager && e.Operation == "Update" && e.Subresource == subresource);
        if (mine is null) entries.Add(mine = new ManagedEntry(manager, "Update", apiVersion, subresource, []));
        mine.Fields.UnionWith(changed);
        obj.Metadata.ManagedFields = Write(entries, now, mine);
    }
}
