using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Kubelet.Images;
using Playground.Core.Kubelet.Prober;
using Playground.Core.Kubelet.Stages;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Kubelet;

/// <summary>
/// The node agent of one node: registers its Node, then drives every pod bound to it through the lifecycle stages,
/// writing the pod's status and events as the real kubelet does, and finishes graceful deletions.
/// </summary>
public sealed partial class Kubelet : IComponent
{
    /// <summary>How long after an image pull the kubelet reports the node's images (nodeStatusUpdateFrequency).</summary>
    public static readonly TimeSpan NodeStatusUpdateFrequency = TimeSpan.FromSeconds(10);

    private readonly ClusterServices _services;
    private readonly EventRecorder _recorder;
    private readonly Dictionary<string, Worker> _workers = [];
    private Informer<Pod> _pods = null!;
    private WorkQueue _queue = null!;
    private ProbeManager _probes = null!;
    private IDisposable? _nodeStatusUpdate;

    public Kubelet(ClusterServices services, string nodeName)
    {
        _services = services;
        NodeName = nodeName;
        _recorder = services.Recorder("kubelet", nodeName);
        Node = new KubeletNode(services.Api, nodeName, (int)Math.Max(1, Quantity.MilliCpu(services.Options.NodeCpu) / 1000));
        Node.Runtime.ImagesChanged += ScheduleNodeStatusUpdate;
    }

    public string Name => $"kubelet/{NodeName}";
    public string NodeName { get; }
    public KubeletNode Node { get; }

    /// <summary>The stages this kubelet drives pods through.</summary>
    public IReadOnlyList<Stage> Stages { get; } = Lifecycle.Stages;

    public void Start()
    {
        _queue = new WorkQueue(_services.Loop, Sync);
        _pods = _services.Informers.For<Pod>();
        _probes = new ProbeManager(_services, Node, _recorder, Name, _pods.Get, key => _queue.Add(key, null));
        Resync();
        _pods.OnChange((old, current, revision) =>
        {
            if ((current ?? old)!.Spec.NodeName == NodeName) _queue.Add(Informer<Pod>.KeyOf((current ?? old)!), revision);
        });
        // A pod waiting on a missing ConfigMap or Secret (for its env or a volume) starts once it appears.
        _services.Informers.For<ConfigMap>().OnChange((old, current, revision) => RequeueNamespace((current ?? old)!.Metadata.Namespace, revision));
        _services.Informers.For<Secret>().OnChange((old, current, revision) => RequeueNamespace((current ?? old)!.Metadata.Namespace, revision));
        _services.Loop.Post(Register);
        StartHeartbeats();
    }

    private void RequeueNamespace(string? ns, long? revision)
    {
        foreach (var pod in _pods.OnNode(NodeName).Where(p => p.Metadata.Namespace == ns).ToList()) _queue.Add(Informer<Pod>.KeyOf(pod), revision);
    }

    /// <summary>
    /// After a restart the runtime is rebuilt from what was stored: the node's images, and the addresses of the pods
    /// whose sandboxes are up. Work in progress (a pull, a created container) is redone by the stages.
    /// </summary>
    private void Resync()
    {
        var node = _services.Api.TryGet<Node>(null, NodeName);
        foreach (var image in node?.Status?.Images ?? [])
        {
            var tagged = image.Names?.FirstOrDefault(n => !n.Contains('@')) ?? image.Names?.FirstOrDefault();
            if (tagged is not null) Node.Runtime.AddImage(ImageReference.Parse(tagged), image.SizeBytes ?? 0);
        }
        foreach (var pod in _pods.OnNode(NodeName).Where(p => p.Spec.HostNetwork != true))
        {
            var sandboxUp = pod.Status?.Conditions?.Any(c => c.Type == "PodReadyToStartContainers" && c.Status == "True") == true;
            if (sandboxUp && pod.Status?.PodIP is { } ip) Node.Ips.Reserve(ip, pod.Metadata.Uid!);
        }
    }

    private void Register()
    {
        if (_services.Api.TryGet<Node>(null, NodeName) is not null) return;
        _services.Api.Create(NodeRegistration.Build(NodeName, _services.Options, _services.Clock.Now, _services.Random), new WriteContext(Name));
    }

    /// <summary>Picks the stage due first for the pod and arms its timer, unless that very stage is already waiting.</summary>
    private void Sync(string key, long? cause)
    {
        if (Halted) return;
        var pod = _pods.Get(key);
        if (pod is null || pod.Spec.NodeName != NodeName)
        {
            Forget(key);
            return;
        }
        if (_workers.TryGetValue(key, out var worker) && worker.Uid != pod.Metadata.Uid) Forget(key);
        if (!_workers.TryGetValue(key, out worker)) _workers[key] = worker = new Worker(pod.Metadata.Uid!);
        if (pod.Spec.Containers.Any(c => c.LivenessProbe is not null || c.ReadinessProbe is not null || c.StartupProbe is not null)) _probes.Sync(key, pod);

        var now = _services.Clock.Now;
        var state = new PodState(pod, Node, now);
        (string Signature, DateTimeOffset Due)? best = null;
        foreach (var stage in Stages)
        {
            if (stage.Select(state) is not { } targets) continue;
            var signature = Signature(stage, targets);
            var due = worker.Signature == signature ? worker.Due : now + stage.Delay(state, targets, _services.Random);
            if (best is null || due < best.Value.Due) best = (signature, due);
        }
        if (best is not { } plan)
        {
            worker.Cancel();
            return;
        }
        if (worker.Signature == plan.Signature) return;
        worker.Cancel();
        worker.Signature = plan.Signature;
        worker.Due = plan.Due;
        worker.Timer = _services.Loop.After(plan.Due - now, () => Fire(key, plan.Signature));
    }

    /// <summary>Runs a stage whose time has come, if the pod's state still calls for it, then looks for the next one.</summary>
    private void Fire(string key, string signature)
    {
        if (_workers.TryGetValue(key, out var worker)) worker.Cancel();
        if (Halted) return;
        var pod = _pods.Get(key);
        if (pod is null || pod.Spec.NodeName != NodeName)
        {
            Forget(key);
            return;
        }
        var state = new PodState(pod, Node, _services.Clock.Now);
        var match = Stages
            .Select(stage => (Stage: stage, Targets: stage.Select(state)))
            .FirstOrDefault(m => m.Targets is not null && Signature(m.Stage, m.Targets) == signature);
        var cause = long.TryParse(pod.Metadata.ResourceVersion, out var revision) ? revision : (long?)null;
        if (match.Stage is not null) Apply(pod, state, match.Stage, match.Targets!, new WriteContext(Name, cause));
        _queue.Add(key, cause);
    }

    private void Apply(Pod pod, PodState state, Stage stage, IReadOnlyList<ContainerTarget> targets, WriteContext write)
    {
        var context = new StageContext(state, targets, _services.Random);
        stage.Apply(context);
        foreach (var target in targets.Count == 0 ? [null] : targets.Cast<ContainerTarget?>())
        {
            foreach (var e in stage.Events) _recorder.Record(pod, e.Type, e.Reason, e.Message(context, target), write, target?.FieldPath);
        }
        foreach (var e in context.Events) _recorder.Record(pod, e.Type, e.Reason, e.Message, write);
        try
        {
            if (context.DeletePod)
            {
                _services.Api.Delete<Pod>(pod.Metadata.Namespace, pod.Metadata.Name!, write, new DeleteOptions { GracePeriodSeconds = 0 });
                return;
            }
            PodStatusGenerator.Refresh(context.Pod, state.Now);
            if (KubeJson.SerializeValue(context.Pod.Status) != KubeJson.SerializeValue(pod.Status)) _services.Api.UpdateStatus(context.Pod, write);
        }
        catch (ApiException)
        {
            // The pod changed or was removed meanwhile; the informer's event brings the next sync.
        }
    }

    private void Forget(string key)
    {
        _probes.Forget(key);
        if (!_workers.Remove(key, out var worker)) return;
        worker.Cancel();
        Node.Runtime.Forget(worker.Uid);
        Node.Volumes.Forget(worker.Uid);
        Node.Ips.Release(worker.Uid);
    }

    /// <summary>Reports the node's images with its next status update, as the kubelet does every 10 seconds when something changed.</summary>
    private void ScheduleNodeStatusUpdate()
    {
        if (_nodeStatusUpdate is not null) return;
        _nodeStatusUpdate = _services.Loop.After(NodeStatusUpdateFrequency, () =>
        {
            _nodeStatusUpdate = null;
            if (Halted) return;
            if (_services.Api.TryGet<Node>(null, NodeName) is not { } node) return;
            var status = node.Status ??= new NodeStatus();
            status.Images = NodeRegistration.Images(Node.Runtime);
            foreach (var condition in status.Conditions ?? []) condition.LastHeartbeatTime = _services.Clock.Now;
            try
            {
                _services.Api.UpdateStatus(node, new WriteContext(Name));
            }
            catch (ApiException)
            {
                // The node was changed or removed meanwhile; the next image pull reports again.
            }
        });
    }

    private static string Signature(Stage stage, IReadOnlyList<ContainerTarget> targets) =>
        $"{stage.Name}:{string.Join(',', targets.Select(t => $"{t.Name}#{t.Run}@{t.Image}"))}";

    /// <summary>The one stage a pod is waiting for, and its timer.</summary>
    private sealed class Worker(string uid)
    {
        public string Uid { get; } = uid;
        public string? Signature { get; set; }
        public DateTimeOffset Due { get; set; }
        public IDisposable? Timer { get; set; }

        public void Cancel()
        {
            Timer?.Dispose();
            Timer = null;
            Signature = null;
        }
    }
}
