using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Patching;
using Playground.Core.Simulation;

namespace Playground.Server.KubeApi.Patching;

/// <summary>
/// Server-side apply (application/apply-patch+yaml), a subset of structured-merge-diff without type schemas: the applied
/// configuration merges on upstream's merge keys, the manager owns exactly the fields it applied, fields it applied before
/// and no longer does (and nobody else owns) are removed, and setting another manager's field to a different value is
/// a 409 conflict unless force=true, which takes the field over.
/// </summary>
public static class ServerSideApply
{
    public static KubeResponse Handle(SimulatedCluster cluster, ResourceHandlers.Call call, PatchRequest patch)
    {
        var manager = FieldManager.Requested(call)
            ?? throw FieldManager.OptionsInvalid(call.Method, [FieldError.Required("fieldManager", "is required for apply patch")]);
        var force = call.Query["force"].ToString() == "true";
        var applied = patch.Parse() as JsonObject ?? throw ApiException.BadRequest("an apply patch must be an object");
        var path = call.Path;
        var wanted = FieldSet.Of(applied);
        var mine = new ManagedEntry(manager, "Apply", path.Type.ApiVersion, null, wanted);

        var existing = cluster.Api.TryGet(path.Type, path.Namespace, path.Name!);
        if (existing is null)
        {
            var created = PatchHandler.Decode(cluster, path, applied);
            created.Metadata.ManagedFields = ManagedFields.Write([mine], cluster.Api.Now, mine);
            return KubeResponse.Of(201, cluster.Api.Create(created, call.Write));
        }

        var live = path.Type.ToNode(existing);
        var entries = ManagedFields.Read(existing.Metadata.ManagedFields);
        var others = entries.Where(e => !e.IsApplyBy(manager)).ToList();
        var conflicts = others
            .SelectMany(e => e.Fields.Where(p => wanted.Contains(p) && !FieldSet.Same(live, applied, p)).Select(p => (Entry: e, Path: p)))
            .ToList();
        if (conflicts.Count > 0 && !force) throw Conflict(conflicts);
        foreach (var (entry, conflicted) in conflicts) entry.Fields.Remove(conflicted);

        var previous = entries.FirstOrDefault(e => e.IsApplyBy(manager))?.Fields ?? [];
        var ownedByOthers = others.SelectMany(e => e.Fields).ToHashSet();
        var merged = StrategicMergePatch.Apply(live, applied);
        // Shallowest paths first: a list item goes while its key still finds it, and its fields then find nothing to remove.
        foreach (var dropped in previous.Where(p => !wanted.Contains(p) && !ownedByOthers.Contains(p)).OrderBy(p => p.Length))
            FieldSet.Remove(merged, dropped);

        var obj = PatchHandler.Decode(cluster, path, merged);
        obj.Metadata.ManagedFields = ManagedFields.Write([.. others, mine], cluster.Api.Now, mine);
        return KubeResponse.Of(200, cluster.Api.Update(obj, call.Write));
    }

    /// <summary>structured-merge-diff's conflict error, worded as kube-apiserver words it (fieldmanager's getConflictMessage).</summary>
    private static ApiException Conflict(List<(ManagedEntry Entry, string Path)> conflicts)
    {
        var message = conflicts.Count == 1
            ? $"Apply failed with 1 conflict: conflict with {conflicts[0].Entry.Describe()}: {FieldSet.Describe(conflicts[0].Path)}"
            : $"Apply failed with {conflicts.Count} conflicts: " + string.Join('\n', conflicts.GroupBy(c => c.Entry.Describe()).OrderBy(g => g.Key, StringComparer.Ordinal)
                .Select(g => $"conflicts with {g.Key}:\n" + string.Join('\n', g.Select(c => $"- {FieldSet.Describe(c.Path)}"))));
        return new ApiException(new Status
        {
            Code = 409,
            Reason = "Conflict",
            Message = message,
            Details = new StatusDetails { Causes = [.. conflicts.Select(c => new StatusCause { Reason = "FieldManagerConflict", Message = $"conflict with {c.Entry.Describe()}", Field = FieldSet.Describe(c.Path) })] },
        });
    }
}
