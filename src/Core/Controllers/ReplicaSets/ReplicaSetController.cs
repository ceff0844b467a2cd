using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Clients;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.ReplicaSets;

/// <summary>
/// Upstream's replicaset controller: claims the pods a ReplicaSet selects, creates missing ones from its template,
/// deletes the surplus (least useful first), and reports what it counted in the ReplicaSet's status.
/// </summary>
public sealed class ReplicaSetController : IComponent
{
    public const string Actor = "replicaset-controller";

    /// <summary>Upstream's burstReplicas: at most this many creates or deletes per sync.</summary>
    private const int BurstReplicas = 500;

    private readonly ApiServer.ApiServer _api;
    private readonly Clock _clock;
    private readonly Informer<ReplicaSet> _replicaSets;
    private readonly Informer<Pod> _pods;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;
    private readonly OwnedPodCounts _ownedPods = new();

    public ReplicaSetController(ClusterServices services)
    {
        _api = services.Api;
        _clock = services.Clock;
        _replicaSets = services.Informers.For<ReplicaSet>();
        _pods = services.Informers.For<Pod>();
        _events = services.Recorder(Actor);
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _queue.Watch(_replicaSets);
        _pods.OnChange(OnPodChange);
    }

    private void OnPodChange(Pod? old, Pod? current, long? cause)
    {
        _ownedPods.Apply(old, current);
        ControllerRefs.EnqueueControllers(_replicaSets, _queue, old, current, cause, rs => rs.Spec.Selector);
    }

    private void Sync(string key, long? cause)
    {
        if (_replicaSets.Get(key) is not { } rs) return;
        var context = new WriteContext(Actor, cause);
        if (SettledCounts(rs) is { } settled)
        {
            UpdateStatus(rs, settled, null, context);
            return;
        }
        // Upstream scans the namespace; only its own pods and the orphans can be claimed, so the index reads just those.
        var candidates = _pods.ControlledBy(rs.Metadata.Uid!).Concat(_pods.Orphans(rs.Metadata.Namespace)).Where(PodReadiness.IsActive);
        var pods = new ControllerRefManager<Pod>(_api, rs, p => LabelSelectors.Matches(rs.Spec.Selector, p.Metadata.Labels), context)
            .Claim(candidates);

        ApiException? failure = null;
        var counts = Count(rs, pods);
        if (rs.Metadata.DeletionTimestamp is null) failure = ManageReplicas(rs, pods, context);
        var written = UpdateStatus(rs, counts, failure, context);
        RequeueForAvailability(key, written, pods, cause);
        if (failure is not null) throw failure;
    }

    /// <summary>
    /// The status counts without visiting each pod, when the sync has nothing to claim, create or delete and no
    /// availability to time (minReadySeconds 0): then the owned pods' label sets and readiness give the same counts
    /// as claiming them one by one would; else null.
    /// </summary>
    private PodCounts? SettledCounts(ReplicaSet rs)
    {
        if (rs.Metadata.DeletionTimestamp is not null || (rs.Spec.MinReadySeconds ?? 0) != 0) return null;
        foreach (var orphan in _pods.Orphans(rs.Metadata.Namespace))
            if (PodReadiness.IsActive(orphan) && LabelSelectors.Matches(rs.Spec.Selector, orphan.Metadata.Labels)) return null;
        int replicas = 0, fullyLabeled = 0, ready = 0;
        foreach (var group in _ownedPods.Of(rs.Metadata.Uid!))
        {
            if (!LabelSelectors.Matches(rs.Spec.Selector, group.Labels)) return null;
            replicas += group.Active;
            ready += group.Ready;
            if (FullyLabeled(rs, group.Labels)) fullyLabeled += group.Active;
        }
        return replicas == (rs.Spec.Replicas ?? 1) ? new PodCounts(replicas, fullyLabeled, ready, Available: ready) : null;
    }

    /// <summary>The status counts of the claimed pods, one by one.</summary>
    private PodCounts Count(ReplicaSet rs, List<Pod> pods)
    {
        var minReady = rs.Spec.MinReadySeconds ?? 0;
        var now = _clock.Now;
        int fullyLabeled = 0, ready = 0, available = 0;
        foreach (var pod in pods)
        {
            if (FullyLabeled(rs, pod.Metadata.Labels)) fullyLabeled++;
            if (!PodReadiness.IsReady(pod)) continue;
            ready++;
            if (PodReadiness.IsAvailable(pod, minReady, now)) available++;
        }
        return new PodCounts(pods.Count, fullyLabeled, ready, available);
    }

    /// <summary>Upstream's fullyLabeledReplicas: the pod carries every label of the template (any pod does when it has none).</summary>
    private static bool FullyLabeled(ReplicaSet rs, Dictionary<string, string>? labels) =>
        rs.Spec.Template?.Metadata?.Labels is not { Count: > 0 } templateLabels || LabelSelectors.Matches(templateLabels, labels);

    /// <summary>Creates or deletes pods until the count matches spec.replicas; returns the first API error, which ends the attempt.</summary>
    private ApiException? ManageReplicas(ReplicaSet rs, List<Pod> pods, WriteContext context)
    {
        var diff = pods.Count - (rs.Spec.Replicas ?? 1);
        if (diff < 0) return CreatePods(rs, Math.Min(-diff, BurstReplicas), context);
        if (diff > 0) return DeletePods(rs, pods, Math.Min(diff, BurstReplicas), context);
        return null;
    }

    /// <summary>Upstream's slow start: batches of 1, 2, 4, … so a failing create (quota, invalid template) stops early.</summary>
    private ApiException? CreatePods(ReplicaSet rs, int count, WriteContext context)
    {
        var remaining = count;
        for (var batch = Math.Min(remaining, 1); batch > 0; batch = Math.Min(2 * batch, remaining))
        {
            ApiException? failure = null;
            for (var i = 0; i < batch; i++)
            {
                try
                {
                    var pod = _api.Create(PodFromTemplate(rs), context);
                    _events.Normal(rs, "SuccessfulCreate", $"Created pod: {pod.Metadata.Name}", context);
                }
                catch (ApiException e)
                {
                    _events.Warning(rs, "FailedCreate", $"Error creating: {e.Message}", context);
                    failure ??= e;
                }
            }
            if (failure is not null) return failure;
            remaining -= batch;
        }
        return null;
    }

    private ApiException? DeletePods(ReplicaSet rs, List<Pod> pods, int count, WriteContext context)
    {
        ApiException? failure = null;
        foreach (var pod in PodsToDelete(rs, pods, count))
        {
            try
            {
                _api.Delete<Pod>(pod.Metadata.Namespace, pod.Metadata.Name!, context);
                _events.Normal(rs, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}", context);
            }
            catch (ApiException e) when (e.Code != 404)
            {
                _events.Warning(rs, "FailedDelete", $"Error deleting: {e.Message}", context);
                failure ??= e;
            }
            catch (ApiException)
            {
                // Already gone: nothing left to delete.
            }
        }
        return failure;
    }

    /// <summary>Ranks pods against those of every ReplicaSet with the same owner, so a rollout spreads what it keeps across nodes.</summary>
    private IEnumerable<Pod> PodsToDelete(ReplicaSet rs, List<Pod> pods, int count)
    {
        // Claimed pods come in the cache's order: name order makes the deletes and the ranking's ties deterministic.
        var byName = pods.OrderBy(p => p.Metadata.Name, StringComparer.Ordinal);
        if (count >= pods.Count) return byName;
        var owner = ControllerRefs.ControllerOf(rs)?.Uid;
        IEnumerable<ReplicaSet> siblings = owner is null ? [rs] : _replicaSets.List(rs.Metadata.Namespace).Where(s => ControllerRefs.ControllerOf(s)?.Uid == owner);
        var related = siblings
            .SelectMany(s => _pods.List(s.Metadata.Namespace, s.Spec.Selector ?? new LabelSelector()))
            .DistinctBy(p => p.Metadata.Uid);
        return byName.OrderBy(p => p, PodDeletionOrder.Ranked(related, _clock.Now)).Take(count);
    }

    private static Pod PodFromTemplate(ReplicaSet rs)
    {
        var template = rs.Spec.Template ?? new PodTemplateSpec();
        var meta = template.Metadata ?? new ObjectMeta();
        return new Pod
        {
            Metadata = new ObjectMeta
            {
                Namespace = rs.Metadata.Namespace,
                GenerateName = rs.Metadata.Name + "-",
                Labels = meta.Labels is null ? null : new(meta.Labels),
                Annotations = meta.Annotations is null ? null : new(meta.Annotations),
                Finalizers = meta.Finalizers is null ? null : [.. meta.Finalizers],
                OwnerReferences = [ControllerRefs.For(rs)],
            },
            Spec = KubeJson.Deserialize<PodSpec>(KubeJson.SerializeValue(template.Spec)),
        };
    }

    /// <summary>Writes the counted replicas, unless nothing changed since the last write for this generation.</summary>
    private ReplicaSet UpdateStatus(ReplicaSet rs, PodCounts counts, ApiException? failure, WriteContext context)
    {
        var status = CalculateStatus(rs, counts, failure);
        var current = rs.Status ?? new ReplicaSetStatus();
        if (current.ObservedGeneration == rs.Metadata.Generation && SameCounts(status, current) && SameConditions(status.Conditions, current.Conditions))
            return rs;
        status.ObservedGeneration = rs.Metadata.Generation;
        var copy = KubeJson.Clone(rs);
        copy.Status = status;
        return _api.UpdateStatus(copy, context);
    }

    private ReplicaSetStatus CalculateStatus(ReplicaSet rs, PodCounts counts, ApiException? failure)
    {
        List<Condition> conditions = [.. rs.Status?.Conditions ?? []];
        var hasFailure = conditions.Any(c => c.Type == "ReplicaFailure");
        if (failure is not null && !hasFailure)
        {
            var reason = counts.Replicas < (rs.Spec.Replicas ?? 1) ? "FailedCreate" : "FailedDelete";
            conditions.Add(new Condition { Type = "ReplicaFailure", Status = "True", LastTransitionTime = _clock.Now, Reason = reason, Message = failure.Message });
        }
        else if (failure is null && hasFailure)
        {
            conditions.RemoveAll(c => c.Type == "ReplicaFailure");
        }
        return new ReplicaSetStatus
        {
            Replicas = counts.Replicas,
            FullyLabeledReplicas = NullIfZero(counts.FullyLabeled),
            ReadyReplicas = NullIfZero(counts.Ready),
            AvailableReplicas = NullIfZero(counts.Available),
            Conditions = conditions.Count == 0 ? null : conditions,
        };
    }

    /// <summary>Ready pods become available minReadySeconds later with no event to say so: sync again then (plus upstream's second of slack).</summary>
    private void RequeueForAvailability(string key, ReplicaSet rs, List<Pod> pods, long? cause)
    {
        var minReady = rs.Spec.MinReadySeconds ?? 0;
        if (minReady == 0) return;
        var next = pods
            .Where(p => PodReadiness.IsReady(p) && !PodReadiness.IsAvailable(p, minReady, _clock.Now))
            .Select(p => PodReadiness.ReadySince(p) ?? _clock.Now)
            .DefaultIfEmpty()
            .Min();
        if (next != default) _queue.AddAfter(key, next.AddSeconds(minReady + 1) - _clock.Now, cause);
    }

    private static bool SameCounts(ReplicaSetStatus a, ReplicaSetStatus b) =>
        a.Replicas == b.Replicas && a.FullyLabeledReplicas == b.FullyLabeledReplicas
        && a.ReadyReplicas == b.ReadyReplicas && a.AvailableReplicas == b.AvailableReplicas;

    /// <summary>CalculateStatus copies the current conditions, so the same objects in the same order is the common, cheap case.</summary>
    private static bool SameConditions(List<Condition>? a, List<Condition>? b) =>
        ReferenceEquals(a, b)
        || (a is not null && b is not null && a.SequenceEqual(b, ReferenceEqualityComparer.Instance))
        || KubeJson.SerializeValue(a) == KubeJson.SerializeValue(b);

    /// <summary>Upstream's status fields but replicas are omitempty: zero is written as absent.</summary>
    private static int? NullIfZero(int value) => value == 0 ? null : value;

    /// <summary>What a ReplicaSet's status reports of the pods it owns.</summary>
    private readonly record struct PodCounts(int Replicas, int FullyLabeled, int Ready, int Available);
}
