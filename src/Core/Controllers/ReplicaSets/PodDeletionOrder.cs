using Playground.Core.Api.Core;

namespace Playground.Core.Controllers.ReplicaSets;

/// <summary>
/// Which surplus pods a ReplicaSet deletes first, as upstream's ActivePodsWithRanks (with LogarithmicScaleDown and
/// PodDeletionCost on, their 1.32 defaults): unscheduled before scheduled, Pending before Unknown before Running,
/// not ready before ready, lower deletion cost first, more pods of the same owner on the node first, ready for less
/// time first (by powers of two), more restarts first, newer first (by powers of two), then by uid.
/// </summary>
internal sealed class PodDeletionOrder(IReadOnlyDictionary<string, int> podsPerNode, DateTimeOffset now) : IComparer<Pod>
{
    private const string DeletionCostAnnotation = "controller.kubernetes.io/pod-deletion-cost";

    /// <summary>Ranks each pod by how many active related pods (of ReplicaSets with the same owner) share its node.</summary>
    public static PodDeletionOrder Ranked(IEnumerable<Pod> relatedPods, DateTimeOffset now)
    {
        var perNode = new Dictionary<string, int>();
        foreach (var pod in relatedPods.Where(PodReadiness.IsActive))
        {
            var node = pod.Spec.NodeName ?? "";
            perNode[node] = perNode.GetValueOrDefault(node) + 1;
        }
        return new PodDeletionOrder(perNode, now);
    }

    public int Compare(Pod? x, Pod? y)
    {
        if (x is null || y is null) return 0;
        var xNode = x.Spec.NodeName ?? "";
        var yNode = y.Spec.NodeName ?? "";
        if (xNode != yNode && (xNode.Length == 0 || yNode.Length == 0)) return xNode.Length == 0 ? -1 : 1;
        if (PhaseOrdinal(x) != PhaseOrdinal(y)) return PhaseOrdinal(x).CompareTo(PhaseOrdinal(y));
        if (PodReadiness.IsReady(x) != PodReadiness.IsReady(y)) return PodReadiness.IsReady(x) ? 1 : -1;
        if (DeletionCost(x) != DeletionCost(y)) return DeletionCost(x).CompareTo(DeletionCost(y));
        var xRank = podsPerNode.GetValueOrDefault(xNode);
        var yRank = podsPerNode.GetValueOrDefault(yNode);
        if (xRank != yRank) return yRank.CompareTo(xRank);
        if (PodReadiness.ReadySince(x) is { } xReady && PodReadiness.ReadySince(y) is { } yReady && xReady != yReady)
            return NewerFirst(x, y, xReady, yReady);
        if (Restarts(x) != Restarts(y)) return Restarts(y).CompareTo(Restarts(x));
        var xCreated = x.Metadata.CreationTimestamp ?? default;
        var yCreated = y.Metadata.CreationTimestamp ?? default;
        return xCreated != yCreated ? NewerFirst(x, y, xCreated, yCreated) : 0;
    }

    /// <summary>The more recent time sorts first, compared on a log2 scale of age so near-equal ages fall back to uid order.</summary>
    private int NewerFirst(Pod x, Pod y, DateTimeOffset xTime, DateTimeOffset yTime)
    {
        var rankDiff = LogRank(xTime) - LogRank(yTime);
        if (rankDiff == 0) return string.CompareOrdinal(x.Metadata.Uid, y.Metadata.Uid);
        return rankDiff < 0 ? -1 : 1;
    }

    private long LogRank(DateTimeOffset time)
    {
        var ageNanos = (now - time).Ticks * 100.0;
        return ageNanos > 0 ? (long)Math.Log2(ageNanos) : -1;
    }

    private static int PhaseOrdinal(Pod pod) => pod.Status?.Phase switch
    {
        "Pending" => 0,
        "Unknown" => 1,
        "Running" => 2,
        _ => 0,
    };

    private static int DeletionCost(Pod pod) =>
        pod.Metadata.Annotations?.GetValueOrDefault(DeletionCostAnnotation) is { } text && int.TryParse(text, out var cost) ? cost : 0;

    private static int Restarts(Pod pod) => pod.Status?.ContainerStatuses?.Select(c => c.RestartCount).DefaultIfEmpty(0).Max() ?? 0;
}
