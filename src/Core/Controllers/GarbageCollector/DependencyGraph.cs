using Playground.Core.Api.Meta;
using Playground.Core.Storage;

namespace Playground.Core.Controllers.GarbageCollector;

/// <summary>
/// Upstream's GC graph in miniature: where every object (by uid) lives, and which objects name each uid as an owner.
/// Kept current from the store's watch, so the collector never scans the whole store.
/// </summary>
internal sealed class DependencyGraph
{
    private readonly Dictionary<string, ObjectKey> _keys = [];
    private readonly Dictionary<ObjectKey, (string Uid, List<string> Owners)> _nodes = [];
    private readonly Dictionary<string, HashSet<ObjectKey>> _dependents = [];

    /// <summary>Records an object's current owners; returns the owner uids it named before and no longer does.</summary>
    public List<string> Observe(ObjectKey key, KubeObject obj)
    {
        var dropped = Forget(key);
        var uid = obj.Metadata.Uid ?? "";
        var owners = (obj.Metadata.OwnerReferences ?? []).Select(r => r.Uid).Distinct().ToList();
        _keys[uid] = key;
        _nodes[key] = (uid, owners);
        foreach (var owner in owners)
        {
            if (!_dependents.TryGetValue(owner, out var set)) _dependents[owner] = set = [];
            set.Add(key);
        }
        dropped.RemoveAll(owners.Contains);
        return dropped;
    }

    /// <summary>Removes an object; returns the owner uids it named.</summary>
    public List<string> Forget(ObjectKey key)
    {
        if (!_nodes.Remove(key, out var node)) return [];
        if (_keys.TryGetValue(node.Uid, out var at) && at == key) _keys.Remove(node.Uid);
        foreach (var owner in node.Owners)
        {
            if (!_dependents.TryGetValue(owner, out var set)) continue;
            set.Remove(key);
            if (set.Count == 0) _dependents.Remove(owner);
        }
        return node.Owners;
    }

    public ObjectKey? KeyOf(string uid) => _keys.TryGetValue(uid, out var key) ? key : null;

    /// <summary>Objects naming <paramref name="ownerUid"/> as an owner, in key order.</summary>
    public List<ObjectKey> DependentsOf(string ownerUid) =>
        _dependents.TryGetValue(ownerUid, out var set) ? [.. set.OrderBy(k => k.ToString(), StringComparer.Ordinal)] : [];
}
