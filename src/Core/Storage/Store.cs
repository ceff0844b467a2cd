using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;

namespace Playground.Core.Storage;

/// <summary>
/// The sandbox's etcd: one revision counter, the latest version of every object, a bounded window of past writes
/// for watches, and the writes not yet handed to the journal. Only the API server writes to it. A write keeps its JSON
/// while it is in the window, where updates and watches want it; older objects, most of a big cluster, keep only the object.
/// </summary>
public sealed class Store(int historyWindow = 5000)
{
    private readonly Dictionary<string, SortedDictionary<ObjectKey, WriteRecord>> _byResource = [];
    private readonly HashSet<string> _actors = [];
    private readonly LinkedList<WriteRecord> _history = new();
    private readonly List<Action<WriteRecord>> _watchers = [];
    private List<WriteRecord> _uncommitted = [];

    public long Revision { get; private set; }

    /// <summary>Writes at or below this revision are no longer in the window: watching from before it is 410 Gone.</summary>
    public long CompactedRevision { get; private set; }

    public int Count => _byResource.Values.Sum(r => r.Count);

    /// <summary>How many objects of one resource (its plural) are stored.</summary>
    public int CountOf(string resource) => _byResource.TryGetValue(resource, out var objects) ? objects.Count : 0;

    /// <summary>The stored version of an object; shared, so callers that change it must clone first.</summary>
    public WriteRecord? Get(ObjectKey key) =>
        _byResource.TryGetValue(key.Resource, out var objects) && objects.TryGetValue(key, out var record) ? record : null;

    /// <summary>Objects of one resource in etcd's key order (namespace, then name), optionally within one namespace.</summary>
    public IEnumerable<WriteRecord> List(string resource, string? ns = null)
    {
        if (!_byResource.TryGetValue(resource, out var objects)) return [];
        return ns is null ? objects.Values : objects.Values.Where(r => r.Key.Namespace == ns);
    }

    public IEnumerable<WriteRecord> All() => _byResource.Values.SelectMany(r => r.Values);

    /// <summary>
    /// Objects of one resource as they were at <paramref name="revision"/>, in key order: today's, with the writes made
    /// since then undone from the window. Null when that state is gone: the revision is compacted, or an object written
    /// since was last written before the window, whose older value the store keeps no more than a compacted etcd does.
    /// </summary>
    public IReadOnlyList<WriteRecord>? ListAt(string resource, string? ns, long revision)
    {
        if (revision >= Revision) return [.. List(resource, ns)];
        if (revision < CompactedRevision) return null;
        // Keys written since the revision, with the type of their earliest write since; each leaves once its value at the revision is found.
        var changed = new Dictionary<ObjectKey, WriteType>();
        var then = new Dictionary<ObjectKey, WriteRecord?>();
        for (var node = _history.Last; node is not null; node = node.Previous)
        {
            var write = node.Value;
            if (write.Revision <= revision && changed.Count == 0) break;
            if (write.Key.Resource != resource || (ns is not null && write.Key.Namespace != ns)) continue;
            if (write.Revision > revision) changed[write.Key] = write.Type;
            else if (changed.Remove(write.Key)) then[write.Key] = write.Type == WriteType.Deleted ? null : write;
        }
        foreach (var (key, earliest) in changed)
        {
            // An object first created since did not exist at the revision; any other's value then has left the window.
            if (earliest != WriteType.Added) return null;
            then[key] = null;
        }
        if (then.Count == 0) return [.. List(resource, ns)];
        var state = new SortedDictionary<ObjectKey, WriteRecord>(EtcdKeyOrder.Instance);
        foreach (var record in List(resource, ns))
            if (!then.ContainsKey(record.Key)) state[record.Key] = record;
        foreach (var (key, record) in then)
            if (record is not null) state[key] = record;
        return [.. state.Values];
    }

    /// <param name="json">The object serialized just before, at its previous resourceVersion, if the caller has it: then only the version changes in the text.</param>
    internal WriteRecord Commit(WriteType type, ObjectKey key, ResourceType resourceType, KubeObject obj, WriteContext context, DateTimeOffset now, byte[]? json = null)
    {
        var revision = Revision + 1;
        var previous = obj.Metadata.ResourceVersion;
        obj.Metadata.ResourceVersion = revision.ToString();
        var serialized = (json is null ? null : KubeJson.WithResourceVersion(json, previous, obj.Metadata.ResourceVersion)) ?? KubeJson.SerializeToUtf8(obj);
        var record = new WriteRecord(revision, type, key, resourceType.Kind, obj, serialized, Shared(context.Actor), context.Cause, now);
        Revision = revision;
        var objects = Objects(key.Resource);
        if (type == WriteType.Deleted) objects.Remove(key);
        else objects[key] = record;
        Remember(record);
        _uncommitted.Add(record);
        foreach (var watcher in _watchers.ToArray()) watcher(record);
        return record;
    }

    /// <summary>Calls <paramref name="handler"/> for every write after <paramref name="afterRevision"/>: first from the window, then as they happen.</summary>
    public IDisposable Watch(long afterRevision, Action<WriteRecord> handler)
    {
        foreach (var record in History(afterRevision)) handler(record);
        _watchers.Add(handler);
        return new Subscription(() => _watchers.Remove(handler));
    }

    public IReadOnlyList<WriteRecord> History(long afterRevision)
    {
        if (afterRevision < CompactedRevision)
            throw ApiException.Gone($"too old resource version: {afterRevision} ({CompactedRevision + 1})");
        // Walk back from the newest write: callers mostly ask for the last few.
        var tail = new List<WriteRecord>();
        for (var node = _history.Last; node is not null && node.Value.Revision > afterRevision; node = node.Previous)
            tail.Add(node.Value);
        tail.Reverse();
        return tail;
    }

    /// <summary>Hands over the writes made since the last call, for the journal.</summary>
    public IReadOnlyList<WriteRecord> TakeUncommitted()
    {
        var taken = _uncommitted;
        _uncommitted = [];
        return taken;
    }

    /// <summary>Loads a persisted state: the live objects at their revisions, and the tail of the write log as history.</summary>
    internal void Load(long revision, IEnumerable<WriteRecord> objects, IEnumerable<WriteRecord> history)
    {
        Revision = revision;
        var tail = history.Where(r => r.Revision <= revision).OrderBy(r => r.Revision).ToList();
        CompactedRevision = tail.Count > 0 ? tail[0].Revision - 1 : revision;
        foreach (var record in objects)
        {
            if (record.Revision <= CompactedRevision) record.Cool();
            Objects(record.Key.Resource)[record.Key] = record;
        }
        foreach (var record in tail) Remember(record);
    }

    private void Remember(WriteRecord record)
    {
        _history.AddLast(record);
        while (_history.Count > historyWindow)
        {
            CompactedRevision = _history.First!.Value.Revision;
            _history.First.Value.Cool();
            _history.RemoveFirst();
        }
    }

    private SortedDictionary<ObjectKey, WriteRecord> Objects(string resource)
    {
        if (!_byResource.TryGetValue(resource, out var objects))
            _byResource[resource] = objects = new SortedDictionary<ObjectKey, WriteRecord>(EtcdKeyOrder.Instance);
        return objects;
    }

    /// <summary>The one copy of an actor's name: the same few components write hundreds of thousands of records.</summary>
    private string Shared(string actor)
    {
        if (_actors.TryGetValue(actor, out var shared)) return shared;
        _actors.Add(actor);
        return actor;
    }

    /// <summary>
    /// The ordinal order of etcd's keys "namespace/name" (or "name"), without making that string for every object.
    /// Namespaces hold no '/', so where one is a prefix of the other the '/' that would follow it decides.
    /// </summary>
    private sealed class EtcdKeyOrder : IComparer<ObjectKey>
    {
        public static readonly EtcdKeyOrder Instance = new();

        public int Compare(ObjectKey x, ObjectKey y)
        {
            var a = x.Namespace ?? "";
            var b = y.Namespace ?? "";
            var common = Math.Min(a.Length, b.Length);
            var order = string.CompareOrdinal(a, 0, b, 0, common);
            if (order != 0) return order;
            if (a.Length != b.Length) return a.Length > b.Length ? a[common].CompareTo('/') : '/'.CompareTo(b[common]);
            return string.CompareOrdinal(x.Name, y.Name);
        }
    }

    private sealed class Subscription(Action dispose) : IDisposable
    {
        public void Dispose() => dispose();
    }
}
