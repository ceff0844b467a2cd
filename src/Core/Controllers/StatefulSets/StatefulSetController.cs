using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Clients;
using Playground.Core.Controllers.History;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.StatefulSets;

/// <summary>
/// Upstream's statefulset controller: claims the set's pods, keeps ControllerRevisions of its template, creates and
/// deletes pods by ordinal (one at a time under OrderedReady), replaces them highest ordinal first on a rolling update,
/// and reports what it counted in status.
/// </summary>
public sealed partial class StatefulSetController : IComponent
{
    public const string Actor = "statefulset-controller";

    private readonly ApiServer.ApiServer _api;
    private readonly Clock _clock;
    private readonly Informer<StatefulSet> _sets;
    private readonly Informer<Pod> _pods;
    private readonly Informer<ControllerRevision> _revisions;
    private readonly Informer<PersistentVolumeClaim> _claims;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;

    public StatefulSetController(ClusterServices services)
    {
        _api = services.Api;
        _clock = services.Clock;
        _sets = services.Informers.For<StatefulSet>();
        _pods = services.Informers.For<Pod>();
        _revisions = services.Informers.For<ControllerRevision>();
        _claims = services.Informers.For<PersistentVolumeClaim>();
        _events = services.Recorder(Actor);
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _queue.Watch(_sets);
        _pods.OnChange((old, current, cause) =>
            ControllerRefs.EnqueueControllers(_sets, _queue, old, current, cause, set => set.Spec.Selector));
    }

    private void Sync(string key, long? cause)
    {
        if (_sets.Get(key) is not { } set) return;
        var context = new WriteContext(Actor, cause);
        var candidates = _pods.ControlledBy(set.Metadata.Uid!).Concat(_pods.Orphans(set.Metadata.Namespace)).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal);
        var pods = new ControllerRefManager<Pod>(_api, set,
                p => LabelSelectors.Matches(set.Spec.Selector, p.Metadata.Labels) && StatefulPods.IsMemberOf(set, p), context)
            .Claim(candidates);

        var revisions = ControllerHistory.Owned(_revisions.List(set.Metadata.Namespace), set);
        var (current, update, collisionCount) = Revisions(set, revisions, context);
        ApiException? failure = null;
        StatefulSetStatus status;
        try
        {
            status = Update(set, current, update, collisionCount, pods, context);
        }
        catch (ApiException e)
        {
            failure = e;
            status = CountOnly(set, current, update, collisionCount, pods);
        }
        var written = WriteStatus(set, status, context);
        var live = new HashSet<string>([current.Metadata.Name!, update.Metadata.Name!]);
        foreach (var pod in pods) if (StatefulPods.Revision(pod) is { } revision) live.Add(revision);
        ControllerHistory.Truncate(_api, ControllerHistory.Owned(_revisions.List(set.Metadata.Namespace), set), live, set.Spec.RevisionHistoryLimit, context);
        RequeueForAvailability(key, written, pods, cause);
        if (failure is not null) throw failure;
    }

    /// <summary>
    /// Upstream's getStatefulSetRevisions: the update revision is the current template (an existing revision with the
    /// same data is reused, and renumbered if it is not the latest); the current revision is the one status names.
    /// </summary>
    private (ControllerRevision Current, ControllerRevision Update, int CollisionCount) Revisions(StatefulSet set, List<ControllerRevision> revisions, WriteContext context)
    {
        var collisionCount = set.Status?.CollisionCount ?? 0;
        var data = ControllerHistory.Patch(set.Spec.Template);
        var candidate = ControllerHistory.New(set, set.Spec.Template.Metadata?.Labels, data, ControllerHistory.Next(revisions), collisionCount);
        if (set.Metadata.Annotations is { Count: > 0 } annotations) candidate.Metadata.Annotations = new(annotations);
        var equal = revisions.Where(r => ControllerHistory.Equal(r, candidate)).ToList();
        ControllerRevision update;
        if (equal.Count > 0 && ControllerHistory.Equal(revisions[^1], equal[^1])) update = revisions[^1];
        else if (equal.Count > 0) update = ControllerHistory.Renumber(_api, equal[^1], candidate.Revision, context);
        else update = ControllerHistory.Create(_api, set, candidate, ref collisionCount, probe => ControllerHistory.Hash(data, probe), context);
        var current = revisions.FirstOrDefault(r => r.Metadata.Name == set.Status?.CurrentRevision) ?? update;
        return (current, update, collisionCount);
    }

    /// <summary>Upstream's updateStatefulSetStatus: completes a finished rolling update, and writes only when something changed.</summary>
    private StatefulSet WriteStatus(StatefulSet set, StatefulSetStatus status, WriteContext context)
    {
        if (set.Spec.UpdateStrategy?.Type == "RollingUpdate" && (status.UpdatedReplicas ?? 0) == status.Replicas && (status.ReadyReplicas ?? 0) == status.Replicas)
        {
            status.CurrentReplicas = status.UpdatedReplicas;
            status.CurrentRevision = status.UpdateRevision;
        }
        status.Conditions = set.Status?.Conditions;
        if (KubeJson.SerializeValue(status) == KubeJson.SerializeValue(set.Status ?? new StatefulSetStatus())) return set;
        var copy = KubeJson.Clone(set);
        copy.Status = status;
        return _api.UpdateStatus(copy, context);
    }

    /// <summary>Pods become available minReadySeconds after Ready with no event to say so: sync again then.</summary>
    private void RequeueForAvailability(string key, StatefulSet set, List<Pod> pods, long? cause)
    {
        var minReady = set.Spec.MinReadySeconds ?? 0;
        if (minReady == 0) return;
        var next = pods
            .Where(p => PodReadiness.IsReady(p) && !PodReadiness.IsAvailable(p, minReady, _clock.Now))
            .Select(p => PodReadiness.ReadySince(p) ?? _clock.Now)
            .DefaultIfEmpty()
            .Min();
        if (next != default) _queue.AddAfter(key, next.AddSeconds(minReady + 1) - _clock.Now, cause);
    }
}
