using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Scheduling.Plugins;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.TaintEviction;

/// <summary>
/// Upstream's taint-eviction-controller (pkg/controller/tainteviction, its own controller since v1.29): a pod on a node
/// with a NoExecute taint it does not tolerate is deleted at once; one it tolerates for tolerationSeconds is deleted when
/// they have passed, unless the taint goes away first.
/// </summary>
public sealed class TaintEvictionController : IComponent
{
    public const string Actor = "taint-eviction-controller";

    private readonly ClusterServices _services;
    private readonly Informer<Node> _nodes;
    private readonly Informer<Pod> _pods;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;
    private readonly Dictionary<string, Scheduled> _scheduled = [];

    public TaintEvictionController(ClusterServices services)
    {
        _services = services;
        _nodes = services.Informers.For<Node>();
        _pods = services.Informers.For<Pod>();
        _events = services.Recorder(Actor);
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _pods.OnChange((old, current, cause) =>
        {
            var pod = (current ?? old)!;
            if (!string.IsNullOrEmpty(pod.Spec.NodeName) || _scheduled.ContainsKey(Informer<Pod>.KeyOf(pod))) _queue.Add(Informer<Pod>.KeyOf(pod), cause);
        });
        _nodes.OnChange((old, current, cause) =>
        {
            if (Serialization.KubeJson.SerializeValue(NoExecute(old)) == Serialization.KubeJson.SerializeValue(NoExecute(current))) return;
            var name = (current ?? old)!.Metadata.Name;
            foreach (var pod in _pods.List().Where(p => p.Spec.NodeName == name)) _queue.Add(Informer<Pod>.KeyOf(pod), cause);
        });
    }

    private static List<Taint> NoExecute(Node? node) => (node?.Spec.Taints ?? []).Where(t => t.Effect == "NoExecute").ToList();

    /// <summary>processPodOnNode: decide now, later (at the smallest tolerationSeconds of the matching tolerations) or never.</summary>
    private void Sync(string key, long? cause)
    {
        var pod = _pods.Get(key);
        if (pod is null || pod.Metadata.DeletionTimestamp is not null || string.IsNullOrEmpty(pod.Spec.NodeName))
        {
            Cancel(key, null, cause);
            return;
        }
        var taints = NoExecute(_nodes.Get(pod.Spec.NodeName));
        if (taints.Count == 0)
        {
            Cancel(key, pod, cause);
            return;
        }
        var now = _services.Clock.Now;
        var tolerations = pod.Spec.Tolerations ?? [];
        if (taints.Any(t => !tolerations.Tolerate(t)))
        {
            Cancel(key, null, cause);
            Evict(key, cause);
            return;
        }
        var used = tolerations.Where(t => taints.Any(t.Tolerates)).ToList();
        if (MinTolerationTime(used) is not { } wait)
        {
            Cancel(key, pod, cause);
            return;
        }
        var start = _scheduled.TryGetValue(key, out var existing) ? existing.CreatedAt : now;
        if (existing is not null && existing.Due <= start + wait) return;
        existing?.Timer.Dispose();
        var due = start + wait;
        _scheduled[key] = new Scheduled(start, due, _services.Loop.After(due - now, () =>
        {
            _scheduled.Remove(key);
            Evict(key, cause);
        }));
    }

    /// <summary>getMinTolerationTime: the smallest tolerationSeconds (zero or less is now); null when every toleration is forever.</summary>
    private static TimeSpan? MinTolerationTime(IEnumerable<Toleration> tolerations)
    {
        TimeSpan? min = null;
        foreach (var seconds in tolerations.Select(t => t.TolerationSeconds).OfType<long>())
        {
            var wait = TimeSpan.FromSeconds(Math.Max(0, seconds));
            if (min is null || wait < min) min = wait;
        }
        return min;
    }

    /// <summary>Stops a pending eviction; when the pod is still there (its taint went away) it says so with an event.</summary>
    private void Cancel(string key, Pod? pod, long? cause)
    {
        if (!_scheduled.Remove(key, out var scheduled)) return;
        scheduled.Timer.Dispose();
        if (pod is not null)
            _events.Normal(pod, "TaintManagerEviction", $"Cancelling deletion of Pod {key}", new WriteContext(Actor, cause));
    }

    /// <summary>addConditionAndDeletePod: the event, the DisruptionTarget condition that says why, then a graceful delete.</summary>
    private void Evict(string key, long? cause)
    {
        if (_pods.Get(key) is not { } cached || cached.Metadata.DeletionTimestamp is not null) return;
        var write = new WriteContext(Actor, cause);
        _events.Normal(cached, "TaintManagerEviction", $"Marking for deletion Pod {key}", write);
        var pod = Serialization.KubeJson.Clone(cached);
        var conditions = (pod.Status ??= new PodStatus()).Conditions ??= [];
        conditions.RemoveAll(c => c.Type == "DisruptionTarget");
        conditions.Add(new Condition
        {
            Type = "DisruptionTarget",
            Status = "True",
            Reason = "DeletionByTaintManager",
            Message = "Taint manager: deleting due to NoExecute taint",
            LastTransitionTime = _services.Clock.Now,
        });
        try
        {
            _services.Api.UpdateStatus(pod, write);
            _services.Api.Delete<Pod>(pod.Metadata.Namespace, pod.Metadata.Name!, write);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Gone already: nothing left to evict.
        }
    }

    private sealed record Scheduled(DateTimeOffset CreatedAt, DateTimeOffset Due, IDisposable Timer);
}
