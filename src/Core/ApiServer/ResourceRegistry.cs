using System.Text.Json;
using System.Text.Json.Nodes;
using Playground.Core.Api.Apps;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Api.Storage;
using Playground.Core.ApiServer.Strategies;
using Playground.Core.Serialization;

namespace Playground.Core.ApiServer;

/// <summary>Every kind the API serves, found by kind, plural, singular or short name, as discovery would list them.</summary>
public sealed class ResourceRegistry
{
    private readonly List<ResourceType> _types = [];
    private readonly Dictionary<Type, ResourceType> _byClr = [];

    public ResourceRegistry()
    {
        Add("", "v1", "Namespace", "namespaces", false, typeof(Namespace), new NamespaceRules(), ["ns"]);
        Add("", "v1", "Node", "nodes", false, typeof(Node), new NodeRules(), ["no"]);
        Add("", "v1", "Pod", "pods", true, typeof(Pod), new PodRules(), ["po"], ["all"]);
        Add("", "v1", "Service", "services", true, typeof(Service), new ServiceRules(), ["svc"], ["all"]);
        Add("", "v1", "Endpoints", "endpoints", true, typeof(Endpoints), new ResourceStrategy<Endpoints>(), ["ep"]);
        Add("", "v1", "Event", "events", true, typeof(Event), new EventRules(), ["ev"]);
        Add("", "v1", "ConfigMap", "configmaps", true, typeof(ConfigMap), new ConfigMapRules(), ["cm"]);
        Add("", "v1", "Secret", "secrets", true, typeof(Secret), new SecretRules());
        Add("", "v1", "ServiceAccount", "serviceaccounts", true, typeof(ServiceAccount), new ServiceAccountRules(), ["sa"]);
        Add("", "v1", "PersistentVolumeClaim", "persistentvolumeclaims", true, typeof(PersistentVolumeClaim), new PersistentVolumeClaimRules(), ["pvc"]);
        Add("", "v1", "PersistentVolume", "persistentvolumes", false, typeof(PersistentVolume), new PersistentVolumeRules(), ["pv"]);
        Add("", "v1", "ResourceQuota", "resourcequotas", true, typeof(ResourceQuota), new ResourceQuotaRules(), ["quota"]);
        Add("", "v1", "LimitRange", "limitranges", true, typeof(LimitRange), new LimitRangeRules(), ["limits"]);
        Add("storage.k8s.io", "v1", "StorageClass", "storageclasses", false, typeof(StorageClass), new StorageClassRules(), ["sc"]);
        Add("discovery.k8s.io", "v1", "EndpointSlice", "endpointslices", true, typeof(Api.Discovery.EndpointSlice), new ResourceStrategy<Api.Discovery.EndpointSlice>());
        Add("networking.k8s.io", "v1", "Ingress", "ingresses", true, typeof(Api.Networking.Ingress), new IngressRules(), ["ing"]);
        Add("networking.k8s.io", "v1", "IngressClass", "ingressclasses", false, typeof(Api.Networking.IngressClass), new ResourceStrategy<Api.Networking.IngressClass>());
        Add("coordination.k8s.io", "v1", "Lease", "leases", true, typeof(Api.Coordination.Lease), new ResourceStrategy<Api.Coordination.Lease>());
        Add("policy", "v1", "PodDisruptionBudget", "poddisruptionbudgets", true, typeof(Api.Policy.PodDisruptionBudget), new PodDisruptionBudgetRules(), ["pdb"]);
        Add("apps", "v1", "ControllerRevision", "controllerrevisions", true, typeof(ControllerRevision), new ControllerRevisionRules());
        Add("apps", "v1", "DaemonSet", "daemonsets", true, typeof(DaemonSet), new DaemonSetRules(), ["ds"], ["all"]);
        Add("apps", "v1", "Deployment", "deployments", true, typeof(Deployment), new DeploymentRules(), ["deploy"], ["all"]);
        Add("apps", "v1", "ReplicaSet", "replicasets", true, typeof(ReplicaSet), new ReplicaSetRules(), ["rs"], ["all"]);
        Add("apps", "v1", "StatefulSet", "statefulsets", true, typeof(StatefulSet), new StatefulSetRules(), ["sts"], ["all"]);
        Add("autoscaling", "v2", "HorizontalPodAutoscaler", "horizontalpodautoscalers", true, typeof(Api.Autoscaling.HorizontalPodAutoscaler), new HorizontalPodAutoscalerRules(), ["hpa"], ["all"]);
        Add("batch", "v1", "CronJob", "cronjobs", true, typeof(Api.Batch.CronJob), new CronJobRules(), ["cj"], ["all"]);
        Add("batch", "v1", "Job", "jobs", true, typeof(Api.Batch.Job), new JobRules(), null, ["all"]);
    }

    public IReadOnlyList<ResourceType> All => _types;

    public void Add(string group, string version, string kind, string plural, bool namespaced, Type clrType,
        IResourceStrategy strategy, string[]? shortNames = null, string[]? categories = null)
    {
        var type = new ResourceType(group, version, kind, plural, kind.ToLowerInvariant(), namespaced, clrType,
            shortNames ?? [], categories ?? [], strategy);
        _types.Add(type);
        _byClr[clrType] = type;
    }

    public ResourceType For<T>() where T : KubeObject => For(typeof(T));

    public ResourceType For(Type clrType) => _byClr.TryGetValue(clrType, out var type) ? type
        : throw new InvalidOperationException($"{clrType.Name} is not a registered kind");

    public ResourceType? ByKind(string apiVersion, string kind) =>
        _types.FirstOrDefault(t => t.Kind == kind && t.ApiVersion == apiVersion);

    /// <summary>Resolves what a user types: "po", "pods", "pod", "Pod", "deploy", "deployments.apps", "deployment.v1.apps".</summary>
    public ResourceType? Resolve(string name)
    {
        var dot = name.IndexOf('.');
        var resource = (dot < 0 ? name : name[..dot]).ToLowerInvariant();
        var group = dot < 0 ? null : name[(dot + 1)..];
        return _types.FirstOrDefault(t =>
            (t.Plural == resource || t.Singular == resource || t.ShortNames.Contains(resource))
            && (group is null || group == t.Group || group == $"{t.Version}.{t.Group}" || (t.Group.Length == 0 && group == t.Version)));
    }

    /// <summary>Turns a manifest into a typed object, refusing unknown kinds and fields with upstream's wording.</summary>
    public KubeObject Decode(JsonObject node)
    {
        var apiVersion = node["apiVersion"] is JsonValue v && v.TryGetValue<string>(out var av) ? av : "";
        var kind = node["kind"] is JsonValue k && k.TryGetValue<string>(out var kv) ? kv : "";
        var missing = new List<string>();
        if (apiVersion.Length == 0) missing.Add("apiVersion not set");
        if (kind.Length == 0) missing.Add("kind not set");
        if (missing.Count > 0) throw ApiException.BadRequest($"error validating data: [{string.Join(", ", missing)}]");
        var type = ByKind(apiVersion, kind)
            ?? throw ApiException.BadRequest($"no matches for kind \"{kind}\" in version \"{apiVersion}\"");
        try
        {
            return (KubeObject)(node.Deserialize(type.ClrType, KubeJson.Options)
                ?? throw new JsonException("null object"));
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"{kind} in version \"{type.Version}\" cannot be handled as a {kind}: {DecodeProblem(e)}");
        }
    }

    /// <summary>Turns System.Text.Json's complaint into the strict-decoding message upstream gives.</summary>
    private static string DecodeProblem(JsonException e)
    {
        var path = (e.Path ?? "$").TrimStart('$').TrimStart('.');
        if (e.Message.Contains("could not be mapped to any .NET member", StringComparison.Ordinal))
        {
            var start = e.Message.IndexOf('\'') + 1;
            var end = e.Message.IndexOf('\'', start);
            var field = e.Message[start..end];
            var parent = path.EndsWith(field, StringComparison.Ordinal) ? path[..^field.Length].TrimEnd('.') : path;
            return $"strict decoding error: unknown field \"{(parent.Length == 0 ? field : parent + "." + field)}\"";
        }
        return $"json: cannot unmarshal value into Go struct field {path}: {e.Message.Split(" Path:")[0]}";
    }
}
