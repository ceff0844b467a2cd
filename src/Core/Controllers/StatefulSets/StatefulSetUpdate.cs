using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Controllers.History;

namespace Playground.Core.Controllers.StatefulSets;

/// <summary>Upstream's updateStatefulSet: create missing ordinals, delete condemned ones, then roll the update from the top ordinal down.</summary>
public sealed partial class StatefulSetController
{
    /// <summary>Upstream's MaxBatchSize for the Parallel policy's slow start.</summary>
    private const int MaxBatchSize = 500;

    private StatefulSetStatus Update(StatefulSet set, ControllerRevision current, ControllerRevision update, int collisionCount, List<Pod> pods, WriteContext context)
    {
        var status = CountOnly(set, current, update, collisionCount, pods);
        var minReady = set.Spec.MinReadySeconds ?? 0;
        var now = _clock.Now;
        var start = StatefulPods.StartOrdinal(set);
        var replicas = new Pod[set.Spec.Replicas ?? 1];
        var condemned = new List<Pod>();
        foreach (var pod in pods)
        {
            if (StatefulPods.InOrdinalRange(set, pod)) replicas[StatefulPods.Ordinal(pod) - start] = pod;
            else if (StatefulPods.Ordinal(pod) >= 0) condemned.Add(pod);
        }
        var currentSet = WithTemplate(set, current);
        var updateSet = WithTemplate(set, update);
        var partition = set.Spec.UpdateStrategy?.RollingUpdate?.Partition ?? 0;
        for (var i = 0; i < replicas.Length; i++)
        {
            var ordinal = start + i;
            // Below the partition a missing pod comes back at the current revision; at or above it, at the update revision.
            var useCurrent = set.Spec.UpdateStrategy?.Type == "RollingUpdate" && ordinal < start + partition;
            replicas[i] ??= useCurrent ? StatefulPods.New(currentSet, ordinal, current.Metadata.Name!) : StatefulPods.New(updateSet, ordinal, update.Metadata.Name!);
        }
        condemned = [.. condemned.OrderByDescending(StatefulPods.Ordinal)];
        var firstUnavailable = replicas.FirstOrDefault(p => StatefulPods.IsUnavailable(p, minReady, now))
            ?? Enumerable.Reverse(condemned).FirstOrDefault(p => StatefulPods.IsUnavailable(p, minReady, now));

        if (set.Metadata.DeletionTimestamp is not null) return status;
        var monotonic = set.Spec.PodManagementPolicy != "Parallel";

        if (RunForAll(replicas.Length, i => ProcessReplica(set, updateSet, monotonic, replicas[i], context), monotonic)
            || RunForAll(condemned.Count, i => FixClaimOwners(updateSet, condemned[i], context), monotonic)
            || RunForAll(condemned.Count, i => ProcessCondemned(set, firstUnavailable, monotonic, condemned[i], context), monotonic))
            return CountOnly(set, current, update, collisionCount, [.. replicas, .. condemned]);

        status = CountOnly(set, current, update, collisionCount, [.. replicas, .. condemned]);
        if (set.Spec.UpdateStrategy?.Type == "OnDelete") return status;

        // The pod with the largest ordinal not at the update revision is deleted; it comes back at the new revision.
        for (var target = replicas.Length - 1; target >= partition; target--)
        {
            var pod = replicas[target];
            if (StatefulPods.Revision(pod) != update.Metadata.Name && !StatefulPods.IsTerminating(pod))
            {
                DeletePod(set, pod, context);
                status.CurrentReplicas = NullIfZero((status.CurrentReplicas ?? 0) - 1);
                return status;
            }
            if (StatefulPods.IsUnavailable(pod, minReady, now)) return status;
        }
        return status;
    }

    /// <summary>
    /// Runs an action over the pods: in order, stopping at the first that says to wait (OrderedReady), or all at
    /// once in upstream's slow-start batches (Parallel). True when the sync should end here.
    /// </summary>
    private static bool RunForAll(int count, Func<int, bool> action, bool monotonic)
    {
        if (monotonic)
        {
            for (var i = 0; i < count; i++)
                if (action(i)) return true;
            return false;
        }
        var next = 0;
        for (var batch = Math.Min(count, 1); batch > 0; batch = Math.Min(Math.Min(2 * batch, count - next), MaxBatchSize))
        {
            for (var i = 0; i < batch; i++) action(next++);
        }
        return false;
    }

    /// <summary>Upstream's processReplica; true when an OrderedReady set must wait before touching the next ordinal.</summary>
    private bool ProcessReplica(StatefulSet set, StatefulSet updateSet, bool monotonic, Pod pod, WriteContext context)
    {
        var minReady = set.Spec.MinReadySeconds ?? 0;
        if (pod.Status?.Phase is "Failed" or "Succeeded")
        {
            if (pod.Metadata.DeletionTimestamp is null) DeletePod(set, pod, context);
            return true;
        }
        if (!StatefulPods.IsCreated(pod))
        {
            CreatePod(set, pod, context);
            if (monotonic) return true;
            return false;
        }
        if (pod.Status?.Phase == "Pending") CreateClaims(set, pod, context);
        if (StatefulPods.IsTerminating(pod) && monotonic) return true;
        if (!StatefulPods.IsRunningAndReady(pod) && monotonic) return true;
        if (!StatefulPods.IsRunningAndAvailable(pod, minReady, _clock.Now) && monotonic) return true;
        if (StatefulPods.IdentityMatches(set, pod) && StatefulPods.StorageMatches(set, pod) && ClaimsMatchPolicy(updateSet, pod)) return false;
        UpdatePod(updateSet, pod, context);
        return false;
    }

    /// <summary>A pod about to be scaled away hands its claims to the retention policy first (upstream's fixPodClaim).</summary>
    private bool FixClaimOwners(StatefulSet set, Pod pod, WriteContext context)
    {
        if (!ClaimsMatchPolicy(set, pod)) UpdateClaimOwners(set, pod, context);
        return false;
    }

    /// <summary>Upstream's processCondemned: OrderedReady deletes the highest ordinal first, one at a time, once the others are healthy.</summary>
    private bool ProcessCondemned(StatefulSet set, Pod? firstUnavailable, bool monotonic, Pod pod, WriteContext context)
    {
        var minReady = set.Spec.MinReadySeconds ?? 0;
        if (StatefulPods.IsTerminating(pod)) return monotonic;
        if (monotonic && pod != firstUnavailable && !StatefulPods.IsRunningAndAvailable(pod, minReady, _clock.Now)) return true;
        DeletePod(set, pod, context);
        return true;
    }

    /// <summary>Upstream's updateStatus over the pods it was given, before the current-revision catch-up.</summary>
    private StatefulSetStatus CountOnly(StatefulSet set, ControllerRevision current, ControllerRevision update, int collisionCount, IReadOnlyList<Pod> pods)
    {
        var minReady = set.Spec.MinReadySeconds ?? 0;
        int created = 0, ready = 0, available = 0, atCurrent = 0, atUpdate = 0;
        foreach (var pod in pods)
        {
            if (StatefulPods.IsCreated(pod)) created++;
            if (StatefulPods.IsRunningAndReady(pod))
            {
                ready++;
                if (StatefulPods.IsRunningAndAvailable(pod, minReady, _clock.Now)) available++;
            }
            if (!StatefulPods.IsCreated(pod) || StatefulPods.IsTerminating(pod)) continue;
            if (StatefulPods.Revision(pod) == current.Metadata.Name) atCurrent++;
            if (StatefulPods.Revision(pod) == update.Metadata.Name) atUpdate++;
        }
        return new StatefulSetStatus
        {
            ObservedGeneration = set.Metadata.Generation,
            Replicas = created,
            ReadyReplicas = NullIfZero(ready),
            AvailableReplicas = available,
            CurrentReplicas = NullIfZero(atCurrent),
            UpdatedReplicas = NullIfZero(atUpdate),
            CurrentRevision = current.Metadata.Name,
            UpdateRevision = update.Metadata.Name,
            CollisionCount = collisionCount,
        };
    }

    private static StatefulSet WithTemplate(StatefulSet set, ControllerRevision revision)
    {
        var copy = Serialization.KubeJson.Clone(set);
        copy.Spec.Template = ControllerHistory.Template(revision);
        return copy;
    }

    private static int? NullIfZero(int value) => value == 0 ? null : value;
}
