using System.Globalization;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Serialization;
using static Playground.Core.Controllers.Deployments.DeploymentConditions;
using static Playground.Core.Controllers.Deployments.RolloutMath;

namespace Playground.Core.Controllers.Deployments;

/// <summary>Upstream's sync.go: finding and creating the new ReplicaSet, revisions, scaling events, history cleanup, status.</summary>
public sealed partial class DeploymentController
{
    private void SyncStatusOnly(Deployment d, List<ReplicaSet> replicaSets, WriteContext context)
    {
        var (newRs, oldRss) = AllReplicaSetsAndSyncRevision(d, replicaSets, create: false, context);
        SyncDeploymentStatus([.. oldRss, newRs], newRs, d, context);
    }

    /// <summary>Upstream's sync: scaling events and paused deployments scale every ReplicaSet, without rolling.</summary>
    private void SyncScalingOrPaused(Deployment d, List<ReplicaSet> replicaSets, WriteContext context)
    {
        var (newRs, oldRss) = AllReplicaSetsAndSyncRevision(d, replicaSets, create: false, context);
        Scale(d, newRs, oldRss, context);
        if (d.Spec.Paused == true) CleanupDeployment(oldRss, d, context);
        SyncDeploymentStatus([.. oldRss, newRs], newRs, d, context);
    }

    /// <summary>An Unknown Progressing condition on pause and resume, so time spent paused never counts against the deadline.</summary>
    private void CheckPausedConditions(Deployment d, WriteContext context)
    {
        if (!HasProgressDeadline(d)) return;
        var condition = Get(d.Status, Progressing);
        if (condition?.Reason == TimedOutReason) return;
        var pausedConditionExists = condition?.Reason == PausedDeployReason;
        var change = (d.Spec.Paused == true, pausedConditionExists) switch
        {
            (true, false) => New(Progressing, "Unknown", PausedDeployReason, "Deployment is paused", Now),
            (false, true) => New(Progressing, "Unknown", ResumedDeployReason, "Deployment is resumed", Now),
            _ => null,
        };
        if (change is null) return;
        Set(d.Status ??= new DeploymentStatus(), change);
        WriteStatus(d, context);
    }

    /// <summary>The new ReplicaSet (created if asked and missing) and all old ones, with revisions brought up to date.</summary>
    private (ReplicaSet? New, List<ReplicaSet> Old) AllReplicaSetsAndSyncRevision(Deployment d, List<ReplicaSet> replicaSets, bool create, WriteContext context)
    {
        var existing = Templates.FindNew(d, replicaSets);
        var oldRss = Templates.FindOld(replicaSets, existing);
        return (NewReplicaSet(d, existing, oldRss, create, context), oldRss);
    }

    /// <summary>
    /// Upstream's getNewReplicaSet: an existing new ReplicaSet gets revision max(old)+1 if lower (this is how a
    /// rollback re-uses an old ReplicaSet) and the deployment copies its revision; otherwise one is created, named
    /// after the template hash, at the size the strategy allows. <paramref name="existing"/> is the ReplicaSet running
    /// the deployment's template, if any.
    /// </summary>
    private ReplicaSet? NewReplicaSet(Deployment d, ReplicaSet? existing, List<ReplicaSet> oldRss, bool create, WriteContext context)
    {
        var newRevision = Revisions.Max(oldRss) + 1;
        if (existing is not null)
        {
            var copy = KubeJson.Clone(existing);
            var annotationsChanged = Revisions.SetNewReplicaSetAnnotations(d, copy, newRevision, exists: true);
            if (annotationsChanged || (copy.Spec.MinReadySeconds ?? 0) != (d.Spec.MinReadySeconds ?? 0))
            {
                copy.Spec.MinReadySeconds = d.Spec.MinReadySeconds;
                return _api.Update(copy, context);
            }
            var needsUpdate = Revisions.SetDeploymentRevision(d, copy.Metadata.Annotations![Revisions.RevisionAnnotation]);
            if (HasProgressDeadline(d) && Get(d.Status, Progressing) is null)
            {
                Set(d.Status ??= new DeploymentStatus(), New(Progressing, "True", FoundNewRSReason, $"Found new replica set \"{copy.Metadata.Name}\"", Now));
                needsUpdate = true;
            }
            if (needsUpdate) WriteStatus(d, context);
            return copy;
        }
        if (!create) return null;

        var newRs = NewReplicaSetFor(d);
        var newReplicas = NewReplicaSetReplicas(d, [.. oldRss, newRs], newRs);
        newRs.Spec.Replicas = newReplicas;
        Revisions.SetNewReplicaSetAnnotations(d, newRs, newRevision, exists: false);
        var (created, alreadyExisted) = CreateReplicaSet(d, newRs, context);
        if (!alreadyExisted && newReplicas > 0)
            _events.Normal(d, "ScalingReplicaSet", $"Scaled up replica set {created.Metadata.Name} from 0 to {newReplicas}", context);

        var changed = Revisions.SetDeploymentRevision(d, newRevision.ToString(CultureInfo.InvariantCulture));
        if (!alreadyExisted && HasProgressDeadline(d))
        {
            Set(d.Status ??= new DeploymentStatus(), New(Progressing, "True", NewReplicaSetReason, $"Created new replica set \"{created.Metadata.Name}\"", Now));
            changed = true;
        }
        if (changed) WriteStatus(d, context);
        return created;
    }

    /// <summary>The deployment's template and selector plus the pod-template-hash label, owned by the deployment.</summary>
    private static ReplicaSet NewReplicaSetFor(Deployment d)
    {
        var template = KubeJson.Deserialize<Api.Core.PodTemplateSpec>(KubeJson.SerializeValue(d.Spec.Template));
        var hash = Templates.Hash(template, d.Status?.CollisionCount);
        template.Metadata ??= new ObjectMeta();
        template.Metadata.Labels = new(template.Metadata.Labels ?? []) { [Templates.HashLabel] = hash };
        var selector = KubeJson.Deserialize<LabelSelector>(KubeJson.SerializeValue(d.Spec.Selector ?? new LabelSelector()));
        selector.MatchLabels = new(selector.MatchLabels ?? []) { [Templates.HashLabel] = hash };
        return new ReplicaSet
        {
            Metadata = new ObjectMeta
            {
                Name = $"{d.Metadata.Name}-{hash}",
                Namespace = d.Metadata.Namespace,
                OwnerReferences = [ControllerRefs.For(d)],
                Labels = new(template.Metadata.Labels),
            },
            Spec = new ReplicaSetSpec { Replicas = 0, MinReadySeconds = d.Spec.MinReadySeconds, Selector = selector, Template = template },
        };
    }

    /// <summary>Creates the ReplicaSet; an existing one of that name is ours if it runs our template, else a hash collision to retry past.</summary>
    private (ReplicaSet Created, bool AlreadyExisted) CreateReplicaSet(Deployment d, ReplicaSet newRs, WriteContext context)
    {
        try
        {
            return (_api.Create(newRs, context), false);
        }
        catch (ApiException e) when (e.Reason == "AlreadyExists")
        {
            var found = _replicaSets.Get(newRs.Metadata.Namespace, newRs.Metadata.Name!);
            if (found is not null && ControllerRefs.ControllerOf(found)?.Uid == d.Metadata.Uid && Templates.EqualIgnoreHash(d.Spec.Template, found.Spec.Template))
                return (found, true);
            var status = d.Status ??= new DeploymentStatus();
            status.CollisionCount = (status.CollisionCount ?? 0) + 1;
            WriteStatus(d, context);
            throw;
        }
        catch (ApiException e)
        {
            var message = $"Failed to create new replica set \"{newRs.Metadata.Name}\": {e.Message}";
            if (HasProgressDeadline(d))
            {
                Set(d.Status ??= new DeploymentStatus(), New(Progressing, "False", FailedRSCreateReason, message, Now));
                WriteStatus(d, context);
            }
            _events.Warning(d, FailedRSCreateReason, message, context);
            throw;
        }
    }

    /// <summary>A scaling event: the desired-replicas annotation of an active ReplicaSet no longer matches spec.replicas.</summary>
    private bool IsScalingEvent(Deployment d, List<ReplicaSet> replicaSets, WriteContext context)
    {
        var (newRs, oldRss) = AllReplicaSetsAndSyncRevision(d, replicaSets, create: false, context);
        return Active([.. oldRss, newRs]).Any(rs => Revisions.DesiredReplicas(rs) is int desired && desired != Replicas(d));
    }

    /// <summary>
    /// Upstream's scale: one active ReplicaSet takes the new size; a saturated new one lets the old go to zero;
    /// otherwise (a rolling deployment scaled mid-rollout) the change is shared out in proportion to each size.
    /// </summary>
    private void Scale(Deployment d, ReplicaSet? newRs, List<ReplicaSet> oldRss, WriteContext context)
    {
        if (ActiveOrLatest(newRs, oldRss) is { } only)
        {
            if (Replicas(only) != Replicas(d)) ScaleReplicaSetAndRecordEvent(only, Replicas(d), d, context);
            return;
        }
        if (IsSaturated(d, newRs))
        {
            foreach (var old in Active(oldRss)) ScaleReplicaSetAndRecordEvent(old, 0, d, context);
            return;
        }
        if (!IsRollingUpdate(d)) return;

        var all = Active([.. oldRss, newRs]).ToList();
        var allowed = Replicas(d) > 0 ? Replicas(d) + MaxSurge(d) : 0;
        var toAdd = allowed - SpecReplicas(all);
        if (toAdd > 0) all = [.. ReplicaSetOrder.BySizeNewer(all)];
        else if (toAdd < 0) all = [.. ReplicaSetOrder.BySizeOlder(all)];

        var added = 0;
        var sizes = new List<int>();
        foreach (var rs in all)
        {
            var proportion = toAdd != 0 ? Proportion(rs, d, toAdd, added) : 0;
            sizes.Add(Replicas(rs) + proportion);
            added += proportion;
        }
        for (var i = 0; i < all.Count; i++)
        {
            // The largest ReplicaSet takes whatever rounding left over.
            if (i == 0 && toAdd != 0) sizes[0] = Math.Max(0, sizes[0] + toAdd - added);
            ScaleReplicaSet(all[i], sizes[i], d, context);
        }
    }

    /// <summary>The only active ReplicaSet, or the newest one when none is active; null when several are active.</summary>
    private static ReplicaSet? ActiveOrLatest(ReplicaSet? newRs, List<ReplicaSet> oldRss)
    {
        if (newRs is null && oldRss.Count == 0) return null;
        var newestFirst = ReplicaSetOrder.ByCreation(oldRss).Reverse().ToList();
        var active = Active([.. newestFirst, newRs]).ToList();
        return active.Count switch
        {
            0 => newRs ?? newestFirst[0],
            1 => active[0],
            _ => null,
        };
    }

    private (bool Scaled, ReplicaSet ReplicaSet) ScaleReplicaSetAndRecordEvent(ReplicaSet rs, int newScale, Deployment d, WriteContext context) =>
        Replicas(rs) == newScale ? (false, rs) : ScaleReplicaSet(rs, newScale, d, context);

    /// <summary>Sets a ReplicaSet's size and replica annotations; a size change is announced on the deployment as upstream words it.</summary>
    private (bool Scaled, ReplicaSet ReplicaSet) ScaleReplicaSet(ReplicaSet rs, int newScale, Deployment d, WriteContext context)
    {
        var sizeChanges = Replicas(rs) != newScale;
        var maxReplicas = Replicas(d) + MaxSurge(d);
        if (!sizeChanges && !Revisions.ReplicasAnnotationsNeedUpdate(rs, Replicas(d), maxReplicas)) return (false, rs);
        var oldScale = Replicas(rs);
        var copy = KubeJson.Clone(rs);
        copy.Spec.Replicas = newScale;
        Revisions.SetReplicasAnnotations(copy, Replicas(d), maxReplicas);
        var written = _api.Update(copy, context);
        if (!sizeChanges) return (false, written);
        var direction = oldScale < newScale ? "up" : "down";
        _events.Normal(d, "ScalingReplicaSet", $"Scaled {direction} replica set {written.Metadata.Name} from {oldScale} to {newScale}", context);
        return (true, written);
    }

    /// <summary>Keeps revisionHistoryLimit old ReplicaSets: deletes the lowest revisions among those fully scaled down.</summary>
    private void CleanupDeployment(List<ReplicaSet> oldRss, Deployment d, WriteContext context)
    {
        if (d.Spec.RevisionHistoryLimit is not int limit || limit == int.MaxValue) return;
        var cleanable = oldRss.Where(rs => rs.Metadata.DeletionTimestamp is null).ToList();
        var diff = cleanable.Count - limit;
        if (diff <= 0) return;
        foreach (var rs in ReplicaSetOrder.ByRevision(cleanable).Take(diff))
        {
            var status = rs.Status ?? new ReplicaSetStatus();
            if (status.Replicas != 0 || Replicas(rs) != 0 || (rs.Metadata.Generation ?? 0) > (status.ObservedGeneration ?? 0)) continue;
            try
            {
                _api.Delete<ReplicaSet>(rs.Metadata.Namespace, rs.Metadata.Name!, context);
            }
            catch (ApiException e) when (e.Code == 404)
            {
                // Someone else deleted it first.
            }
        }
    }

    private void SyncDeploymentStatus(List<ReplicaSet?> all, ReplicaSet? newRs, Deployment d, WriteContext context)
    {
        var status = CalculateStatus(all, newRs, d);
        if (KubeJson.SerializeValue(status) == KubeJson.SerializeValue(d.Status)) return;
        d.Status = status;
        WriteStatus(d, context);
    }

    /// <summary>Counts from the ReplicaSets' statuses, and the Available condition: at least replicas - maxUnavailable available.</summary>
    private DeploymentStatus CalculateStatus(List<ReplicaSet?> all, ReplicaSet? newRs, Deployment d)
    {
        var available = AvailableReplicas(all);
        var status = new DeploymentStatus
        {
            ObservedGeneration = d.Metadata.Generation,
            Replicas = NullIfZero(ActualReplicas(all)),
            UpdatedReplicas = NullIfZero(ActualReplicas([newRs])),
            ReadyReplicas = NullIfZero(ReadyReplicas(all)),
            AvailableReplicas = NullIfZero(available),
            UnavailableReplicas = NullIfZero(Math.Max(0, SpecReplicas(all) - available)),
            CollisionCount = d.Status?.CollisionCount,
            Conditions = d.Status?.Conditions is { } conditions ? KubeJson.Deserialize<List<Condition>>(KubeJson.SerializeValue(conditions)) : null,
        };
        if (available >= Replicas(d) - MaxUnavailable(d))
            Set(status, New(Available, "True", MinimumReplicasAvailable, "Deployment has minimum availability.", Now));
        else
            Set(status, New(Available, "False", MinimumReplicasUnavailable, "Deployment does not have minimum availability.", Now));
        return status;
    }

    /// <summary>The status counts are omitempty upstream: zero is written as absent.</summary>
    private static int? NullIfZero(int value) => value == 0 ? null : value;
}
