using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Clients;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.Deployments;

/// <summary>
/// Upstream's deployment controller: one ReplicaSet per pod template, rolled from old to new by the deployment's
/// strategy. This file routes a sync; the behaviours live beside it: Sync (scaling, revisions, cleanup, status),
/// Rolling, Recreate and Progress.
/// </summary>
public sealed partial class DeploymentController : IComponent
{
    public const string Actor = "deployment-controller";

    private readonly ApiServer.ApiServer _api;
    private readonly Clock _clock;
    private readonly Informer<Deployment> _deployments;
    private readonly Informer<ReplicaSet> _replicaSets;
    private readonly Informer<Pod> _pods;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;

    public DeploymentController(ClusterServices services)
    {
        _api = services.Api;
        _clock = services.Clock;
        _deployments = services.Informers.For<Deployment>();
        _replicaSets = services.Informers.For<ReplicaSet>();
        _pods = services.Informers.For<Pod>();
        _events = services.Recorder(Actor);
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    /// <summary>Condition times, as the API stores them: whole seconds.</summary>
    private DateTimeOffset Now => DateTimeOffset.FromUnixTimeSeconds(_clock.Now.ToUnixTimeSeconds());

    public void Start()
    {
        _queue.Watch(_deployments);
        _replicaSets.OnChange(OnReplicaSetChange);
        _pods.OnChange(OnPodChange);
    }

    private void OnReplicaSetChange(ReplicaSet? old, ReplicaSet? current, long? cause) =>
        ControllerRefs.EnqueueControllers(_deployments, _queue, old, current, cause, d => d.Spec.Selector);

    /// <summary>Recreate waits for every old pod to be gone, so the final delete of one of its pods is news.</summary>
    private void OnPodChange(Pod? old, Pod? current, long? cause)
    {
        if (current is not null || old is null) return;
        var rs = ControllerRefs.Resolve(_replicaSets, old.Metadata.Namespace, ControllerRefs.ControllerOf(old));
        if (rs is not null && ControllerRefs.Resolve(_deployments, rs.Metadata.Namespace, ControllerRefs.ControllerOf(rs)) is { } d
            && !RolloutMath.IsRollingUpdate(d))
            _queue.Add(Informer<Deployment>.KeyOf(d), cause);
    }

    /// <summary>Upstream's syncDeployment: deleting and paused deployments only scale; otherwise a scaling event or a rollout step.</summary>
    private void Sync(string key, long? cause)
    {
        if (_deployments.Get(key) is not { } cached) return;
        var d = KubeJson.Clone(cached);
        var context = new WriteContext(Actor, cause);
        var replicaSets = ReplicaSetsFor(d, context);

        if (d.Metadata.DeletionTimestamp is not null)
        {
            SyncStatusOnly(d, replicaSets, context);
            return;
        }
        CheckPausedConditions(d, context);
        if (d.Spec.Paused == true || IsScalingEvent(d, replicaSets, context))
        {
            SyncScalingOrPaused(d, replicaSets, context);
            return;
        }
        if (RolloutMath.IsRollingUpdate(d)) RolloutRolling(d, replicaSets, context);
        else RolloutRecreate(d, replicaSets, PodMapFor(d, replicaSets), context);
    }

    /// <summary>The ReplicaSets this deployment owns, after adopting matching orphans and releasing those it no longer selects.</summary>
    private List<ReplicaSet> ReplicaSetsFor(Deployment d, WriteContext context)
    {
        var candidates = _replicaSets.List(d.Metadata.Namespace).OrderBy(rs => rs.Metadata.Name, StringComparer.Ordinal);
        return new ControllerRefManager<ReplicaSet>(_api, d, rs => LabelSelectors.Matches(d.Spec.Selector, rs.Metadata.Labels), context)
            .Claim(candidates);
    }

    /// <summary>The deployment's pods by owning ReplicaSet uid, terminating ones included (Recreate must wait for them).</summary>
    private Dictionary<string, List<Pod>> PodMapFor(Deployment d, List<ReplicaSet> replicaSets)
    {
        var selector = d.Spec.Selector ?? new();
        return replicaSets.ToDictionary(
            rs => rs.Metadata.Uid!,
            rs => _pods.ControlledBy(rs.Metadata.Uid!).Where(p => LabelSelectors.Matches(selector, p.Metadata.Labels)).ToList());
    }

    /// <summary>Writes the deployment's status (and revision annotation), keeping the local copy's resourceVersion current.</summary>
    private void WriteStatus(Deployment d, WriteContext context)
    {
        var written = _api.UpdateStatus(d, context);
        d.Metadata.ResourceVersion = written.Metadata.ResourceVersion;
    }
}
