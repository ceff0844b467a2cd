using Playground.Core.Api.Apps;

namespace Playground.Core.Controllers.Deployments;

/// <summary>Upstream's ReplicaSet orderings: by age (name breaks ties), by size for proportional scaling, by revision for cleanup.</summary>
internal static class ReplicaSetOrder
{
    public static IEnumerable<ReplicaSet> ByCreation(IEnumerable<ReplicaSet> replicaSets) =>
        replicaSets.OrderBy(rs => rs.Metadata.CreationTimestamp ?? default).ThenBy(rs => rs.Metadata.Name, StringComparer.Ordinal);

    /// <summary>Largest first; of equal size the older first (where scaling down starts).</summary>
    public static IEnumerable<ReplicaSet> BySizeOlder(IEnumerable<ReplicaSet> replicaSets) =>
        ByCreation(replicaSets).OrderByDescending(rs => rs.Spec.Replicas ?? 1);

    /// <summary>Largest first; of equal size the newer first (where scaling up starts).</summary>
    public static IEnumerable<ReplicaSet> BySizeNewer(IEnumerable<ReplicaSet> replicaSets) =>
        ByCreation(replicaSets).Reverse().OrderByDescending(rs => rs.Spec.Replicas ?? 1);

    public static IEnumerable<ReplicaSet> ByRevision(IEnumerable<ReplicaSet> replicaSets) =>
        ByCreation(replicaSets).OrderBy(Revisions.Of);
}
