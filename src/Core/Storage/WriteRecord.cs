using System.Text;
using Playground.Core.Api.Meta;
using Playground.Core.Serialization;

namespace Playground.Core.Storage;

public enum WriteType { Added, Modified, Deleted }

/// <summary>Where an object lives in the store: its resource (plural, e.g. "pods"), namespace and name.</summary>
public readonly record struct ObjectKey(string Resource, string? Namespace, string Name)
{
    public override string ToString() => Namespace is null ? $"{Resource}/{Name}" : $"{Resource}/{Namespace}/{Name}";
}

/// <summary>
/// One committed write, as etcd would hold it, plus its causality: who wrote it and which earlier
/// revision made them write it. <see cref="Object"/> is shared and must be treated as read-only.
/// </summary>
public sealed record WriteRecord(
    long Revision,
    WriteType Type,
    ObjectKey Key,
    string Kind,
    KubeObject Object,
    string Actor,
    long? Cause,
    DateTimeOffset Time)
{
    private byte[]? _json;

    public WriteRecord(long revision, WriteType type, ObjectKey key, string kind, KubeObject obj, byte[] utf8Json, string actor, long? cause, DateTimeOffset time)
        : this(revision, type, key, kind, obj, actor, cause, time) => _json = utf8Json;

    public WriteRecord(long revision, WriteType type, ObjectKey key, string kind, KubeObject obj, string json, string actor, long? cause, DateTimeOffset time)
        : this(revision, type, key, kind, obj, Encoding.UTF8.GetBytes(json), actor, cause, time)
    {
    }

    /// <summary>
    /// The object's JSON as UTF-8, as etcd keeps it. Kept while the write is recent, the text that copies and updates
    /// start from; once <see cref="Store"/> lets the record go cold it is serialized again from the object, to the same bytes.
    /// </summary>
    public ReadOnlyMemory<byte> Utf8Json => _json ?? KubeJson.SerializeToUtf8(Object);

    /// <summary>The JSON as text, decoded on each call: for the journal and people, not for hot paths.</summary>
    public string Json => Encoding.UTF8.GetString(Utf8Json.Span);

    /// <summary>Drops the kept text, derivable from the read-only object, when the record leaves the store's history window.</summary>
    internal void Cool() => _json = null;
}
