using Playground.Core.Api.Apps;
using Playground.Core.ApiServer;
using static Playground.Core.Controllers.Deployments.RolloutMath;

namespace Playground.Core.Controllers.Deployments;

/// <summary>
/// Upstream's rolling.go: each sync either grows the new ReplicaSet (within replicas + maxSurge pods) or shrinks old
/// ones (keeping replicas - maxUnavailable available), judged from the ReplicaSets' sizes and reported availability.
/// </summary>
public sealed partial class DeploymentController
{
    private void RolloutRolling(Deployment d, List<ReplicaSet> replicaSets, WriteContext context)
    {
        var (newRs, oldRss) = AllReplicaSetsAndSyncRevision(d, replicaSets, create: true, context);
        var all = new List<ReplicaSet?>([.. oldRss, newRs]);

        if (ReconcileNewReplicaSet(all, newRs!, d, context))
        {
            SyncRolloutStatus(all, newRs, d, context);
            return;
        }
        if (ReconcileOldReplicaSets(all, [.. Active(oldRss)], newRs!, d, context))
        {
            SyncRolloutStatus(all, newRs, d, context);
            return;
        }
        if (DeploymentConditions.Complete(d, d.Status ?? new DeploymentStatus())) CleanupDeployment(oldRss, d, context);
        SyncRolloutStatus(all, newRs, d, context);
    }

    /// <summary>Scales the new ReplicaSet up as far as the surge allows (or down to replicas if it is over).</summary>
    private bool ReconcileNewReplicaSet(List<ReplicaSet?> all, ReplicaSet newRs, Deployment d, WriteContext context)
    {
        if (Replicas(newRs) == Replicas(d)) return false;
        if (Replicas(newRs) > Replicas(d)) return ScaleReplicaSetAndRecordEvent(newRs, Replicas(d), d, context).Scaled;
        return ScaleReplicaSetAndRecordEvent(newRs, NewReplicaSetReplicas(d, all, newRs), d, context).Scaled;
    }

    /// <summary>
    /// Scales old ReplicaSets down by at most (all pods - minAvailable - unavailable new pods): first their unhealthy
    /// replicas, which costs no availability, then available ones down to minAvailable.
    /// </summary>
    private bool ReconcileOldReplicaSets(List<ReplicaSet?> all, List<ReplicaSet> oldRss, ReplicaSet newRs, Deployment d, WriteContext context)
    {
        if (SpecReplicas(oldRss) == 0) return false;
        var minAvailable = Replicas(d) - MaxUnavailable(d);
        var newRsUnavailable = Replicas(newRs) - (newRs.Status?.AvailableReplicas ?? 0);
        var maxScaledDown = SpecReplicas(all) - minAvailable - newRsUnavailable;
        if (maxScaledDown <= 0) return false;

        var (cleaned, cleanedCount) = CleanupUnhealthyReplicas(oldRss, d, maxScaledDown, context);
        var scaledDown = ScaleDownOldReplicaSetsForRollingUpdate([.. cleaned, newRs], cleaned, d, context);
        return cleanedCount + scaledDown > 0;
    }

    /// <summary>Oldest first, takes replicas that are not available out of old ReplicaSets (the replicaset controller deletes those pods first).</summary>
    private (List<ReplicaSet> OldRss, int Count) CleanupUnhealthyReplicas(List<ReplicaSet> oldRss, Deployment d, int maxCleanup, WriteContext context)
    {
        var sorted = ReplicaSetOrder.ByCreation(oldRss).ToList();
        var total = 0;
        for (var i = 0; i < sorted.Count && total < maxCleanup; i++)
        {
            var rs = sorted[i];
            var available = rs.Status?.AvailableReplicas ?? 0;
            if (Replicas(rs) == 0 || Replicas(rs) == available) continue;
            var count = Math.Min(maxCleanup - total, Replicas(rs) - available);
            sorted[i] = ScaleReplicaSetAndRecordEvent(rs, Replicas(rs) - count, d, context).ReplicaSet;
            total += count;
        }
        return (sorted, total);
    }

    /// <summary>Oldest first, scales old ReplicaSets down by what is available beyond replicas - maxUnavailable.</summary>
    private int ScaleDownOldReplicaSetsForRollingUpdate(List<ReplicaSet?> all, List<ReplicaSet> oldRss, Deployment d, WriteContext context)
    {
        var minAvailable = Replicas(d) - MaxUnavailable(d);
        var available = AvailableReplicas(all);
        if (available <= minAvailable) return 0;
        var toScaleDown = available - minAvailable;
        var total = 0;
        foreach (var rs in ReplicaSetOrder.ByCreation(oldRss))
        {
            if (total >= toScaleDown) break;
            if (Replicas(rs) == 0) continue;
            var count = Math.Min(Replicas(rs), toScaleDown - total);
            ScaleReplicaSetAndRecordEvent(rs, Replicas(rs) - count, d, context);
            total += count;
        }
        return total;
    }
}
