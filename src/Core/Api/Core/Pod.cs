using System.Text.Json.Nodes;
using System.Text.Json.Serialization;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Core;

public sealed class Pod : KubeObject
{
    public Pod() { ApiVersion = "v1"; Kind = "Pod"; }
    public PodSpec Spec { get; set; } = new();
    public PodStatus? Status { get; set; }
}

public sealed class PodTemplateSpec
{
    public ObjectMeta? Metadata { get; set; }
    public PodSpec Spec { get; set; } = new();
}

public sealed class PodSpec
{
    public List<Container>? InitContainers { get; set; }
    public List<Container> Containers { get; set; } = [];
    public string? RestartPolicy { get; set; }
    public long? TerminationGracePeriodSeconds { get; set; }
    public long? ActiveDeadlineSeconds { get; set; }
    public string? DnsPolicy { get; set; }
    public Dictionary<string, string>? NodeSelector { get; set; }
    public string? ServiceAccountName { get; set; }
    public string? ServiceAccount { get; set; }
    public bool? AutomountServiceAccountToken { get; set; }
    public string? NodeName { get; set; }
    public bool? HostNetwork { get; set; }
    public string? Hostname { get; set; }
    public string? Subdomain { get; set; }
    public Affinity? Affinity { get; set; }
    public string? SchedulerName { get; set; }
    public List<Toleration>? Tolerations { get; set; }
    public string? PriorityClassName { get; set; }
    public int? Priority { get; set; }
    public string? PreemptionPolicy { get; set; }
    public bool? EnableServiceLinks { get; set; }
    public List<TopologySpreadConstraint>? TopologySpreadConstraints { get; set; }
    public List<Volume>? Volumes { get; set; }
    public JsonObject? SecurityContext { get; set; }
    public List<JsonObject>? ImagePullSecrets { get; set; }
    public List<JsonObject>? HostAliases { get; set; }
    public JsonObject? DnsConfig { get; set; }
    public bool? ShareProcessNamespace { get; set; }
    public string? RuntimeClassName { get; set; }
}

public sealed class Container
{
    public string Name { get; set; } = "";
    public string? Image { get; set; }
    public List<string>? Command { get; set; }
    public List<string>? Args { get; set; }
    public string? WorkingDir { get; set; }
    public List<ContainerPort>? Ports { get; set; }
    public List<EnvVar>? Env { get; set; }
    public List<JsonObject>? EnvFrom { get; set; }
    public ResourceRequirements? Resources { get; set; }
    public List<VolumeMount>? VolumeMounts { get; set; }
    public Probe? LivenessProbe { get; set; }
    public Probe? ReadinessProbe { get; set; }
    public Probe? StartupProbe { get; set; }
    public JsonObject? Lifecycle { get; set; }
    public string? TerminationMessagePath { get; set; }
    public string? TerminationMessagePolicy { get; set; }
    public string? ImagePullPolicy { get; set; }
    public JsonObject? SecurityContext { get; set; }
    public bool? Stdin { get; set; }
    public bool? Tty { get; set; }
    public string? RestartPolicy { get; set; }
}

public sealed class ContainerPort
{
    public string? Name { get; set; }
    public int? HostPort { get; set; }
    [JsonPropertyName("containerPort")] public int Number { get; set; }
    public string? Protocol { get; set; }
    public string? HostIP { get; set; }
}

public sealed class EnvVar
{
    public string Name { get; set; } = "";
    public string? Value { get; set; }
    public JsonObject? ValueFrom { get; set; }
}

public sealed class ResourceRequirements
{
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Limits { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Requests { get; set; }
}

public sealed class VolumeMount
{
    public string Name { get; set; } = "";
    public string MountPath { get; set; } = "";
    public bool? ReadOnly { get; set; }
    public string? SubPath { get; set; }
}

/// <summary>A pod volume; its source (emptyDir, configMap, …) is kept as data until the kubelet needs it.</summary>
public sealed class Volume
{
    public string Name { get; set; } = "";
    public JsonObject? EmptyDir { get; set; }
    public JsonObject? ConfigMap { get; set; }
    public JsonObject? Secret { get; set; }
    public JsonObject? PersistentVolumeClaim { get; set; }
    public JsonObject? HostPath { get; set; }
    public JsonObject? Projected { get; set; }
    public JsonObject? DownwardAPI { get; set; }
}

public sealed class Probe
{
    public JsonObject? Exec { get; set; }
    public JsonObject? HttpGet { get; set; }
    public JsonObject? TcpSocket { get; set; }
    public JsonObject? Grpc { get; set; }
    public int? InitialDelaySeconds { get; set; }
    public int? TimeoutSeconds { get; set; }
    public int? PeriodSeconds { get; set; }
    public int? SuccessThreshold { get; set; }
    public int? FailureThreshold { get; set; }
    public long? TerminationGracePeriodSeconds { get; set; }
}

public sealed class Toleration
{
    public string? Key { get; set; }
    public string? Operator { get; set; }
    public string? Value { get; set; }
    public string? Effect { get; set; }
    public long? TolerationSeconds { get; set; }
}

public sealed class Affinity
{
    public NodeAffinity? NodeAffinity { get; set; }
    public JsonObject? PodAffinity { get; set; }
    public JsonObject? PodAntiAffinity { get; set; }
}

public sealed class NodeAffinity
{
    public NodeSelector? RequiredDuringSchedulingIgnoredDuringExecution { get; set; }
    public List<JsonObject>? PreferredDuringSchedulingIgnoredDuringExecution { get; set; }
}

public sealed class NodeSelector
{
    public List<NodeSelectorTerm> NodeSelectorTerms { get; set; } = [];
}

public sealed class NodeSelectorTerm
{
    public List<LabelSelectorRequirement>? MatchExpressions { get; set; }
    public List<LabelSelectorRequirement>? MatchFields { get; set; }
}

public sealed class TopologySpreadConstraint
{
    public int MaxSkew { get; set; }
    public string TopologyKey { get; set; } = "";
    public string WhenUnsatisfiable { get; set; } = "";
    public LabelSelector? LabelSelector { get; set; }
}

public sealed class PodStatus
{
    public string? Phase { get; set; }
    public List<Condition>? Conditions { get; set; }
    public string? Message { get; set; }
    public string? Reason { get; set; }
    public string? NominatedNodeName { get; set; }
    public string? HostIP { get; set; }
    public List<PodIP>? HostIPs { get; set; }
    public string? PodIP { get; set; }
    public List<PodIP>? PodIPs { get; set; }
    public DateTimeOffset? StartTime { get; set; }
    public List<ContainerStatus>? InitContainerStatuses { get; set; }
    public List<ContainerStatus>? ContainerStatuses { get; set; }
    public string? QosClass { get; set; }
}

public sealed class PodIP
{
    public string Ip { get; set; } = "";
}

public sealed class ContainerStatus
{
    public string Name { get; set; } = "";
    public ContainerState? State { get; set; }
    public ContainerState? LastState { get; set; }
    public bool Ready { get; set; }
    public int RestartCount { get; set; }
    public string Image { get; set; } = "";
    public string ImageID { get; set; } = "";
    public string? ContainerID { get; set; }
    public bool? Started { get; set; }
}

public sealed class ContainerState
{
    public ContainerStateWaiting? Waiting { get; set; }
    public ContainerStateRunning? Running { get; set; }
    public ContainerStateTerminated? Terminated { get; set; }
}

public sealed class ContainerStateWaiting
{
    public string? Reason { get; set; }
    public string? Message { get; set; }
}

public sealed class ContainerStateRunning
{
    public DateTimeOffset? StartedAt { get; set; }
}

public sealed class ContainerStateTerminated
{
    public int ExitCode { get; set; }
    public int? Signal { get; set; }
    public string? Reason { get; set; }
    public string? Message { get; set; }
    public DateTimeOffset? StartedAt { get; set; }
    public DateTimeOffset? FinishedAt { get; set; }
    public string? ContainerID { get; set; }
}
