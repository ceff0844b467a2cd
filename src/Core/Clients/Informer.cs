using Playground.Core.Api.Meta;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Storage;

namespace Playground.Core.Clients;

/// <summary>
/// A watch-fed cache of one kind, shared by every component of the sandbox, with handlers called on each change.
/// Cached objects are shared: read them, clone before changing.
/// </summary>
public sealed class Informer<T> where T : KubeObject
{
    private readonly Dictionary<string, T> _items = new(StringComparer.Ordinal);
    private readonly List<Action<T?, T?, long?>> _handlers = [];

    internal Informer(Store store, string resource)
    {
        Resource = resource;
        foreach (var record in store.List(resource)) _items[Key(record.Key)] = (T)record.Object;
        store.Watch(store.Revision, OnWrite);
    }

    public string Resource { get; }

    public int Count => _items.Count;

    public T? Get(string? ns, string name) => _items.GetValueOrDefault(ns is null ? name : $"{ns}/{name}");

    public T? Get(string key) => _items.GetValueOrDefault(key);

    public IEnumerable<T> List(string? ns = null) =>
        ns is null ? _items.Values : _items.Values.Where(o => o.Metadata.Namespace == ns);

    public IEnumerable<T> List(string? ns, LabelSelector selector) =>
        List(ns).Where(o => LabelSelectors.Matches(selector, o.Metadata.Labels));

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
        foreach (var handler in _handlers.ToArray()) handler(old, current, record.Revision);
    }

    private static string Key(ObjectKey key) => key.Namespace is null ? key.Name : $"{key.Namespace}/{key.Name}";
}
