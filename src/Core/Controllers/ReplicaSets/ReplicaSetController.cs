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

    private void OnPodChange(Pod? old, Pod? current, long? cause) =>
        ControllerRefs.EnqueueControllers(_replicaSets, _queue, old, current, cause, rs => rs.Spec.Selector);

    private void Sync(string key, long? cause)
    {
        if (_replicaSets.Get(key) is not { } rs) return;
        var context = new WriteContext(Actor, cause);
        // Upstream scans the namespace; only its own pods and the orphans can be claimed, so the index reads just those.
        var candidates = _pods.ControlledBy(rs.Metadata.Uid!).Concat(_pods.Orphans(rs.Metadata.Namespace))
            .Where(PodReadiness.IsActive).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal);
        var pods = new ControllerRefManager<Pod>(_api, rs, p => LabelSelectors.Matches(rs.Spec.Selector, p.Metadata.Labels), context)
            .Claim(candidates);

        ApiException? failure = null;
        if (rs.Metadata.DeletionTimestamp is null) failure = ManageReplicas(rs, pods, context);
        var written = UpdateStatus(rs, pods, failure, context);
        RequeueForAvailability(key, written, pods, cause);
        if (failure is not null) throw failure;
    }

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
        if (count >= pods.Count) return pods;
        var owner = ControllerRefs.ControllerOf(rs)?.Uid;
        IEnumerable<ReplicaSet> siblings = owner is null ? [rs] : _replicaSets.List(rs.Metadata.Namespace).Where(s => ControllerRefs.ControllerOf(s)?.Uid == owner);
        var related = siblings
            .SelectMany(s => _pods.List(s.Metadata.Namespace, s.Spec.Selector ?? new LabelSelector()))
            .DistinctBy(p => p.Metadata.Uid);
        return pods.OrderBy(p => p, PodDeletionOrder.Ranked(related, _clock.Now)).Take(count);
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
    private ReplicaSet UpdateStatus(ReplicaSet rs, List<Pod> pods, ApiException? failure, WriteContext context)
    {
        var status = CalculateStatus(rs, pods, failure);
        var current = rs.Status ?? new ReplicaSetStatus();
        status.ObservedGeneration = current.ObservedGeneration;
        if (KubeJson.SerializeValue(status) == KubeJson.SerializeValue(current) && current.ObservedGeneration == rs.Metadata.Generation)
            return rs;
        status.ObservedGeneration = rs.Metadata.Generation;
        var copy = KubeJson.Clone(rs);
        copy.Status = status;
        return _api.UpdateStatus(copy, context);
    }

    private ReplicaSetStatus CalculateStatus(ReplicaSet rs, List<Pod> pods, ApiException? failure)
    {
        var templateLabels = rs.Spec.Template?.Metadata?.Labels;
        var minReady = rs.Spec.MinReadySeconds ?? 0;
        var fullyLabeled = pods.Count(p => templateLabels is not { Count: > 0 } || LabelSelectors.Matches(templateLabels, p.Metadata.Labels));
        var ready = pods.Count(PodReadiness.IsReady);
        var available = pods.Count(p => PodReadiness.IsAvailable(p, minReady, _clock.Now));

        List<Condition> conditions = [.. rs.Status?.Conditions ?? []];
        var hasFailure = conditions.Any(c => c.Type == "ReplicaFailure");
        if (failure is not null && !hasFailure)
        {
            var reason = pods.Count < (rs.Spec.Replicas ?? 1) ? "FailedCreate" : "FailedDelete";
            conditions.Add(new Condition { Type = "ReplicaFailure", Status = "True", LastTransitionTime = _clock.Now, Reason = reason, Message = failure.Message });
        }
        else if (failure is null && hasFailure)
        {
            conditions.RemoveAll(c => c.Type == "ReplicaFailure");
        }
        return new ReplicaSetStatus
        {
            Replicas = pods.Count,
            FullyLabeledReplicas = NullIfZero(fullyLabeled),
            ReadyReplicas = NullIfZero(ready),
            AvailableReplicas = NullIfZero(available),
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

    /// <summary>Upstream's status fields but replicas are omitempty: zero is written as absent.</summary>
    private static int? NullIfZero(int value) => value == 0 ? null : value;
}
