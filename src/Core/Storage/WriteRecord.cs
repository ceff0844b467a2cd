using Playground.Core.Api.Meta;

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
    string Json,
    string Actor,
    long? Cause,
    DateTimeOffset Time);
