using Playground.Core.Storage;

namespace Playground.Server.Hubs;

/// <summary>One write as the hub streams it: what changed, at which revision, who wrote it and which revision caused it.</summary>
public sealed record WatchEvent(
    string Type, string Kind, string? Namespace, string Name, long Revision, string Actor, long? Cause, DateTimeOffset Time)
{
    /// <summary>Types are spelled as in a Kubernetes watch: ADDED, MODIFIED, DELETED.</summary>
    public static WatchEvent From(WriteRecord write) => new(
        write.Type.ToString().ToUpperInvariant(), write.Kind, write.Key.Namespace, write.Key.Name,
        write.Revision, write.Actor, write.Cause, write.Time);
}

/// <summary>Says that writes <see cref="From"/> up to <see cref="Oldest"/> (exclusive) are no longer known; never skipped silently.</summary>
public sealed record WatchGap(bool Gap, long From, long Oldest);

/// <summary>The last item of a stream whose sandbox was reset to its starting state: load it again and watch from its new revision.</summary>
public sealed record WatchReset(bool Reset);
