using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Storage;

/// <summary>A storage.k8s.io/v1 StorageClass: which provisioner makes volumes for claims naming it, and when.</summary>
public sealed class StorageClass : KubeObject
{
    public StorageClass() { ApiVersion = "storage.k8s.io/v1"; Kind = "StorageClass"; }
    public string Provisioner { get; set; } = "";
    public Dictionary<string, string>? Parameters { get; set; }
    public string? ReclaimPolicy { get; set; }
    public List<string>? MountOptions { get; set; }
    public bool? AllowVolumeExpansion { get; set; }
    public string? VolumeBindingMode { get; set; }
    public List<JsonObject>? AllowedTopologies { get; set; }
}
