using System.Text.Json.Serialization;
using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Core;

/// <summary>A cluster-scoped piece of storage; its source (hostPath, local, csi, …) is kept as data.</summary>
public sealed class PersistentVolume : KubeObject
{
    public PersistentVolume() { ApiVersion = "v1"; Kind = "PersistentVolume"; }
    public PersistentVolumeSpec Spec { get; set; } = new();
    public PersistentVolumeStatus? Status { get; set; }
}

public sealed class PersistentVolumeSpec
{
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Capacity { get; set; }
    public List<string>? AccessModes { get; set; }
    public ObjectReference? ClaimRef { get; set; }
    public string? PersistentVolumeReclaimPolicy { get; set; }
    public string? StorageClassName { get; set; }
    public List<string>? MountOptions { get; set; }
    public string? VolumeMode { get; set; }
    public string? VolumeAttributesClassName { get; set; }
    public JsonObject? NodeAffinity { get; set; }
    public JsonObject? HostPath { get; set; }
    public JsonObject? Local { get; set; }
    public JsonObject? Csi { get; set; }
    public JsonObject? Nfs { get; set; }
}

public sealed class PersistentVolumeStatus
{
    public string? Phase { get; set; }
    public string? Message { get; set; }
    public string? Reason { get; set; }
    public DateTimeOffset? LastPhaseTransitionTime { get; set; }
}

/// <summary>A user's request for storage, bound one-to-one to a PersistentVolume.</summary>
public sealed class PersistentVolumeClaim : KubeObject
{
    public PersistentVolumeClaim() { ApiVersion = "v1"; Kind = "PersistentVolumeClaim"; }
    public PersistentVolumeClaimSpec Spec { get; set; } = new();
    public PersistentVolumeClaimStatus? Status { get; set; }
}

public sealed class PersistentVolumeClaimSpec
{
    public List<string>? AccessModes { get; set; }
    public LabelSelector? Selector { get; set; }
    public VolumeResourceRequirements? Resources { get; set; }
    public string? VolumeName { get; set; }
    public string? StorageClassName { get; set; }
    public string? VolumeMode { get; set; }
    public string? VolumeAttributesClassName { get; set; }
    public JsonObject? DataSource { get; set; }
    public JsonObject? DataSourceRef { get; set; }
}

public sealed class VolumeResourceRequirements
{
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Limits { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Requests { get; set; }
}

public sealed class PersistentVolumeClaimStatus
{
    public string? Phase { get; set; }
    public List<string>? AccessModes { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Capacity { get; set; }
    public List<Condition>? Conditions { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? AllocatedResources { get; set; }
    public string? CurrentVolumeAttributesClassName { get; set; }
}
