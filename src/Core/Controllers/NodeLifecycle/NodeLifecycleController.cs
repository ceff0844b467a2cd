using Playground.Core.Api.Coordination;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Kubelet;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.NodeLifecycle;

/// <summary>
/// Upstream's node lifecycle controller (pkg/controller/nodelifecycle): every node-monitor-period it checks each node's
/// heartbeats (its Ready condition and its Lease); a node silent for node-monitor-grace-period gets all its conditions
/// Unknown, its pods marked not ready, and the unreachable taints that keep the scheduler away and start taint-based eviction.
/// </summary>
public sealed class NodeLifecycleController : IComponent
{
    public const string Actor = "node-lifecycle-controller";

    /// <summary>The component name on its events, as the controller's recorder reports it.</summary>
    public const string EventSource = "node-controller";

    public static readonly TimeSpan MonitorPeriod = TimeSpan.FromSeconds(5);

    /// <summary>The v1.32 default of --node-monitor-grace-period (it was 40 s before).</summary>
    public static readonly TimeSpan GracePeriod = TimeSpan.FromSeconds(50);

    public static readonly TimeSpan StartupGracePeriod = TimeSpan.FromSeconds(60);

    private static readonly string[] ConditionTypes = ["Ready", "MemoryPressure", "DiskPressure", "PIDPressure"];

    private readonly ClusterServices _services;
    private readonly Informer<Node> _nodes;
    private readonly Informer<Pod> _pods;
    private readonly Informer<Lease> _leases;
    private readonly EventRecorder _events;
    private readonly ControllerQueue _queue;
    private readonly Dictionary<string, Health> _health = [];
    private readonly Dictionary<string, Node> _known = [];

    public NodeLifecycleController(ClusterServices services)
    {
        _services = services;
        _nodes = services.Informers.For<Node>();
        _pods = services.Informers.For<Pod>();
        _leases = services.Informers.For<Lease>();
        _events = services.Recorder(EventSource);
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        // Nodes stored before a restore were registered already; a sandbox waking up is no news to report.
        foreach (var node in _nodes.List()) _known[node.Metadata.Name!] = node;
        _nodes.OnChange((old, current, cause) => _queue.Add((current ?? old)!.Metadata.Name!, cause));
        _services.Loop.Post(Monitor);
    }

    /// <summary>Registers and forgets nodes, and keeps the taints the node's state calls for.</summary>
    private void Sync(string name, long? cause)
    {
        var write = new WriteContext(Actor, cause);
        if (_nodes.Get(name) is not { } node)
        {
            _health.Remove(name);
            if (_known.Remove(name, out var gone)) NodeEvent(gone, "RemovingNode", $"Removing Node {name} from Controller", write);
            return;
        }
        if (_known.TryAdd(name, node)) NodeEvent(node, "RegisteredNode", $"Registered Node {name} in Controller", write);
        _known[name] = node;
        if (NodeTaints.Reconcile(node, _services.Clock.Now) is not { } taints) return;
        var updated = Serialization.KubeJson.Clone(node);
        updated.Spec.Taints = taints.Count == 0 ? null : taints;
        _services.Api.Update(updated, write);
    }

    /// <summary>monitorNodeHealth: one pass over every node, then the next pass in a node-monitor-period (a background timer).</summary>
    private void Monitor()
    {
        _services.Loop.After(MonitorPeriod, Monitor, background: true);
        foreach (var node in _nodes.List().ToList())
        {
            try
            {
                MonitorNode(node);
            }
            catch (ApiException)
            {
                // The node changed meanwhile; the next pass looks again.
            }
        }
    }

    private void MonitorNode(Node node)
    {
        var now = _services.Clock.Now;
        var name = node.Metadata.Name!;
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        var renewed = _leases.Get(Kubelet.Kubelet.LeaseNamespace, name)?.Spec.RenewTime;
        if (!_health.TryGetValue(name, out var health))
            _health[name] = health = new Health { Probe = now, Heartbeat = ready?.LastHeartbeatTime, LeaseRenewed = renewed };
        if (ready?.LastHeartbeatTime != health.Heartbeat) (health.Heartbeat, health.Probe) = (ready?.LastHeartbeatTime, now);
        if (renewed is not null && renewed != health.LeaseRenewed) (health.LeaseRenewed, health.Probe) = (renewed, now);

        var grace = ready is null ? StartupGracePeriod : GracePeriod;
        if (now <= health.Probe + grace) return;
        var wasReady = ready?.Status == "True";
        var updated = Serialization.KubeJson.Clone(node);
        if (!MarkUnknown(updated, now)) return;
        var cause = long.TryParse(node.Metadata.ResourceVersion, out var revision) ? revision : (long?)null;
        var write = new WriteContext(Actor, cause);
        updated = _services.Api.UpdateStatus(updated, write);
        if (!wasReady) return;
        _events.Normal(updated, "NodeNotReady", $"Node {name} status is now: NodeNotReady", write);
        MarkPodsNotReady(name, write);
    }

    /// <summary>Every condition the kubelet no longer vouches for turns Unknown; its heartbeat time stays the last one heard.</summary>
    private static bool MarkUnknown(Node node, DateTimeOffset now)
    {
        var conditions = (node.Status ??= new NodeStatus()).Conditions ??= [];
        var changed = false;
        foreach (var type in ConditionTypes)
        {
            var condition = conditions.FirstOrDefault(c => c.Type == type);
            if (condition is null)
            {
                conditions.Add(new Condition
                {
                    Type = type, Status = "Unknown", Reason = "NodeStatusNeverUpdated", Message = "Kubelet never posted node status.",
                    LastHeartbeatTime = node.Metadata.CreationTimestamp, LastTransitionTime = now,
                });
                changed = true;
            }
            else if (condition.Status != "Unknown")
            {
                (condition.Status, condition.Reason, condition.Message, condition.LastTransitionTime) =
                    ("Unknown", "NodeStatusUnknown", "Kubelet stopped posting node status.", now);
                changed = true;
            }
        }
        return changed;
    }

    /// <summary>MarkPodsNotReady: the node's pods can no longer be vouched for, so services stop sending them traffic.</summary>
    private void MarkPodsNotReady(string nodeName, WriteContext write)
    {
        foreach (var cached in _pods.List().Where(p => p.Spec.NodeName == nodeName).ToList())
        {
            var pod = Serialization.KubeJson.Clone(cached);
            var ready = pod.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
            if (ready is null || ready.Status == "False") continue;
            (ready.Status, ready.LastTransitionTime) = ("False", _services.Clock.Now);
            try
            {
                pod = _services.Api.UpdateStatus(pod, write);
            }
            catch (ApiException)
            {
                continue;
            }
            _events.Warning(pod, "NodeNotReady", "Node is not ready", write);
        }
    }

    /// <summary>RecordNodeEvent: node events carry the node's name in their message.</summary>
    private void NodeEvent(Node node, string reason, string message, WriteContext write) =>
        _events.Normal(node, reason, $"Node {node.Metadata.Name} event: {message}", write);

    /// <summary>What the controller last heard from a node, and when (its probe timestamp).</summary>
    private sealed class Health
    {
        public DateTimeOffset Probe { get; set; }
        public DateTimeOffset? Heartbeat { get; set; }
        public DateTimeOffset? LeaseRenewed { get; set; }
    }
}
