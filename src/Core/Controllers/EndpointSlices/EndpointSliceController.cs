using Playground.Core.Api.Core;
using Playground.Core.Api.Discovery;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Controllers.Endpoints;
using Playground.Core.Serialization;
using Playground.Core.Simulation;
using static Playground.Core.Controllers.Endpoints.ServicePods;

namespace Playground.Core.Controllers.EndpointSlices;

/// <summary>
/// Upstream's EndpointSlice controller: for every Service with a selector, slices of at most 100 endpoints listing the
/// selected pods (terminating ones included) with their ready/serving/terminating conditions, owned by the Service,
/// labelled with its name and this controller; rewritten only when they change.
/// </summary>
public sealed class EndpointSliceController : IComponent
{
    public const string Actor = "endpointslice-controller";
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string ManagedBy = "endpointslice-controller.k8s.io";
    private const string HeadlessLabel = "service.kubernetes.io/headless";
    private const string TriggerTimeAnnotation = "endpoints.kubernetes.io/last-change-trigger-time";

    /// <summary>kube-controller-manager's --max-endpoints-per-slice default.</summary>
    private const int MaxEndpointsPerSlice = 100;

    private readonly ApiServer.ApiServer _api;
    private readonly Informer<Service> _services;
    private readonly Informer<Pod> _pods;
    private readonly Informer<EndpointSlice> _slices;
    private readonly ControllerQueue _queue;
    private readonly TriggerTimes _triggerTimes = new();

    public EndpointSliceController(ClusterServices services)
    {
        _api = services.Api;
        _services = services.Informers.For<Service>();
        _pods = services.Informers.For<Pod>();
        _slices = services.Informers.For<EndpointSlice>();
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _services.OnChange((old, current, cause) => _queue.Add(Informer<Service>.KeyOf((current ?? old)!), cause));
        _pods.OnChange((old, current, cause) =>
        {
            foreach (var service in _services.List((current ?? old)!.Metadata.Namespace))
                if (Selects(service, old) || Selects(service, current)) _queue.Add(Informer<Service>.KeyOf(service), cause);
        });
        _slices.OnChange((old, current, cause) =>
        {
            // A managed slice changed or deleted by someone else is put back as the service wants it.
            if ((current ?? old)!.Metadata.Labels is { } labels && labels.GetValueOrDefault(ManagedByLabel) == ManagedBy
                && labels.TryGetValue(ServiceNameLabel, out var service))
                _queue.Add($"{(current ?? old)!.Metadata.Namespace}/{service}", cause);
        });
    }

    private void Sync(string key, long? cause)
    {
        var context = new WriteContext(Actor, cause);
        var (ns, name) = Informer<Service>.SplitKey(key);
        var existing = _slices.List(ns).Where(s => s.Metadata.Labels?.GetValueOrDefault(ServiceNameLabel) == name
            && s.Metadata.Labels?.GetValueOrDefault(ManagedByLabel) == ManagedBy)
            .OrderBy(s => s.Metadata.Name, StringComparer.Ordinal).ToList();
        var service = _services.Get(key);
        if (service is null || service.Spec.Type == "ExternalName" || service.Spec.Selector is null)
        {
            if (service is null) _triggerTimes.Forget(key);
            foreach (var slice in existing) Delete(slice, context);
            return;
        }

        var pods = _pods.List(ns).Where(p => Selects(service, p)).OrderBy(p => p.Metadata.Name, StringComparer.Ordinal).ToList();
        var triggerTime = _triggerTimes.Compute(key, service, pods);
        var desired = pods.Select(p => Endpoint(service, p)).OfType<(Endpoint Endpoint, List<EndpointSlicePort> Ports)>()
            .GroupBy(e => KubeJson.SerializeValue(e.Ports))
            .SelectMany(g => g.Chunk(MaxEndpointsPerSlice).Select(chunk => (Ports: g.First().Ports, Endpoints: chunk.Select(e => e.Endpoint).ToList())))
            .ToList();
        // A service with no endpoints still gets one empty slice without ports, as upstream keeps a placeholder.
        if (desired.Count == 0) desired.Add(([], []));

        var unused = new List<EndpointSlice>(existing);
        foreach (var (ports, endpoints) in desired)
        {
            var reuse = unused.FirstOrDefault(s => KubeJson.SerializeValue(s.Ports ?? []) == KubeJson.SerializeValue(ports)) ?? unused.FirstOrDefault();
            if (reuse is not null) unused.Remove(reuse);
            var slice = reuse is null ? NewSlice(service) : KubeJson.Clone(reuse);
            slice.Endpoints = endpoints.Count == 0 ? null : endpoints;
            slice.Ports = ports.Count == 0 ? null : ports;
            slice.Metadata.Labels = Labels(service);
            var annotations = slice.Metadata.Annotations ?? [];
            if (triggerTime is { } time) annotations[TriggerTimeAnnotation] = KubeJson.FormatTime(time);
            if (reuse is not null && SameContent(reuse, slice)) continue;
            slice.Metadata.Annotations = annotations.Count == 0 ? null : annotations;
            if (reuse is null) _api.Create(slice, context);
            else _api.Update(slice, context);
        }
        foreach (var slice in unused) Delete(slice, context);
    }

    private static bool SameContent(EndpointSlice a, EndpointSlice b) =>
        KubeJson.SerializeValue(a.Endpoints) == KubeJson.SerializeValue(b.Endpoints)
        && KubeJson.SerializeValue(a.Ports) == KubeJson.SerializeValue(b.Ports)
        && KubeJson.SerializeValue(a.Metadata.Labels) == KubeJson.SerializeValue(b.Metadata.Labels);

    private static EndpointSlice NewSlice(Service service) => new()
    {
        Metadata = new ObjectMeta
        {
            GenerateName = service.Metadata.Name + "-",
            Namespace = service.Metadata.Namespace,
            OwnerReferences = [new OwnerReference
            {
                ApiVersion = "v1", Kind = "Service", Name = service.Metadata.Name!, Uid = service.Metadata.Uid!,
                Controller = true, BlockOwnerDeletion = true,
            }],
        },
        AddressType = "IPv4",
    };

    private static Dictionary<string, string> Labels(Service service)
    {
        var labels = new Dictionary<string, string>(service.Metadata.Labels ?? [])
        {
            [ServiceNameLabel] = service.Metadata.Name!,
            [ManagedByLabel] = ManagedBy,
        };
        if (service.Spec.ClusterIP is null or "" or "None") labels[HeadlessLabel] = "";
        return labels;
    }

    /// <summary>Upstream's podToEndpoint: ready excludes terminating pods unless the service publishes not-ready addresses; serving ignores termination.</summary>
    private static (Endpoint, List<EndpointSlicePort>)? Endpoint(Service service, Pod pod)
    {
        var publishNotReady = service.Spec.PublishNotReadyAddresses == true;
        if (!ShouldBeInEndpoints(pod, includeTerminating: true) || PodIp(pod) is not { } ip) return null;
        var terminating = pod.Metadata.DeletionTimestamp is not null;
        var serving = PodReadiness.IsReady(pod);
        var endpoint = new Endpoint
        {
            Addresses = [ip],
            Conditions = new EndpointConditions { Ready = publishNotReady || (serving && !terminating), Serving = serving, Terminating = terminating },
            NodeName = pod.Spec.NodeName,
            TargetRef = new ObjectReference { Kind = "Pod", Namespace = pod.Metadata.Namespace, Name = pod.Metadata.Name, Uid = pod.Metadata.Uid },
        };
        if (!string.IsNullOrEmpty(pod.Spec.Hostname) && pod.Spec.Subdomain == service.Metadata.Name) endpoint.Hostname = pod.Spec.Hostname;
        var ports = new List<EndpointSlicePort>();
        foreach (var servicePort in service.Spec.Ports ?? [])
        {
            if (FindPort(pod, servicePort) is not int number) continue;
            ports.Add(new EndpointSlicePort { Name = servicePort.Name ?? "", Port = number, Protocol = servicePort.Protocol ?? "TCP", AppProtocol = servicePort.AppProtocol });
        }
        return (endpoint, ports);
    }

    private void Delete(EndpointSlice slice, WriteContext context)
    {
        try
        {
            _api.Delete<EndpointSlice>(slice.Metadata.Namespace, slice.Metadata.Name!, context);
        }
        catch (ApiException e) when (e.Code == 404)
        {
            // Already gone (the garbage collector follows the owner reference too).
        }
    }
}
