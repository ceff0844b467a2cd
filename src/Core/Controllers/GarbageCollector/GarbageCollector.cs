using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Core.Controllers.GarbageCollector;

/// <summary>
/// Upstream's garbage collector: deletes objects whose owners are gone (matched by uid), carries out foreground
/// deletion (dependents first, then the owner's foregroundDeletion finalizer) and orphaning (owner references
/// removed from dependents, then the orphan finalizer). It watches every kind, as upstream's graph builder does.
/// </summary>
public sealed class GarbageCollector : IComponent
{
    public const string Actor = "garbage-collector";
    private const string ForegroundFinalizer = "foregroundDeletion";
    private const string OrphanFinalizer = "orphan";

    private readonly ApiServer.ApiServer _api;
    private readonly Store _store;
    private readonly ResourceRegistry _resources;
    private readonly DependencyGraph _graph = new();
    private readonly ControllerQueue _attemptToDelete;
    private readonly ControllerQueue _attemptToOrphan;

    public GarbageCollector(ClusterServices services)
    {
        _api = services.Api;
        _store = services.Api.Store;
        _resources = services.Api.Resources;
        _attemptToDelete = new ControllerQueue(services.Loop, AttemptToDelete);
        _attemptToOrphan = new ControllerQueue(services.Loop, AttemptToOrphan);
    }

    public string Name => Actor;

    public void Start()
    {
        foreach (var record in _store.All().ToList()) Observe(record.Key, record.Object, cause: null);
        _store.Watch(_store.Revision, OnWrite);
    }

    private void OnWrite(WriteRecord record)
    {
        if (record.Type == WriteType.Deleted)
        {
            // Its dependents lost an owner; owners waiting for it in a foreground deletion may finish.
            foreach (var dependent in _graph.DependentsOf(record.Object.Metadata.Uid ?? "")) _attemptToDelete.Add(dependent.ToString(), record.Revision);
            foreach (var owner in _graph.Forget(record.Key)) EnqueueIfDeletingDependents(owner, record.Revision);
            return;
        }
        Observe(record.Key, record.Object, record.Revision);
    }

    private void Observe(ObjectKey key, KubeObject obj, long? cause)
    {
        foreach (var released in _graph.Observe(key, obj)) EnqueueIfDeletingDependents(released, cause);
        var meta = obj.Metadata;
        if (meta.DeletionTimestamp is not null)
        {
            if (meta.Finalizers?.Contains(ForegroundFinalizer) == true)
            {
                _attemptToDelete.Add(key.ToString(), cause);
                foreach (var dependent in _graph.DependentsOf(meta.Uid ?? "")) _attemptToDelete.Add(dependent.ToString(), cause);
            }
            if (meta.Finalizers?.Contains(OrphanFinalizer) == true) _attemptToOrphan.Add(key.ToString(), cause);
            return;
        }
        if ((meta.OwnerReferences ?? []).Any(r => Classify(key, r) is not Owner.Solid)) _attemptToDelete.Add(key.ToString(), cause);
    }

    private void EnqueueIfDeletingDependents(string ownerUid, long? cause)
    {
        if (_graph.KeyOf(ownerUid) is { } key && IsDeletingDependents(_store.Get(key)?.Object)) _attemptToDelete.Add(key.ToString(), cause);
    }

    private enum Owner { Solid, Dangling, WaitingForDependentsDeletion }

    /// <summary>Solid: the owner exists (same uid) and is not deleting its dependents first; dangling: it is gone or was replaced.</summary>
    private Owner Classify(ObjectKey dependent, OwnerReference reference)
    {
        // An owner of a kind this API does not serve cannot be judged: leave the dependent alone.
        if (_resources.ByKind(reference.ApiVersion, reference.Kind) is not { } type) return Owner.Solid;
        var owner = _store.Get(ApiServer.ApiServer.Key(type, dependent.Namespace, reference.Name))?.Object;
        if (owner is null || owner.Metadata.Uid != reference.Uid) return Owner.Dangling;
        return IsDeletingDependents(owner) ? Owner.WaitingForDependentsDeletion : Owner.Solid;
    }

    private void AttemptToDelete(string key, long? cause)
    {
        if (_store.Get(ParseKey(key)) is not { } record) return;
        var item = record.Object;
        var context = new WriteContext(Actor, cause);
        if (item.Metadata.DeletionTimestamp is not null)
        {
            if (IsDeletingDependents(item)) ProcessDeletingDependents(record, context);
            return;
        }
        var references = item.Metadata.OwnerReferences ?? [];
        if (references.Count == 0) return;

        var classified = references.Select(r => (Reference: r, Kind: Classify(record.Key, r))).ToList();
        if (classified.Any(c => c.Kind == Owner.Solid))
        {
            // Solid owners keep it; references to gone or foreground-deleting owners are dropped.
            var stale = classified.Where(c => c.Kind != Owner.Solid).Select(c => c.Reference.Uid).ToHashSet();
            if (stale.Count > 0) Update(record, obj => obj.Metadata.OwnerReferences!.RemoveAll(r => stale.Contains(r.Uid)), context);
            return;
        }
        var waiting = classified.Any(c => c.Kind == Owner.WaitingForDependentsDeletion);
        var policy = waiting && _graph.DependentsOf(item.Metadata.Uid ?? "").Count > 0 ? "Foreground"
            : item.Metadata.Finalizers?.Contains(OrphanFinalizer) == true ? "Orphan"
            : item.Metadata.Finalizers?.Contains(ForegroundFinalizer) == true ? "Foreground"
            : "Background";
        Delete(record, policy, context);
    }

    /// <summary>A foreground deletion ends when no dependent blocks it: until then, its blocking dependents are deleted.</summary>
    private void ProcessDeletingDependents(WriteRecord owner, WriteContext context)
    {
        var uid = owner.Object.Metadata.Uid ?? "";
        var blocking = _graph.DependentsOf(uid)
            .Select(k => _store.Get(k))
            .OfType<WriteRecord>()
            .Where(d => d.Object.Metadata.OwnerReferences?.Any(r => r.Uid == uid && r.BlockOwnerDeletion == true) == true)
            .ToList();
        if (blocking.Count == 0)
        {
            Update(owner, obj => obj.Metadata.Finalizers!.Remove(ForegroundFinalizer), context);
            return;
        }
        foreach (var dependent in blocking.Where(d => !IsDeletingDependents(d.Object)))
            _attemptToDelete.Add(dependent.Key.ToString(), context.Cause);
    }

    /// <summary>Orphaning: every dependent loses its reference to the owner, then the owner loses its orphan finalizer.</summary>
    private void AttemptToOrphan(string key, long? cause)
    {
        if (_store.Get(ParseKey(key)) is not { } owner) return;
        var meta = owner.Object.Metadata;
        if (meta.DeletionTimestamp is null || meta.Finalizers?.Contains(OrphanFinalizer) != true) return;
        var context = new WriteContext(Actor, cause);
        var uid = meta.Uid ?? "";
        foreach (var dependent in _graph.DependentsOf(uid).Select(k => _store.Get(k)).OfType<WriteRecord>())
            Update(dependent, obj => obj.Metadata.OwnerReferences?.RemoveAll(r => r.Uid == uid), context);
        Update(owner, obj => obj.Metadata.Finalizers!.Remove(OrphanFinalizer), context);
    }

    private static bool IsDeletingDependents(KubeObject? obj) =>
        obj?.Metadata.DeletionTimestamp is not null && obj.Metadata.Finalizers?.Contains(ForegroundFinalizer) == true;

    private void Update(WriteRecord record, Action<KubeObject> change, WriteContext context)
    {
        var copy = KubeJson.Deserialize(record.Utf8Json.Span, record.Object.GetType());
        change(copy);
        if (copy.Metadata.OwnerReferences is { Count: 0 }) copy.Metadata.OwnerReferences = null;
        try
        {
            _api.Update(copy, context);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Gone in the meantime: nothing left to change.
        }
    }

    private void Delete(WriteRecord record, string policy, WriteContext context)
    {
        var type = _resources.For(record.Object.GetType());
        var options = new DeleteOptions { PropagationPolicy = policy, Preconditions = new Preconditions { Uid = record.Object.Metadata.Uid } };
        try
        {
            _api.Delete(type, record.Key.Namespace, record.Key.Name, context, options);
        }
        catch (ApiException e) when (e.Code is 404 or 409)
        {
            // Gone, or replaced by a new object of the same name that this decision was not about.
        }
    }

    /// <summary>Queue keys are <see cref="ObjectKey"/>s as text: "resource/namespace/name" or "resource/name".</summary>
    private static ObjectKey ParseKey(string key)
    {
        var parts = key.Split('/');
        return parts.Length == 3 ? new ObjectKey(parts[0], parts[1], parts[2]) : new ObjectKey(parts[0], null, parts[1]);
    }
}
