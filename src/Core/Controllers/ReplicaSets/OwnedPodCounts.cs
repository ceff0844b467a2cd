using Playground.Core.Api.Core;

namespace Playground.Core.Controllers.ReplicaSets;

/// <summary>
/// Each controller's active pods counted by label set and readiness, kept up to date from the pod informer's changes:
/// a controller's thousand pods share a label set or two, so a sync can judge the sets instead of every pod.
/// </summary>
internal sealed class OwnedPodCounts
{
    private static readonly Dictionary<string, string> NoLabels = [];

    private readonly Dictionary<string, Dictionary<Dictionary<string, string>, LabelGroup>> _byController = new(StringComparer.Ordinal);

    /// <summary>The active pods of one controller that carry the same labels; <see cref="Labels"/> are those of one of them.</summary>
    public sealed class LabelGroup(Dictionary<string, string> labels)
    {
        public Dictionary<string, string> Labels { get; } = labels;
        public int Active { get; set; }
        public int Ready { get; set; }
    }

    /// <summary>Takes an informer change into account: the old version stops counting, the new one starts.</summary>
    public void Apply(Pod? old, Pod? current)
    {
        Count(old, -1);
        Count(current, +1);
    }

    /// <summary>The label groups of the active pods whose controller has uid <paramref name="uid"/>.</summary>
    public IEnumerable<LabelGroup> Of(string uid) =>
        _byController.TryGetValue(uid, out var groups) ? groups.Values : [];

    private void Count(Pod? pod, int delta)
    {
        if (pod is null || !PodReadiness.IsActive(pod) || ControllerRefs.ControllerOf(pod)?.Uid is not { } uid) return;
        var labels = pod.Metadata.Labels ?? NoLabels;
        if (!_byController.TryGetValue(uid, out var groups)) _byController[uid] = groups = new(LabelSetComparer.Instance);
        if (!groups.TryGetValue(labels, out var group)) groups[labels] = group = new LabelGroup(labels);
        group.Active += delta;
        if (PodReadiness.IsReady(pod)) group.Ready += delta;
        if (group.Active > 0) return;
        groups.Remove(labels);
        if (groups.Count == 0) _byController.Remove(uid);
    }

    /// <summary>Label sets are equal when they hold the same pairs, whatever the order they were written in.</summary>
    private sealed class LabelSetComparer : IEqualityComparer<Dictionary<string, string>>
    {
        public static readonly LabelSetComparer Instance = new();

        public bool Equals(Dictionary<string, string>? x, Dictionary<string, string>? y)
        {
            if (x is null || y is null || x.Count != y.Count) return ReferenceEquals(x, y);
            foreach (var (key, value) in x)
                if (!y.TryGetValue(key, out var other) || other != value) return false;
            return true;
        }

        public int GetHashCode(Dictionary<string, string> labels)
        {
            var hash = 0;
            foreach (var pair in labels) hash ^= HashCode.Combine(pair.Key, pair.Value);
            return hash;
        }
    }
}
