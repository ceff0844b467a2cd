using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using static Playground.Core.Controllers.Deployments.RolloutMath;

namespace Playground.Core.Controllers.Deployments;

/// <summary>Upstream's recreate.go: scale every old ReplicaSet to zero, wait until no old pod runs, then bring up the new one whole.</summary>
public sealed partial class DeploymentController
{
    private void RolloutRecreate(Deployment d, List<ReplicaSet> replicaSets, Dictionary<string, List<Pod>> podMap, WriteContext context)
    {
        var (newRs, oldRss) = AllReplicaSetsAndSyncRevision(d, replicaSets, create: false, context);
        var all = new List<ReplicaSet?>([.. oldRss, newRs]);

        var scaledDown = false;
        foreach (var rs in Active(oldRss))
            scaledDown |= ScaleReplicaSetAndRecordEvent(rs, 0, d, context).Scaled;
        if (scaledDown || OldPodsRunning(newRs, oldRss, podMap))
        {
            SyncRolloutStatus(all, newRs, d, context);
            return;
        }

        if (newRs is null)
        {
            (newRs, oldRss) = AllReplicaSetsAndSyncRevision(d, replicaSets, create: true, context);
            all = [.. oldRss, newRs];
        }
        ScaleReplicaSetAndRecordEvent(newRs!, Replicas(d), d, context);
        if (DeploymentConditions.Complete(d, d.Status ?? new DeploymentStatus())) CleanupDeployment(oldRss, d, context);
        SyncRolloutStatus(all, newRs, d, context);
    }

    /// <summary>Old ReplicaSets still report replicas, or one of their pods (terminating ones too) has not finished.</summary>
    private static bool OldPodsRunning(ReplicaSet? newRs, List<ReplicaSet> oldRss, Dictionary<string, List<Pod>> podMap)
    {
        if (ActualReplicas(oldRss) > 0) return true;
        return podMap
            .Where(entry => newRs is null || entry.Key != newRs.Metadata.Uid)
            .SelectMany(entry => entry.Value)
            .Any(pod => pod.Status?.Phase is not ("Failed" or "Succeeded"));
    }
}
