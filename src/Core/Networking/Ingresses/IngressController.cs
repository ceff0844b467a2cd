using Playground.Core.Api.Networking;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Controllers;
using Playground.Core.Networking.LoadBalancers;
using Playground.Core.Serialization;
using Playground.Core.Simulation;

namespace Playground.Core.Networking.Ingresses;

/// <summary>
/// A simulated ingress-nginx controller: it takes the ingresses of its class (or of no class while its class is the
/// default), announces "Scheduled for sync", and publishes its own address in their status, as ingress-nginx does.
/// </summary>
public sealed class IngressController : IComponent
{
    public const string Actor = "nginx-ingress-controller";
    public const string ControllerName = "k8s.io/ingress-nginx";
    public const string DefaultClassAnnotation = ApiServer.Admission.DefaultIngressClass.DefaultAnnotation;

    private readonly ClusterServices _cluster;
    private readonly Informer<Ingress> _ingresses;
    private readonly Informer<IngressClass> _classes;
    private readonly ControllerQueue _queue;

    public IngressController(ClusterServices services)
    {
        _cluster = services;
        _ingresses = services.Informers.For<Ingress>();
        _classes = services.Informers.For<IngressClass>();
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _ingresses.OnChange((old, current, cause) => { if (current is not null) _queue.Add(Informer<Ingress>.KeyOf(current), cause); });
        _classes.OnChange((old, current, cause) =>
        {
            foreach (var ingress in _ingresses.List(null)) _queue.Add(Informer<Ingress>.KeyOf(ingress), cause);
        });
    }

    /// <summary>Whether ingress-nginx serves this ingress: its class names our controller, or it has none and ours is the default.</summary>
    public static bool Serves(Ingress ingress, IEnumerable<IngressClass> classes)
    {
        var ours = classes.Where(c => c.Spec.Controller == ControllerName).ToList();
        return ingress.Spec.IngressClassName is { } name
            ? ours.Any(c => c.Metadata.Name == name)
            : ours.Any(c => c.Metadata.Annotations?.GetValueOrDefault(DefaultClassAnnotation) == "true");
    }

    private void Sync(string key, long? cause)
    {
        if (_ingresses.Get(key) is not { } ingress) return;
        var context = new WriteContext(Actor, cause);
        var serves = Serves(ingress, _classes.List(null));
        var published = ingress.Status?.LoadBalancer?.Ingress is { Count: > 0 };
        if (serves == published) return;
        var updated = KubeJson.Clone(ingress);
        updated.Status = new IngressStatus
        {
            LoadBalancer = new IngressLoadBalancerStatus { Ingress = serves ? [new IngressLoadBalancerIngress { Ip = LoadBalancerPool.IngressAddress }] : null },
        };
        var written = _cluster.Api.UpdateStatus(updated, context);
        if (serves) _cluster.Recorder(Actor).Normal(written, "Sync", "Scheduled for sync", context);
    }
}
