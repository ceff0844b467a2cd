using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Storage;

namespace Playground.Core.Clients;

/// <summary>
/// A watch-fed cache of one kind, shared by every component of the sandbox, with handlers called on each change.
/// Cached objects are shared: read them, clone before changing. Indexes (by namespace, by controller, and any a
/// component adds, as client-go's Indexers) let hot paths read a few objects instead of scanning all of them.
/// </summary>
public sealed class Informer<T> where T : KubeObject
{
    private const string NamespaceIndex = "namespace";
    private const string ControllerIndex = "controller";

    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly List<Action<T?, T?, long?>> _handlers = [];
    private readonly Dictionary<string, Index> _indexes = new(StringComparer.Ordinal);

    internal Informer(Store store, string resource)
    {
        Resource = resource;
        foreach (var record in store.List(resource)) _items[Key(record.Key)] = (T)record.Object;
        AddIndex(NamespaceIndex, o => o.Metadata.Namespace ?? "");
        // Orphans are indexed by namespace under a key no uid can take, so a controller finds what it may adopt.
        AddIndex(ControllerIndex, o => ControllerUid(o) ?? OrphanKey(o.Metadata.Namespace));
        store.Watch(store.Revision, OnWrite);
    }

    public string Resource { get; }

    public int Count => _items.Count;

    public T? Get(string? ns, string name) => _items.GetValueOrDefault(ns is null ? name : $"{ns}/{name}");

    public T? Get(string key) => _items.GetValueOrDefault(key);

    public IEnumerable<T> List(string? ns = null) => ns is null ? _items.Values : ByIndex(NamespaceIndex, ns);

    public IEnumerable<T> List(string? ns, LabelSelector selector) =>
        List(ns).Where(o => LabelSelectors.Matches(selector, o.Metadata.Labels));

    /// <summary>The objects whose controller owner reference names <paramref name="uid"/>.</summary>
    public IEnumerable<T> ControlledBy(string uid) => ByIndex(ControllerIndex, uid);

    /// <summary>The objects of a namespace that no controller owns.</summary>
    public IEnumerable<T> Orphans(string? ns) => ByIndex(ControllerIndex, OrphanKey(ns));

    /// <summary>
    /// Adds an index under <paramref name="name"/> (idempotent: components sharing the informer may all ask for it);
    /// <paramref name="keyOf"/> gives an object's index value, or null to leave it out.
    /// </summary>
    public void AddIndex(string name, Func<T, string?> keyOf)
    {
        if (_indexes.ContainsKey(name)) return;
        var index = new Index(keyOf);
        foreach (var (key, item) in _items) index.Add(key, item);
        _indexes[name] = index;
    }

    /// <summary>The objects whose value in index <paramref name="name"/> is <paramref name="value"/>, in no particular order.</summary>
    public IEnumerable<T> ByIndex(string name, string value) =>
        _indexes[name].Get(value) is { } bucket ? bucket.Values : [];

    /// <summary>
    /// Registers a handler called with (old, new, revision of the write): old is null on add, new is null on delete.
    /// Handlers only queue work; they never write. Existing objects are replayed as adds with no revision, as client-go does on start.
    /// </summary>
    public void OnChange(Action<T?, T?, long?> handler)
    {
        _handlers.Add(handler);
        foreach (var item in _items.Values.ToList()) handler(null, item, null);
    }

    /// <summary>The work-queue key of an object: "namespace/name", or "name" for cluster-scoped kinds.</summary>
    public static string KeyOf(KubeObject obj) =>
        obj.Metadata.Namespace is { } ns ? $"{ns}/{obj.Metadata.Name}" : obj.Metadata.Name!;

    public static (string? Namespace, string Name) SplitKey(string key)
    {
        var slash = key.IndexOf('/');
        return slash < 0 ? (null, key) : (key[..slash], key[(slash + 1)..]);
    }

    private void OnWrite(WriteRecord record)
    {
        if (record.Key.Resource != Resource) return;
        var key = Key(record.Key);
        _items.TryGetValue(key, out var old);
        T? current = null;
        if (record.Type == WriteType.Deleted) _items.Remove(key);
        else _items[key] = current = (T)record.Object;
        foreach (var index in _indexes.Values) index.Replace(key, old, current);
        foreach (var handler in _handlers.ToArray()) handler(old, current, record.Revision);
    }

    private static string? ControllerUid(T obj)
    {
        foreach (var reference in obj.Metadata.OwnerReferences ?? [])
            if (reference.Controller == true) return reference.Uid;
        return null;
    }

    private static string OrphanKey(string? ns) => $"\0{ns}";

    private static string Key(ObjectKey key) => key.Namespace is null ? key.Name : $"{key.Namespace}/{key.Name}";

    private sealed class Index(Func<T, string?> keyOf)
    {
        private readonly Dictionary<string, Dictionary<string, T>> _buckets = new(StringComparer.Ordinal);

        public Dictionary<string, T>? Get(string value) => _buckets.GetValueOrDefault(value);

        public void Add(string key, T item)
        {
            if (keyOf(item) is not { } value) return;
            if (!_buckets.TryGetValue(value, out var bucket)) _buckets[value] = bucket = new(StringComparer.Ordinal);
            bucket[key] = item;
        }

        /// <summary>An object that keeps its index value keeps its place in the bucket, as it keeps it in the cache.</summary>
        public void Replace(string key, T? old, T? current)
        {
            var oldValue = old is null ? null : keyOf(old);
            var newValue = current is null ? null : keyOf(current);
            if (oldValue is not null && oldValue == newValue)
            {
                _buckets[oldValue][key] = current!;
                return;
            }
            if (oldValue is not null && _buckets.TryGetValue(oldValue, out var bucket))
            {
                bucket.Remove(key);
                if (bucket.Count == 0) _buckets.Remove(oldValue);
            }
            if (current is not null) Add(key, current);
        }
    }
}
