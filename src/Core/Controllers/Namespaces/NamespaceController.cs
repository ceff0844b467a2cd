using Playground.Core.Api.Core;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Simulation;
using Playground.Core.Storage;

namespace Playground.Core.Controllers.Namespaces;

/// <summary>
/// Upstream's namespace controller: a Terminating namespace has everything in it deleted (background propagation, pods
/// gracefully), and once nothing is left its "kubernetes" finalizer is removed, which lets the API server remove it.
/// </summary>
public sealed class NamespaceController : IComponent
{
    public const string Actor = "namespace-controller";
    private const string Finalizer = "kubernetes";

    private readonly ApiServer.ApiServer _api;
    private readonly Informer<Namespace> _namespaces;
    private readonly ControllerQueue _queue;

    public NamespaceController(ClusterServices services)
    {
        _api = services.Api;
        _namespaces = services.Informers.For<Namespace>();
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _namespaces.OnChange((old, current, cause) =>
        {
            if (current?.Metadata.DeletionTimestamp is not null) _queue.Add(current.Metadata.Name!, cause);
        });
        // Whatever goes from a terminating namespace may be the last thing holding it.
        _api.Store.Watch(_api.Store.Revision, record =>
        {
            if (record.Type == WriteType.Deleted && record.Key.Namespace is { } ns && _namespaces.Get(ns)?.Metadata.DeletionTimestamp is not null)
                _queue.Add(ns, record.Revision);
        });
    }

    private void Sync(string name, long? cause)
    {
        if (_namespaces.Get(name) is not { Metadata.DeletionTimestamp: not null } ns) return;
        var context = new WriteContext(Actor, cause);
        var types = _api.Resources.All.Where(t => t.Namespaced).ToList();
        foreach (var type in types)
            foreach (var obj in _api.List(type, name).Where(o => o.Metadata.DeletionTimestamp is null))
            {
                try
                {
                    _api.Delete(type, name, obj.Metadata.Name!, context, new DeleteOptions { PropagationPolicy = "Background" });
                }
                catch (ApiException e) when (e.Code == 404) { }
            }
        // Pods finishing their grace period and objects with finalizers keep the namespace until they are gone.
        if (types.Any(t => _api.List(t, name).Count > 0)) return;
        var finalizers = ns.Spec?.Finalizers ?? [];
        if (finalizers.Contains(Finalizer)) _api.FinalizeNamespace(name, finalizers.Where(f => f != Finalizer).ToList(), context);
    }
}
