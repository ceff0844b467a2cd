using Playground.Core.Api.Coordination;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;

namespace Playground.Core.Kubelet;

/// <summary>
/// The kubelet's heartbeats: it renews its Lease in kube-node-lease every 10 seconds and reports node status when it
/// changed or every 5 minutes (nodeStatusReportFrequency). A powered-off machine (see <see cref="PoweredOffAnnotation"/>)
/// does neither, nor anything else, so the node lifecycle controller sees it go silent.
/// </summary>
public sealed partial class Kubelet
{
    /// <summary>
    /// The playground's fault switch, kept on the Node because the stored objects are a sandbox's whole state: while it
    /// is set the kubelet behaves as a machine without power (no heartbeats, no pod work), also after a restore.
    /// </summary>
    public const string PoweredOffAnnotation = "playground.k8s.io/powered-off";

    public const string LeaseNamespace = "kube-node-lease";
    public static readonly TimeSpan LeaseRenewInterval = TimeSpan.FromSeconds(10);
    public static readonly TimeSpan NodeStatusReportFrequency = TimeSpan.FromMinutes(5);
    private const int LeaseDurationSeconds = 40;

    private IDisposable? _heartbeat;
    private DateTimeOffset _lastStatusReport;
    private bool _poweredOff;
    private bool? _unschedulable;
    private bool _stopped;

    /// <summary>True while the kubelet must do nothing: its machine is off, or its node was removed from the cluster.</summary>
    public bool Halted => _poweredOff || _stopped;

    /// <summary>The kubelet's process ends for good (its node is being removed): every timer it owns becomes a no-op.</summary>
    public void Stop()
    {
        _stopped = true;
        _heartbeat?.Dispose();
    }

    private void StartHeartbeats()
    {
        _poweredOff = _services.Api.TryGet<Node>(null, NodeName)?.Metadata.Annotations?.ContainsKey(PoweredOffAnnotation) == true;
        _lastStatusReport = _services.Clock.Now;
        // A kubelet restored with its sandbox (after a restart or a hibernation) beats on where it left off, so waking a
        // sandbox writes nothing before a beat is due.
        var due = _services.Api.TryGet<Lease>(LeaseNamespace, NodeName)?.Spec.RenewTime + LeaseRenewInterval - _services.Clock.Now;
        if (due > TimeSpan.Zero) _heartbeat = _services.Loop.After(due.Value, () => Heartbeat(null), background: true);
        else _services.Loop.Post(() => Heartbeat(null));
    }

    /// <summary>
    /// The machine loses or regains power, as its node's <see cref="PoweredOffAnnotation"/> now says. The playground
    /// tells the kubelet directly rather than through a node watch per kubelet, which would cost every node write a
    /// call per node.
    /// </summary>
    public void SetPower(bool on, long? cause)
    {
        if (_poweredOff != on) return;
        _poweredOff = !on;
        if (on) _services.Loop.Post(() => PowerOn(cause));
    }

    /// <summary>One beat: renew the lease, report status when due, and arm the next beat (background: it never keeps "until idle" busy).</summary>
    private void Heartbeat(long? cause)
    {
        _heartbeat?.Dispose();
        if (_stopped) return;
        _heartbeat = _services.Loop.After(LeaseRenewInterval, () => Heartbeat(null), background: true);
        // Informer caches are shared and read-only: a beat reads them and copies only what it writes.
        var node = _services.Informers.For<Node>().Get(NodeName);
        // The switch also works when the annotation is edited by hand; the playground's own operations apply it at once.
        var off = node?.Metadata.Annotations?.ContainsKey(PoweredOffAnnotation) == true;
        if (node is not null && off != _poweredOff)
        {
            SetPower(!off, cause);
            return;
        }
        if (_poweredOff) return;
        RenewLease(cause);
        if (node is null) return;
        RecordSchedulableChange(node, cause);
        var ready = node.Status?.Conditions?.FirstOrDefault(c => c.Type == "Ready");
        if (ready?.Status != "True" || _services.Clock.Now - _lastStatusReport >= NodeStatusReportFrequency) ReportStatus(Serialization.KubeJson.Clone(node), cause);
    }

    /// <summary>recordNodeSchedulableEvent: the kubelet notices a cordon or uncordon on its next status sync and says so.</summary>
    private void RecordSchedulableChange(Node node, long? cause)
    {
        var unschedulable = node.Spec.Unschedulable == true;
        if (_unschedulable is { } before && before != unschedulable)
        {
            var reason = unschedulable ? "NodeNotSchedulable" : "NodeSchedulable";
            _recorder.Normal(node, reason, $"Node {NodeName} status is now: {reason}", new WriteContext(Name, cause));
        }
        _unschedulable = unschedulable;
    }

    /// <summary>The machine is back: the kubelet starts again, reports itself healthy, and picks up its pods where they are.</summary>
    private void PowerOn(long? cause)
    {
        if (_stopped || _services.Api.TryGet<Node>(null, NodeName) is not { } node) return;
        _recorder.Normal(node, "Starting", "Starting kubelet.", new WriteContext(Name, cause));
        Heartbeat(cause);
        foreach (var pod in _pods.List().Where(p => p.Spec.NodeName == NodeName).ToList())
        {
            RepostPodStatus(pod, new WriteContext(Name, cause));
            _queue.Add(Clients.Informer<Pod>.KeyOf(pod), cause);
        }
    }

    /// <summary>The status manager posts each pod's status as the kubelet sees it, undoing the controller's "not ready" marks.</summary>
    private void RepostPodStatus(Pod cached, WriteContext write)
    {
        var pod = Serialization.KubeJson.Clone(cached);
        PodStatusGenerator.Refresh(pod, _services.Clock.Now);
        if (Serialization.KubeJson.SerializeValue(pod.Status) == Serialization.KubeJson.SerializeValue(cached.Status)) return;
        try
        {
            _services.Api.UpdateStatus(pod, write);
        }
        catch (ApiException)
        {
            // The pod changed meanwhile; its sync reports it.
        }
    }

    private void RenewLease(long? cause)
    {
        var write = new WriteContext(Name, cause);
        var now = _services.Clock.Now;
        try
        {
            if (_services.Informers.For<Lease>().Get(LeaseNamespace, NodeName) is { } cached)
            {
                var lease = Serialization.KubeJson.Clone(cached);
                lease.Spec.RenewTime = now;
                _services.Api.Update(lease, write);
                return;
            }
            if (_services.Informers.For<Node>().Get(NodeName) is not { } node) return;
            _services.Api.Create(new Lease
            {
                Metadata = new ObjectMeta
                {
                    Name = NodeName,
                    Namespace = LeaseNamespace,
                    OwnerReferences = [new OwnerReference { ApiVersion = "v1", Kind = "Node", Name = NodeName, Uid = node.Metadata.Uid! }],
                },
                Spec = new LeaseSpec { HolderIdentity = NodeName, LeaseDurationSeconds = LeaseDurationSeconds, RenewTime = now },
            }, write);
        }
        catch (ApiException)
        {
            // The lease changed or its namespace is gone; the next beat tries again.
        }
    }

    /// <summary>
    /// Posts the node's conditions with a fresh heartbeat; a condition that was not healthy (the node controller set it
    /// Unknown while the machine was off) turns healthy again with an event, as the kubelet's status setters record.
    /// </summary>
    private void ReportStatus(Node node, long? cause)
    {
        var now = _services.Clock.Now;
        var write = new WriteContext(Name, cause);
        var healthy = NodeRegistration.Build(NodeName, _services.Options, now, _services.Random).Status!.Conditions!;
        var conditions = (node.Status ??= new NodeStatus()).Conditions ??= [];
        var changed = new List<string>();
        foreach (var want in healthy)
        {
            var have = conditions.FirstOrDefault(c => c.Type == want.Type);
            if (have is null) conditions.Add(have = want);
            else if (have.Status != want.Status)
            {
                have.Status = want.Status;
                have.Reason = want.Reason;
                have.Message = want.Message;
                have.LastTransitionTime = now;
                changed.Add(want.Reason!);
            }
            have.LastHeartbeatTime = now;
        }
        try
        {
            node = _services.Api.UpdateStatus(node, write);
            _lastStatusReport = now;
        }
        catch (ApiException)
        {
            return;
        }
        foreach (var reason in changed) _recorder.Normal(node, NodeEventReason(reason), $"Node {NodeName} status is now: {NodeEventReason(reason)}", write);
    }

    /// <summary>The kubelet's event reason for a condition turning healthy: KubeletReady is reported as NodeReady.</summary>
    private static string NodeEventReason(string conditionReason) => conditionReason switch
    {
        "KubeletReady" => "NodeReady",
        "KubeletHasSufficientMemory" => "NodeHasSufficientMemory",
        "KubeletHasNoDiskPressure" => "NodeHasNoDiskPressure",
        "KubeletHasSufficientPID" => "NodeHasSufficientPID",
        _ => conditionReason,
    };
}
