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
/// labelled with its name and this controller; a pod's change rewrites only the slice that lists it (see SliceReconciler).
/// </summary>
public sealed class EndpointSliceController : IComponent
{
    public const string Actor = "endpointslice-controller";
    public const string ServiceNameLabel = "kubernetes.io/service-name";
    public const string ManagedByLabel = "endpointslice.kubernetes.io/managed-by";
    public const string ManagedBy = "endpointslice-controller.k8s.io";

    /// <summary>kube-controller-manager's --max-endpoints-per-slice default.</summary>
    private const int MaxEndpointsPerSlice = 100;

    private readonly Informer<Service> _services;
    private readonly Informer<Pod> _pods;
    private readonly Informer<EndpointSlice> _slices;
    private readonly ControllerQueue _queue;
    private readonly UpdateBatches _podChanges;
    private readonly SliceReconciler _reconciler;
    private readonly TriggerTimes _triggerTimes = new();
    private readonly PodContributions<SliceReconciler.Desired?> _contributions = new(Desired);

    public EndpointSliceController(ClusterServices services)
    {
        _services = services.Informers.For<Service>();
        _pods = services.Informers.For<Pod>();
        _slices = services.Informers.For<EndpointSlice>();
        _queue = new ControllerQueue(services.Loop, Sync);
        _podChanges = new UpdateBatches(_queue, services);
        _reconciler = new SliceReconciler(services.Api, MaxEndpointsPerSlice);
    }

    public string Name => Actor;

    public void Start()
    {
        _services.OnChange((old, current, cause) => _queue.Add(Informer<Service>.KeyOf((current ?? old)!), cause));
        _pods.OnChange((old, current, cause) =>
        {
            foreach (var service in ServicesToSync(_services.List((current ?? old)!.Metadata.Namespace), old, current))
                _podChanges.Add(Informer<Service>.KeyOf(service), cause);
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
            _contributions.Forget(key);
            foreach (var slice in existing) _reconciler.Delete(slice, context);
            return;
        }

        var pods = _pods.List(ns).Where(p => Selects(service, p)).ToList();
        var triggerTime = _triggerTimes.Compute(key, service, pods);
        _reconciler.Reconcile(service, _contributions.Collect(key, service, pods).OfType<SliceReconciler.Desired>(), existing, triggerTime, context);
    }

    /// <summary>Upstream's reserved labels on every slice: the service's own, its name, this controller, and headless when it is.</summary>
    internal static Dictionary<string, string> Labels(Service service)
    {
        var labels = new Dictionary<string, string>(service.Metadata.Labels ?? [])
        {
            [ServiceNameLabel] = service.Metadata.Name!,
            [ManagedByLabel] = ManagedBy,
        };
        if (service.Spec.ClusterIP is null or "" or "None") labels[ServicePods.HeadlessLabel] = "";
        return labels;
    }

    /// <summary>Upstream's podToEndpoint: ready excludes terminating pods unless the service publishes not-ready addresses; serving ignores termination.</summary>
    private static SliceReconciler.Desired? Desired(Service service, Pod pod)
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
        return new SliceReconciler.Desired(SliceReconciler.EndpointKey.Of(endpoint), pod.Metadata.Name!, endpoint, ports);
    }
}
