using System.Text.Json.Serialization;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Core;

public sealed class Node : KubeObject
{
    public Node() { ApiVersion = "v1"; Kind = "Node"; }
    public NodeSpec Spec { get; set; } = new();
    public NodeStatus? Status { get; set; }
}

public sealed class NodeSpec
{
    public string? PodCIDR { get; set; }
    public List<string>? PodCIDRs { get; set; }
    public string? ProviderID { get; set; }
    public bool? Unschedulable { get; set; }
    public List<Taint>? Taints { get; set; }
}

public sealed class Taint
{
    public string Key { get; set; } = "";
    public string? Value { get; set; }
    public string Effect { get; set; } = "";
    public DateTimeOffset? TimeAdded { get; set; }
}

public sealed class NodeStatus
{
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Capacity { get; set; }
    [JsonConverter(typeof(ResourceListConverter))]
    public Dictionary<string, string>? Allocatable { get; set; }
    public string? Phase { get; set; }
    public List<Condition>? Conditions { get; set; }
    public List<NodeAddress>? Addresses { get; set; }
    public NodeSystemInfo? NodeInfo { get; set; }
    public List<ContainerImage>? Images { get; set; }
}

public sealed class NodeAddress
{
    public string Type { get; set; } = "";
    public string Address { get; set; } = "";
}

public sealed class NodeSystemInfo
{
    public string MachineID { get; set; } = "";
    public string SystemUUID { get; set; } = "";
    public string BootID { get; set; } = "";
    public string KernelVersion { get; set; } = "";
    public string OsImage { get; set; } = "";
    public string ContainerRuntimeVersion { get; set; } = "";
    public string KubeletVersion { get; set; } = "";
    public string KubeProxyVersion { get; set; } = "";
    public string OperatingSystem { get; set; } = "";
    public string Architecture { get; set; } = "";
}

public sealed class ContainerImage
{
    public List<string>? Names { get; set; }
    public long? SizeBytes { get; set; }
}
