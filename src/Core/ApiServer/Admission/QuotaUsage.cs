using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.ApiServer.Admission;

/// <summary>One resource's usage: the amount, and whether it reads best with binary suffixes (memory, storage).</summary>
public readonly record struct Amount(decimal Value, bool Binary)
{
    public static Amount operator +(Amount a, Amount b) => new(a.Value + b.Value, a.Binary || b.Binary);

    public override string ToString() => Quantity.Format(Value, Binary);

    public static Amount Of(string? text) => text is null ? default : new(Quantity.Parse(text), Quantity.IsBinary(text));
}

/// <summary>What an object counts against a ResourceQuota, as upstream's quota evaluators (pkg/quota/v1/evaluator/core) compute it.</summary>
public static class QuotaUsage
{
    /// <summary>The usage an object adds, by quota resource name ("pods", "requests.cpu", "count/deployments.apps", …).</summary>
    public static Dictionary<string, Amount> Of(KubeObject obj, ResourceType type, DateTimeOffset now)
    {
        var usage = new Dictionary<string, Amount>();
        if (obj is Pod pod && !Counts(pod, now)) return usage;
        usage[$"count/{type.QualifiedPlural}"] = new(1, false);
        switch (obj)
        {
            case Pod p:
                usage["pods"] = new(1, false);
                foreach (var resource in new[] { "cpu", "memory" })
                {
                    var request = Sum(p, c => c.Resources?.Requests, resource);
                    var limit = Sum(p, c => c.Resources?.Limits, resource);
                    usage[$"requests.{resource}"] = request;
                    usage[resource] = request;
                    usage[$"limits.{resource}"] = limit;
                }
                break;
            case Service s:
                usage["services"] = new(1, false);
                if (s.Spec.Type == "LoadBalancer") usage["services.loadbalancers"] = new(1, false);
                if (s.Spec.Type is "NodePort" or "LoadBalancer") usage["services.nodeports"] = new(s.Spec.Ports?.Count ?? 0, false);
                break;
            case PersistentVolumeClaim c:
                var storage = Amount.Of(c.Spec.Resources?.Requests?.GetValueOrDefault("storage"));
                usage["persistentvolumeclaims"] = new(1, false);
                usage["requests.storage"] = storage;
                if (c.Spec.StorageClassName is { Length: > 0 } sc)
                {
                    usage[$"{sc}.storageclass.storage.k8s.io/persistentvolumeclaims"] = new(1, false);
                    usage[$"{sc}.storageclass.storage.k8s.io/requests.storage"] = storage;
                }
                break;
            case ConfigMap: usage["configmaps"] = new(1, false); break;
            case Secret: usage["secrets"] = new(1, false); break;
            case ResourceQuota: usage["resourcequotas"] = new(1, false); break;
        }
        return usage;
    }

    /// <summary>Whether a quota's scopes (Terminating, NotTerminating, BestEffort, NotBestEffort) select an object; unscoped quotas select all.</summary>
    public static bool Selects(ResourceQuota quota, KubeObject obj)
    {
        var scopes = quota.Spec?.Scopes ?? [];
        if (scopes.Count == 0) return true;
        if (obj is not Pod pod) return false;
        var bestEffort = Strategies.PodRules.QosClass(pod.Spec) == "BestEffort";
        return scopes.All(scope => scope switch
        {
            "Terminating" => pod.Spec.ActiveDeadlineSeconds is not null,
            "NotTerminating" => pod.Spec.ActiveDeadlineSeconds is null,
            "BestEffort" => bestEffort,
            "NotBestEffort" => !bestEffort,
            _ => false,
        });
    }

    /// <summary>Finished pods, and pods past their deletion grace, no longer use quota.</summary>
    private static bool Counts(Pod pod, DateTimeOffset now) =>
        pod.Status?.Phase is not ("Succeeded" or "Failed")
        && !(pod.Metadata.DeletionTimestamp is { } at && at.AddSeconds(pod.Metadata.DeletionGracePeriodSeconds ?? 0) < now);

    /// <summary>A pod's request is its containers' sum, or its largest init container's when that is more.</summary>
    private static Amount Sum(Pod pod, Func<Container, Dictionary<string, string>?> pick, string resource)
    {
        var sum = pod.Spec.Containers.Aggregate(default(Amount), (total, c) => total + Amount.Of(pick(c)?.GetValueOrDefault(resource)));
        foreach (var init in pod.Spec.InitContainers ?? [])
            if (Amount.Of(pick(init)?.GetValueOrDefault(resource)) is { } a && a.Value > sum.Value) sum = a;
        return sum;
    }
}
