using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Strategies;
using Playground.Core.ApiServer.Validation;
using Playground.Core.Clients;
using Playground.Core.Scheduling.Framework;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.DaemonSets;

/// <summary>
/// Upstream's daemonset controller: one pod per node that should run it (created with node affinity to that node,
/// placed by the scheduler), removed from nodes that no longer should, rolled to a new template node by node, and
/// counted in status.
/// </summary>
public sealed partial class DaemonSetController : IComponent
{
    public const string Actor = "daemonset-controller";

    /// <summary>Upstream's BurstReplicas: at most this many creates per sync.</summary>
    private const int BurstReplicas = 250;

    private readonly ApiServer.ApiServer _api;
    private readonly Clock _clock;
    private readonly Informer<DaemonSet> _daemonSets;
    private readonly Informer<Pod> _pods;
    private readonly Informer<Node> _nodes;
    private readonly Informer<ControllerRevision> _revisions;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;
    private readonly Dictionary<string, DaemonSetState> _states = new(StringComparer.Ordinal);

    /// <summary>Node names in order, rebuilt only when a node is added or removed: every sync walks them.</summary>
    private string[]? _nodeNames;

    public DaemonSetController(ClusterServices services)
    {
        _api = services.Api;
        _clock = services.Clock;
        _daemonSets = services.Informers.For<DaemonSet>();
        _pods = services.Informers.For<Pod>();
        _nodes = services.Informers.For<Node>();
        _revisions = services.Informers.For<ControllerRevision>();
        _events = services.Recorder(Actor);
        _queue = new ControllerQueue(services.Loop, Sync);
        _pods.AddIndex(DaemonPodsByNode, p => ControllerRefs.ControllerOf(p)?.Kind == "DaemonSet" ? DaemonPods.TargetNode(p) : null);
    }

    /// <summary>The pod index of DaemonSet-controlled pods by the node they are on or meant for.</summary>
    private const string DaemonPodsByNode = "daemonset.targetNode";

    public string Name => Actor;

    public void Start()
    {
        _queue.Watch(_daemonSets);
        _pods.OnChange((old, current, cause) =>
        {
            MarkChanged(old);
            MarkChanged(current);
            ControllerRefs.EnqueueControllers(_daemonSets, _queue, old, current, cause, ds => ds.Spec.Selector);
        });
        _nodes.OnChange(OnNodeChange);
        // A revision deleted or changed by hand is put back by the owner's next sync.
        _revisions.OnChange((old, current, cause) =>
        {
            foreach (var state in _states.Values) state.Full = true;
            ControllerRefs.EnqueueControllers(_daemonSets, _queue, old, current, cause, ds => ds.Spec.Selector);
        });
    }

    /// <summary>A node added, removed, relabelled, tainted or changing condition may change where daemon pods belong; heartbeats do not.</summary>
    private void OnNodeChange(Node? old, Node? current, long? cause)
    {
        if (old is null || current is null)
        {
            _nodeNames = null;
            foreach (var state in _states.Values) state.Full = true;
        }
        if (_daemonSets.Count == 0 || (old is not null && current is not null && !Changed(old, current))) return;
        if (current is not null)
            foreach (var state in _states.Values) state.Dirty.Add(current.Metadata.Name!);
        foreach (var ds in _daemonSets.List()) _queue.Add(Informer<DaemonSet>.KeyOf(ds), cause);
    }

    /// <summary>Upstream's shouldIgnoreNodeUpdate, inverted: the node changed in more than its resource version and condition times.</summary>
    private static bool Changed(Node old, Node current)
    {
        static string Shape(Node node)
        {
            var copy = KubeJson.Clone(node);
            copy.Metadata.ResourceVersion = null;
            copy.Metadata.ManagedFields = null;
            foreach (var c in copy.Status?.Conditions ?? [])
            {
                c.LastHeartbeatTime = null;
                c.LastProbeTime = null;
            }
            return KubeJson.Serialize(copy);
        }
        return Shape(old) != Shape(current);
    }

    private void Sync(string key, long? cause)
    {
        if (_daemonSets.Get(key) is not { } ds || ds.Metadata.DeletionTimestamp is not null)
        {
            _states.Remove(key);
            return;
        }
        var state = StateOf(key, ds);
        var context = new WriteContext(Actor, cause);
        var (current, old) = ConstructHistory(ds, context);
        var hash = current.Metadata.Labels![History.ControllerHistory.HashLabel];
        if (state.Hash != hash) state.Full = true;
        if (!state.Full && SettleChangedNodes(ds, state, hash))
        {
            CleanupHistory(ds, old, context);
            UpdateStatus(ds, state.Totals, context);
            return;
        }

        // Until this sync has finished, the next one looks at everything again.
        state.Full = true;
        var nodes = Eligible(state, ds);
        // Each step reads the pods again only after the one before wrote some: the usual sync writes none.
        var byNode = NodesToDaemonPods(ds, context);
        var wrote = Manage(ds, nodes, byNode, hash, context);
        if (ds.Spec.UpdateStrategy?.Type == "RollingUpdate")
        {
            if (wrote) byNode = NodesToDaemonPods(ds, context);
            wrote = RollingUpdate(ds, nodes, byNode, hash, context);
        }
        CleanupHistory(ds, old, context);
        if (wrote) byNode = NodesToDaemonPods(ds, context);
        Count(state, ds, nodes, byNode, hash);
        var written = UpdateStatus(ds, state.Totals, context);
        (state.Hash, state.Full) = (hash, false);
        state.Dirty.Clear();
        if ((ds.Spec.MinReadySeconds ?? 0) > 0 && written.Status!.NumberReady != (written.Status.NumberAvailable ?? 0))
            _queue.AddAfter(key, TimeSpan.FromSeconds(ds.Spec.MinReadySeconds!.Value), cause);
    }

    /// <summary>The pods this DaemonSet owns after claiming, by the node each is on or meant for.</summary>
    private Dictionary<string, List<Pod>> NodesToDaemonPods(DaemonSet ds, WriteContext context)
    {
        // Materialized: claiming writes, and each write moves the pod between the indexes being read.
        var candidates = _pods.ControlledBy(ds.Metadata.Uid!).Concat(_pods.Orphans(ds.Metadata.Namespace)).ToList();
        var pods = new ControllerRefManager<Pod>(_api, ds, p => LabelSelectors.Matches(ds.Spec.Selector, p.Metadata.Labels), context)
            .Claim(candidates);
        var byNode = new Dictionary<string, List<Pod>>(pods.Count, StringComparer.Ordinal);
        foreach (var pod in pods)
        {
            if (DaemonPods.TargetNode(pod) is not { } node) continue;
            if (!byNode.TryGetValue(node, out var list)) byNode[node] = list = [];
            list.Add(pod);
        }
        // Claiming keeps the candidates' order, so only nodes with several pods need theirs put in name order.
        foreach (var list in byNode.Values)
            if (list.Count > 1) list.Sort((a, b) => string.CompareOrdinal(a.Metadata.Name, b.Metadata.Name));
        return byNode;
    }

    /// <summary>Upstream's manage: which nodes need a daemon pod and which daemon pods must go.</summary>
    private bool Manage(DaemonSet ds, IReadOnlyList<Eligibility> nodes, Dictionary<string, List<Pod>> byNode, string hash, WriteContext context)
    {
        var needing = new List<string>();
        var toDelete = new List<Pod>();
        var onKnownNodes = 0;
        foreach (var node in nodes)
        {
            var pods = byNode.GetValueOrDefault(node.Name) ?? [];
            if (pods.Count > 0) onKnownNodes++;
            if (node.ShouldRun && pods.Count == 0) needing.Add(node.Name);
            else if (node.ShouldContinueRunning)
            {
                // The usual node, with its one pod still running, keeps it without sorting anything.
                if (pods.Count > 1 || (pods.Count == 1 && pods[0].Status?.Phase is "Failed" or "Succeeded")) toDelete.AddRange(Surplus(ds, node.Name, pods, hash, context));
            }
            else if (pods.Count > 0) toDelete.AddRange(pods.Where(p => p.Metadata.DeletionTimestamp is null));
        }
        // Pods the scheduler has not placed yet, meant for nodes that are gone.
        if (onKnownNodes < byNode.Count)
        {
            var names = nodes.Select(n => n.Name).ToHashSet();
            toDelete.AddRange(byNode.Where(p => !names.Contains(p.Key)).SelectMany(p => p.Value)
                .Where(p => string.IsNullOrEmpty(p.Spec.NodeName) && p.Metadata.DeletionTimestamp is null));
        }
        return SyncNodes(ds, toDelete, needing, hash, context);
    }

    /// <summary>
    /// Upstream's podsShouldBeOnNode for a node that keeps its daemon pod: failed or finished pods go; of the rest one
    /// stays (the oldest; with surge, an old ready pod may stay beside a new one until that is available).
    /// </summary>
    private IEnumerable<Pod> Surplus(DaemonSet ds, string node, List<Pod> pods, string hash, WriteContext context)
    {
        var running = new List<Pod>();
        foreach (var pod in pods.Where(p => p.Metadata.DeletionTimestamp is null))
        {
            if (pod.Status?.Phase == "Failed")
            {
                _events.Warning(ds, "FailedDaemonPod", $"Found failed daemon pod {pod.Metadata.Namespace}/{pod.Metadata.Name} on node {node}, will try to kill it", context);
                yield return pod;
            }
            else if (pod.Status?.Phase == "Succeeded") yield return pod;
            else running.Add(pod);
        }
        var oldest = DaemonPods.Oldest(running).ToList();
        if (!AllowsSurge(ds))
        {
            foreach (var pod in oldest.Skip(1)) yield return pod;
            yield break;
        }
        Pod? oldestNew = null, oldestOld = null;
        foreach (var pod in oldest)
        {
            var isNew = pod.Metadata.Labels?.GetValueOrDefault(History.ControllerHistory.HashLabel) == hash;
            if (isNew && oldestNew is null) oldestNew = pod;
            else if (!isNew && oldestOld is null) oldestOld = pod;
            else yield return pod;
        }
        if (oldestNew is not null && oldestOld is not null
            && (!PodReadiness.IsReady(oldestOld) || PodReadiness.IsAvailable(oldestNew, ds.Spec.MinReadySeconds ?? 0, _clock.Now)))
            yield return oldestOld;
    }

    /// <summary>Upstream's syncNodes: creates pinned pods in slow-start batches, then deletes, each with the pod control's event; false when there was nothing to do.</summary>
    private bool SyncNodes(DaemonSet ds, IReadOnlyList<Pod> toDelete, IReadOnlyList<string> needing, string hash, WriteContext context)
    {
        if (needing.Count == 0 && toDelete.Count == 0) return false;
        var template = DaemonPods.Template(ds, hash);
        var count = Math.Min(needing.Count, BurstReplicas);
        ApiException? failure = null;
        for (int position = 0, batch = Math.Min(count, 1); position < count && failure is null; position += batch, batch = Math.Min(2 * batch, count - position))
        {
            for (var i = position; i < position + batch; i++)
            {
                var pod = new Pod
                {
                    Metadata = new()
                    {
                        Namespace = ds.Metadata.Namespace,
                        GenerateName = ds.Metadata.Name + "-",
                        Labels = new(template.Metadata!.Labels!),
                        Annotations = template.Metadata.Annotations is null ? null : new(template.Metadata.Annotations),
                        Finalizers = template.Metadata.Finalizers is null ? null : [.. template.Metadata.Finalizers],
                        OwnerReferences = [ControllerRefs.For(ds)],
                    },
                    Spec = KubeJson.Deserialize<PodSpec>(KubeJson.SerializeValue(template.Spec)),
                };
                DaemonPods.PinToNode(pod.Spec, needing[i]);
                try
                {
                    var created = _api.Create(pod, context);
                    _events.Normal(ds, "SuccessfulCreate", $"Created pod: {created.Metadata.Name}", context);
                }
                catch (ApiException e)
                {
                    _events.Warning(ds, "FailedCreate", $"Error creating: {e.Message}", context);
                    failure ??= e;
                }
            }
        }
        foreach (var pod in toDelete.DistinctBy(p => p.Metadata.Uid))
        {
            try
            {
                _api.Delete<Pod>(pod.Metadata.Namespace, pod.Metadata.Name!, context);
                _events.Normal(ds, "SuccessfulDelete", $"Deleted pod: {pod.Metadata.Name}", context);
            }
            catch (ApiException e) when (e.Code != 404)
            {
                _events.Warning(ds, "FailedDelete", $"Error deleting: {e.Message}", context);
                failure ??= e;
            }
        }
        if (failure is not null) throw failure;
        return true;
    }

    /// <summary>Upstream's updateDaemonSetStatus: writes the counts when they differ from the status the DaemonSet has.</summary>
    private DaemonSet UpdateStatus(DaemonSet ds, DaemonCounts counts, WriteContext context)
    {
        var status = new DaemonSetStatus
        {
            DesiredNumberScheduled = counts.Desired,
            CurrentNumberScheduled = counts.Scheduled,
            NumberMisscheduled = counts.Misscheduled,
            NumberReady = counts.Ready,
            ObservedGeneration = ds.Metadata.Generation,
            UpdatedNumberScheduled = NullIfZero(counts.Updated),
            NumberAvailable = NullIfZero(counts.Available),
            NumberUnavailable = NullIfZero(counts.Desired - counts.Available),
            CollisionCount = ds.Status?.CollisionCount,
            Conditions = ds.Status?.Conditions,
        };
        var latest = _daemonSets.Get(Informer<DaemonSet>.KeyOf(ds)) ?? ds;
        if (KubeJson.SerializeValue(status) == KubeJson.SerializeValue(latest.Status ?? new DaemonSetStatus())) return latest;
        var copy = KubeJson.Clone(latest);
        copy.Status = status;
        return _api.UpdateStatus(copy, context);
    }

    private static int? NullIfZero(int value) => value == 0 ? null : value;
}
