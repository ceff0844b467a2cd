using Playground.Core.Api.Apps;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.Deployments;
using Playground.Core.Controllers.History;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers.DaemonSets;

/// <summary>Upstream's daemon history: the ControllerRevision of the current template (named by its pod-template hash) and the old ones.</summary>
public sealed partial class DaemonSetController
{
    private (ControllerRevision Current, List<ControllerRevision> Old) ConstructHistory(DaemonSet ds, WriteContext context)
    {
        var owned = ControllerHistory.Owned(_revisions.List(ds.Metadata.Namespace), ds);
        var data = ControllerHistory.Patch(ds.Spec.Template);
        var matching = owned.Where(r => r.Data?.ToJsonString() == data.ToJsonString()).ToList();
        var old = owned.Except(matching).ToList();
        var next = old.Count == 0 ? 1 : old.Max(r => r.Revision) + 1;
        if (matching.Count == 0) return (Snapshot(ds, data, next, context), old);
        // Duplicates of the current revision (possible after a collision) are folded into the newest one.
        var current = matching.OrderByDescending(r => r.Revision).First();
        foreach (var duplicate in matching.Where(r => r != current))
        {
            try { _api.Delete<ControllerRevision>(duplicate.Metadata.Namespace, duplicate.Metadata.Name!, context); }
            catch (ApiException e) when (e.Code == 404) { }
        }
        return (current.Revision < next ? ControllerHistory.Renumber(_api, current, next, context) : current, old);
    }

    /// <summary>Upstream's snapshot: a taken name with other data bumps status.collisionCount and the sync is retried.</summary>
    private ControllerRevision Snapshot(DaemonSet ds, System.Text.Json.Nodes.JsonObject data, long revision, WriteContext context)
    {
        var hash = Templates.Hash(ds.Spec.Template, ds.Status?.CollisionCount);
        var labels = ds.Spec.Template.Metadata?.Labels is { } templateLabels ? new Dictionary<string, string>(templateLabels) : [];
        labels[ControllerHistory.HashLabel] = hash;
        var history = new ControllerRevision
        {
            Metadata = new()
            {
                Name = $"{ds.Metadata.Name}-{hash}",
                Namespace = ds.Metadata.Namespace,
                Labels = labels,
                Annotations = ds.Metadata.Annotations is null ? null : new(ds.Metadata.Annotations),
                OwnerReferences = [ControllerRefs.For(ds)],
            },
            Data = data,
            Revision = revision,
        };
        try
        {
            return _api.Create(history, context);
        }
        catch (ApiException e) when (e.Reason == "AlreadyExists")
        {
            var existing = _api.Get<ControllerRevision>(ds.Metadata.Namespace, history.Metadata.Name);
            if (existing.Data?.ToJsonString() == data.ToJsonString()) return existing;
            var copy = KubeJson.Clone(ds);
            copy.Status ??= new DaemonSetStatus();
            copy.Status.CollisionCount = (copy.Status.CollisionCount ?? 0) + 1;
            _api.UpdateStatus(copy, context);
            throw;
        }
    }

    /// <summary>Upstream's cleanupHistory: the oldest revisions no live pod runs go, beyond revisionHistoryLimit.</summary>
    private void CleanupHistory(DaemonSet ds, List<ControllerRevision> old, WriteContext context)
    {
        var toKill = old.Count - (ds.Spec.RevisionHistoryLimit ?? 10);
        if (toKill <= 0) return;
        var liveHashes = NodesToDaemonPods(ds, context).Values.SelectMany(p => p)
            .Select(p => p.Metadata.Labels?.GetValueOrDefault(ControllerHistory.HashLabel)).OfType<string>().ToHashSet();
        foreach (var revision in old.OrderBy(r => r.Revision))
        {
            if (toKill <= 0) break;
            if (liveHashes.Contains(revision.Metadata.Labels?.GetValueOrDefault(ControllerHistory.HashLabel) ?? "")) continue;
            try { _api.Delete<ControllerRevision>(revision.Metadata.Namespace, revision.Metadata.Name!, context); }
            catch (ApiException e) when (e.Code == 404) { }
            toKill--;
        }
    }
}
