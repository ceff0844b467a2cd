using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.PodGarbageCollector;

/// <summary>
/// Upstream's pod garbage collector (pkg/controller/podgc), the part that cleans up after removed nodes: every 20 s it
/// looks for pods bound to a node that no longer exists and, once the node has stayed gone for the 40 s quarantine,
/// marks them Failed with a DisruptionTarget condition and deletes them at once (the kubelet that would finish a
/// graceful deletion is gone with its node).
/// </summary>
public sealed class PodGarbageCollector : IComponent
{
    public const string Actor = "pod-garbage-collector";
    public static readonly TimeSpan CheckPeriod = TimeSpan.FromSeconds(20);
    public static readonly TimeSpan Quarantine = TimeSpan.FromSeconds(40);

    private readonly ClusterServices _services;
    private readonly Informer<Node> _nodes;
    private readonly Informer<Pod> _pods;
    private readonly Dictionary<string, DateTimeOffset> _missingSince = [];

    public PodGarbageCollector(ClusterServices services)
    {
        _services = services;
        _nodes = services.Informers.For<Node>();
        _pods = services.Informers.For<Pod>();
    }

    public string Name => Actor;

    public void Start() => _services.Loop.After(CheckPeriod, Collect, background: true);

    private void Collect()
    {
        _services.Loop.After(CheckPeriod, Collect, background: true);
        var now = _services.Clock.Now;
        var orphans = _pods.List().Where(p => !string.IsNullOrEmpty(p.Spec.NodeName) && _nodes.Get(p.Spec.NodeName) is null).ToList();
        foreach (var gone in _missingSince.Keys.Where(n => _nodes.Get(n) is not null).ToList()) _missingSince.Remove(gone);
        foreach (var pod in orphans)
        {
            var node = pod.Spec.NodeName!;
            if (!_missingSince.TryGetValue(node, out var since)) _missingSince[node] = since = now;
            if (now - since >= Quarantine) Delete(pod);
        }
    }

    private void Delete(Pod cached)
    {
        var write = new WriteContext(Actor, long.TryParse(cached.Metadata.ResourceVersion, out var rv) ? rv : null);
        var pod = Serialization.KubeJson.Clone(cached);
        var status = pod.Status ??= new PodStatus();
        if (status.Phase is not ("Succeeded" or "Failed")) status.Phase = "Failed";
        (status.Conditions ??= []).RemoveAll(c => c.Type == "DisruptionTarget");
        status.Conditions.Add(new Condition
        {
            Type = "DisruptionTarget", Status = "True", Reason = "DeletionByPodGC",
            Message = "PodGC: node no longer exists", LastTransitionTime = _services.Clock.Now,
        });
        try
        {
            _services.Api.UpdateStatus(pod, write);
            _services.Api.Delete<Pod>(pod.Metadata.Namespace, pod.Metadata.Name!, write, new DeleteOptions { GracePeriodSeconds = 0 });
        }
        catch (ApiException)
        {
            // Changed or gone meanwhile; the next pass sees it again if it is still there.
        }
    }
}
