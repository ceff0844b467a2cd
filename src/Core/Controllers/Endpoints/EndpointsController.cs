using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using static Playground.Core.Controllers.Endpoints.ServicePods;
using EndpointsObject = Playground.Core.Api.Core.Endpoints;

namespace Playground.Core.Controllers.Endpoints;

/// <summary>
/// Upstream's endpoints controller: for every Service with a selector, an Endpoints object of the same name listing
/// the selected pods' IPs (ready ones under addresses, the rest under notReadyAddresses) with each service port
/// resolved against the pod, at most 1,000 addresses; written only when it changes, deleted with the Service.
/// </summary>
public sealed class EndpointsController : IComponent
{
    public const string Actor = "endpoints-controller";
    public const string OverCapacityAnnotation = "endpoints.kubernetes.io/over-capacity";

    /// <summary>Upstream's maxCapacity: beyond it, the addresses are cut and the object says so; EndpointSlices list them all.</summary>
    public const int MaxCapacity = 1000;


    private readonly ApiServer.ApiServer _api;
    private readonly Informer<Service> _services;
    private readonly Informer<Pod> _pods;
    private readonly Informer<EndpointsObject> _endpoints;
    private readonly ControllerQueue _queue;
    private readonly UpdateBatches _podChanges;
    private readonly TriggerTimes _triggerTimes = new();
    private readonly PodContributions<EndpointSubsets.Entry[]> _contributions = new((service, pod) => [.. Entries(service, pod)]);

    public EndpointsController(ClusterServices services)
    {
        _api = services.Api;
        _services = services.Informers.For<Service>();
        _pods = services.Informers.For<Pod>();
        _endpoints = services.Informers.For<EndpointsObject>();
        _queue = new ControllerQueue(services.Loop, Sync);
        _podChanges = new UpdateBatches(_queue, services);
    }

    public string Name => Actor;

    public void Start()
    {
        _services.OnChange((old, current, cause) => _queue.Add(Informer<Service>.KeyOf((current ?? old)!), cause));
        _pods.OnChange(OnPodChange);
        _endpoints.OnChange((old, current, cause) =>
        {
            // Endpoints deleted by someone else are written again (if their service still selects pods).
            if (current is null && old is not null) _queue.Add(Informer<EndpointsObject>.KeyOf(old), cause);
        });
    }

    private void OnPodChange(Pod? old, Pod? current, long? cause)
    {
        foreach (var service in ServicesToSync(_services.List((current ?? old)!.Metadata.Namespace), old, current))
            _podChanges.Add(Informer<Service>.KeyOf(service), cause);
    }

    private void Sync(string key, long? cause)
    {
        var context = new WriteContext(Actor, cause);
        var (ns, name) = Informer<Service>.SplitKey(key);
        if (_services.Get(key) is not { } service)
        {
            _triggerTimes.Forget(key);
            _contributions.Forget(key);
            if (_endpoints.Get(key) is not null) DeleteEndpoints(ns, name, context);
            return;
        }
        // ExternalName services and services without a selector get no endpoints from this controller.
        if (service.Spec.Type == "ExternalName" || service.Spec.Selector is null) return;

        var pods = _pods.List(ns).Where(p => Selects(service, p)).ToList();
        var triggerTime = _triggerTimes.Compute(key, service, pods);
        var subsets = EndpointSubsets.Repack(_contributions.Collect(key, service, pods).SelectMany(entries => entries));
        var truncated = EndpointSubsets.Truncate(subsets, MaxCapacity);

        var current = _endpoints.Get(key);
        var labels = new Dictionary<string, string>(service.Metadata.Labels ?? []);
        if (current is not null)
        {
            var currentLabels = new Dictionary<string, string>(current.Metadata.Labels ?? []);
            currentLabels.Remove(ServicePods.HeadlessLabel);
            if (EndpointSubsets.Equal(current.Subsets, subsets) && SameLabels(currentLabels, labels)
                && (current.Metadata.Annotations?.ContainsKey(OverCapacityAnnotation) ?? false) == truncated)
                return;
        }

        // A copy of the metadata only: the cached object is shared, and copying its addresses would cost more than the write.
        var metadata = current is null ? new ObjectMeta { Name = name, Namespace = ns } : KubeJson.Deserialize<ObjectMeta>(KubeJson.SerializeValue(current.Metadata));
        var endpoints = new EndpointsObject { Metadata = metadata, Subsets = subsets.Count == 0 ? null : subsets };
        if (service.Spec.ClusterIP is null or "" or "None") labels[ServicePods.HeadlessLabel] = "";
        metadata.Labels = labels.Count == 0 ? null : labels;
        var annotations = metadata.Annotations ?? [];
        if (triggerTime is { } time) annotations[TriggerTimes.Annotation] = KubeJson.FormatTime(time);
        else annotations.Remove(TriggerTimes.Annotation);
        if (truncated) annotations[OverCapacityAnnotation] = "truncated";
        else annotations.Remove(OverCapacityAnnotation);
        metadata.Annotations = annotations.Count == 0 ? null : annotations;

        if (current is null) _api.Create(endpoints, context);
        else _api.Update(endpoints, context);
    }

    /// <summary>What a pod contributes: its IP for each service port it can serve, ready or not; nothing without an IP or when terminating.</summary>
    private static IEnumerable<EndpointSubsets.Entry> Entries(Service service, Pod pod)
    {
        var publishNotReady = service.Spec.PublishNotReadyAddresses == true;
        if (!ShouldBeInEndpoints(pod, publishNotReady) || PodIp(pod) is not { } ip) yield break;
        var address = new EndpointAddress
        {
            Ip = ip,
            NodeName = pod.Spec.NodeName,
            TargetRef = new ObjectReference { Kind = "Pod", Namespace = pod.Metadata.Namespace, Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
        };
        if (!string.IsNullOrEmpty(pod.Spec.Hostname) && pod.Spec.Subdomain == service.Metadata.Name) address.Hostname = pod.Spec.Hostname;
        var ready = publishNotReady || PodReadiness.IsReady(pod);
        var ports = service.Spec.Ports ?? [];
        if (ports.Count == 0)
        {
            if (service.Spec.ClusterIP == "None") yield return new(address, null, ready);
            yield break;
        }
        foreach (var servicePort in ports)
        {
            if (FindPort(pod, servicePort) is not int number) continue;
            var port = new EndpointPort { Name = servicePort.Name, Port = number, Protocol = servicePort.Protocol, AppProtocol = servicePort.AppProtocol };
            yield return new(address, port, ready);
        }
    }

    private void DeleteEndpoints(string? ns, string name, WriteContext context)
    {
        try
        {
            _api.Delete<EndpointsObject>(ns, name, context);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone.
        }
    }
}
