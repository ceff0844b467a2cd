using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Controllers;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Networking.LoadBalancers;

/// <summary>
/// The simulated cloud's load-balancer controller, behaving as MetalLB's controller does on kind: a LoadBalancer service
/// gets the lowest free pool address (or the spec.loadBalancerIP it asks for) in status.loadBalancer.ingress, and loses
/// it when it stops being a LoadBalancer.
/// </summary>
public sealed class LoadBalancerController : IComponent
{
    public const string Actor = "metallb-controller";

    private readonly ApiServer.ApiServer _api;
    private readonly Informer<Service> _services;
    private readonly ControllerQueue _queue;
    private readonly ClusterServices _cluster;

    public LoadBalancerController(ClusterServices services)
    {
        _cluster = services;
        _api = services.Api;
        _services = services.Informers.For<Service>();
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start() =>
        _services.OnChange((old, current, cause) => { if (current is not null) _queue.Add(Informer<Service>.KeyOf(current), cause); });

    private void Sync(string key, long? cause)
    {
        if (_services.Get(key) is not { } service) return;
        var context = new WriteContext(Actor, cause);
        var assigned = service.Status?.LoadBalancer?.Ingress?.Select(i => i.Ip).OfType<string>().ToList() ?? [];
        if (service.Spec.Type != "LoadBalancer")
        {
            if (assigned.Count == 0) return;
            var cleared = KubeJson.Clone(service);
            cleared.Status = new ServiceStatus { LoadBalancer = new() };
            _api.UpdateStatus(cleared, context);
            return;
        }
        if (assigned.Count > 0) return;

        var taken = _services.List(null).Where(s => s.Metadata.Uid != service.Metadata.Uid)
            .SelectMany(s => s.Status?.LoadBalancer?.Ingress ?? []).Select(i => i.Ip).OfType<string>().ToHashSet();
        var recorder = _cluster.Recorder(Actor);
        string? ip;
        if (service.Spec.LoadBalancerIP is { Length: > 0 } wanted)
        {
            ip = LoadBalancerPool.Contains(wanted) && !taken.Contains(wanted) ? wanted : null;
            if (ip is null)
            {
                recorder.Warning(service, "AllocationFailed", $"Failed to allocate IP for \"{key}\": [\"{wanted}\"] is not allowed in config", context);
                return;
            }
        }
        else if ((ip = LoadBalancerPool.ServiceAddresses.FirstOrDefault(a => !taken.Contains(a))) is null)
        {
            recorder.Warning(service, "AllocationFailed", $"Failed to allocate IP for \"{key}\": no available IPs", context);
            return;
        }
        var updated = KubeJson.Clone(service);
        updated.Status = new ServiceStatus { LoadBalancer = new LoadBalancerStatus { Ingress = [new LoadBalancerIngress { Ip = ip }] } };
        var written = _api.UpdateStatus(updated, context);
        recorder.Normal(written, "IPAllocated", $"Assigned IP [\"{ip}\"]", context);
    }
}
