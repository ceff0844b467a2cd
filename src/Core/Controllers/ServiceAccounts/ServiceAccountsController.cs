using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.Clients;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.ServiceAccounts;

/// <summary>Upstream's serviceaccount controller: every active namespace has a "default" ServiceAccount, recreated if deleted.</summary>
public sealed class ServiceAccountsController : IComponent
{
    public const string Actor = "serviceaccount-controller";
    private const string DefaultName = "default";

    private readonly ApiServer.ApiServer _api;
    private readonly Informer<Namespace> _namespaces;
    private readonly Informer<ServiceAccount> _accounts;
    private readonly ControllerQueue _queue;

    public ServiceAccountsController(ClusterServices services)
    {
        _api = services.Api;
        _namespaces = services.Informers.For<Namespace>();
        _accounts = services.Informers.For<ServiceAccount>();
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _namespaces.OnChange((old, current, cause) => { if (current is not null) _queue.Add(current.Metadata.Name!, cause); });
        _accounts.OnChange((old, current, cause) =>
        {
            if (current is null && old?.Metadata.Name == DefaultName) _queue.Add(old.Metadata.Namespace!, cause);
        });
    }

    private void Sync(string ns, long? cause)
    {
        if (_namespaces.Get(ns) is not { Metadata.DeletionTimestamp: null }) return;
        if (_accounts.Get(ns, DefaultName) is not null) return;
        try
        {
            _api.Create(new ServiceAccount { Metadata = new ObjectMeta { Name = DefaultName, Namespace = ns } }, new WriteContext(Actor, cause));
        }
        catch (ApiException e) when (e.Code == 409) { }
    }
}
