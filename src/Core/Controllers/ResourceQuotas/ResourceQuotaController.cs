using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.ApiServer;
using Playground.Core.ApiServer.Admission;
using Playground.Core.Clients;
using Playground.Core.ApiServer.Strategies;
using Playground.Core.Simulation;

namespace Playground.Core.Controllers.ResourceQuotas;

/// <summary>
/// Upstream's resourcequota controller: status.hard mirrors spec.hard and status.used is recounted from what the
/// namespace holds whenever a quota or a counted object changes, and on a periodic resync (5 minutes, as upstream).
/// </summary>
public sealed class ResourceQuotaController : IComponent
{
    public const string Actor = "resourcequota-controller";
    private static readonly TimeSpan ResyncPeriod = TimeSpan.FromMinutes(5);

    private readonly ClusterServices _services;
    private readonly ApiServer.ApiServer _api;
    private readonly Informer<ResourceQuota> _quotas;
    private readonly ControllerQueue _queue;

    public ResourceQuotaController(ClusterServices services)
    {
        _services = services;
        _api = services.Api;
        _quotas = services.Informers.For<ResourceQuota>();
        _queue = new ControllerQueue(services.Loop, Sync);
    }

    public string Name => Actor;

    public void Start()
    {
        _quotas.OnChange((old, current, cause) => { if (current is not null) _queue.Add(Informer<ResourceQuota>.KeyOf(current), cause); });
        Watch<Pod>();
        Watch<Service>();
        Watch<PersistentVolumeClaim>();
        Watch<ConfigMap>();
        Watch<Secret>();
        Watch<Deployment>();
        Watch<ReplicaSet>();
        _services.Loop.After(ResyncPeriod, Resync, background: true);
    }

    /// <summary>A change to a counted object concerns every quota of its namespace.</summary>
    private void Watch<T>() where T : KubeObject =>
        _services.Informers.For<T>().OnChange((old, current, cause) =>
        {
            var ns = (current ?? old)!.Metadata.Namespace;
            foreach (var quota in _quotas.List(ns)) _queue.Add(Informer<ResourceQuota>.KeyOf(quota), cause);
        });

    private void Resync()
    {
        foreach (var quota in _quotas.List()) _queue.Add(Informer<ResourceQuota>.KeyOf(quota), null);
        _services.Loop.After(ResyncPeriod, Resync, background: true);
    }

    private void Sync(string key, long? cause)
    {
        if (_quotas.Get(key) is not { } quota) return;
        var hard = quota.Spec?.Hard ?? [];
        var used = new Dictionary<string, string>();
        var totals = hard.Keys.ToDictionary(k => k, k => new Amount(0, Quantity.IsBinary(hard[k])));
        foreach (var type in _api.Resources.All.Where(t => t.Namespaced && hard.Keys.Any(k => Counts(k, t))))
            foreach (var obj in _api.List(type, quota.Metadata.Namespace))
            {
                if (!QuotaUsage.Selects(quota, obj)) continue;
                foreach (var (resource, amount) in QuotaUsage.Of(obj, type, _api.Now))
                    if (totals.TryGetValue(resource, out var total)) totals[resource] = total + amount;
            }
        foreach (var (resource, total) in totals) used[resource] = total.ToString();
        var status = new ResourceQuotaStatus { Hard = new(hard), Used = used };
        if (Same(quota.Status, status)) return;
        quota.Status = status;
        _api.UpdateStatus(quota, new WriteContext(Actor, cause));
    }

    /// <summary>Whether a quota resource name can be charged by objects of a kind (cheap pre-filter before listing).</summary>
    private static bool Counts(string resource, ResourceType type) =>
        resource == $"count/{type.QualifiedPlural}" || type.Plural switch
        {
            "pods" => !resource.StartsWith("count/", StringComparison.Ordinal) && !resource.Contains("storage") && resource is not ("services" or "configmaps" or "secrets" or "resourcequotas" or "persistentvolumeclaims") && !resource.StartsWith("services.", StringComparison.Ordinal),
            "services" => resource.StartsWith("services", StringComparison.Ordinal),
            "persistentvolumeclaims" => resource.Contains("storage") || resource.EndsWith("persistentvolumeclaims", StringComparison.Ordinal),
            "configmaps" or "secrets" or "resourcequotas" => resource == type.Plural,
            _ => false,
        };

    private static bool Same(ResourceQuotaStatus? a, ResourceQuotaStatus b) =>
        a is not null && ConfigMapRules.SameData(a.Hard, b.Hard) && ConfigMapRules.SameData(a.Used, b.Used);
}
