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
    private readonly List<ResourceType> _alternates = [];
    private readonly List<ResourceType> _aggregated = [];
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
        AddVersion(For<Api.Autoscaling.HorizontalPodAutoscaler>(), "v1", typeof(Api.Autoscaling.V1.HorizontalPodAutoscaler), new Api.Autoscaling.V1.HorizontalPodAutoscalerConversion());
        AddAggregated<Api.Metrics.NodeMetrics>("metrics.k8s.io", "v1beta1", "nodes", namespaced: false);
        AddAggregated<Api.Metrics.PodMetrics>("metrics.k8s.io", "v1beta1", "pods", namespaced: true);
    }

    /// <summary>The kinds kept in the store, one entry each, at the version they are stored at (the preferred one).</summary>
    public IReadOnlyList<ResourceType> All => _types;

    /// <summary>The other versions stored kinds are also served at.</summary>
    public IReadOnlyList<ResourceType> Alternates => _alternates;

    /// <summary>Kinds an aggregated API server serves from elsewhere than the store: metrics-server's NodeMetrics and PodMetrics.</summary>
    public IReadOnlyList<ResourceType> Aggregated => _aggregated;

    /// <summary>Every version of every stored kind, preferred versions first.</summary>
    public IEnumerable<ResourceType> AllVersions => _types.Concat(_alternates);

    /// <summary>Everything discovery lists: every version of every stored kind, then the aggregated kinds.</summary>
    public IEnumerable<ResourceType> Served => AllVersions.Concat(_aggregated);

    public void Add(string group, string version, string kind, string plural, bool namespaced, Type clrType,
        IResourceStrategy strategy, string[]? shortNames = null, string[]? categories = null)
    {
        var type = new ResourceType(group, version, kind, plural, kind.ToLowerInvariant(), namespaced, clrType,
            shortNames ?? [], categories ?? [], strategy);
        _types.Add(type);
        _byClr[clrType] = type;
    }

    /// <summary>Serves a stored kind at another version too, converting with <paramref name="conversion"/>.</summary>
    public void AddVersion(ResourceType stored, string version, Type clrType, VersionConverter conversion) =>
        _alternates.Add(stored with { Version = version, ClrType = clrType, Conversion = conversion });

    /// <summary>
    /// Lists a kind another API server serves read-only from elsewhere than the store (ByKind never finds it, so nothing
    /// writes it); as metrics-server's, its singular name is empty.
    /// </summary>
    public void AddAggregated<T>(string group, string version, string plural, bool namespaced) where T : KubeObject =>
        _aggregated.Add(new ResourceType(group, version, typeof(T).Name, plural, "", namespaced, typeof(T), [], [], new ResourceStrategy<T>()) { Verbs = ["get", "list"] });

    public ResourceType For<T>() where T : KubeObject => For(typeof(T));

    public ResourceType For(Type clrType) => _byClr.TryGetValue(clrType, out var type) ? type
        : throw new InvalidOperationException($"{clrType.Name} is not a registered kind");

    /// <summary>A stored kind at any version it is served at.</summary>
    public ResourceType? ByKind(string apiVersion, string kind) =>
        AllVersions.FirstOrDefault(t => t.Kind == kind && t.ApiVersion == apiVersion);

    /// <summary>
    /// Resolves what a user types: "po", "pods", "pod", "Pod", "deploy", "deployments.apps", "deployment.v1.apps"; a
    /// kind named at another served version ("hpa.v1.autoscaling") resolves to its stored version.
    /// </summary>
    public ResourceType? Resolve(string name)
    {
        var dot = name.IndexOf('.');
        var resource = (dot < 0 ? name : name[..dot]).ToLowerInvariant();
        var group = dot < 0 ? null : name[(dot + 1)..];
        return AllVersions.FirstOrDefault(t =>
            (t.Plural == resource || t.Singular == resource || t.ShortNames.Contains(resource))
            && (group is null || group == t.Group || group == $"{t.Version}.{t.Group}" || (t.Group.Length == 0 && group == t.Version))) is { } type
            ? (type.Conversion is null ? type : For(type.StoredClrType))
            : null;
    }

    /// <summary>
    /// Turns a manifest into a typed object of the stored version (converting from another served version), refusing
    /// unknown kinds and fields with upstream's wording.
    /// </summary>
    public KubeObject Decode(JsonObject node)
    {
        var apiVersion = KubeJson.Text(node["apiVersion"]) ?? "";
        var kind = KubeJson.Text(node["kind"]) ?? "";
        var missing = new List<string>();
        if (apiVersion.Length == 0) missing.Add("apiVersion not set");
        if (kind.Length == 0) missing.Add("kind not set");
        if (missing.Count > 0) throw ApiException.BadRequest($"error validating data: [{string.Join(", ", missing)}]");
        var type = ByKind(apiVersion, kind)
            ?? throw ApiException.BadRequest($"no matches for kind \"{kind}\" in version \"{apiVersion}\"");
        KubeObject obj;
        try
        {
            obj = (KubeObject)(node.Deserialize(type.ClrType, KubeJson.Options) ?? throw new JsonException("null object"));
        }
        catch (JsonException e)
        {
            throw ApiException.BadRequest($"{kind} in version \"{type.Version}\" cannot be handled as a {kind}: {DecodeProblem(e)}");
        }
        return type.Conversion?.ToStored(obj) ?? obj;
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
