using System.Text.Json.Nodes;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Core;

public sealed class Service : KubeObject
{
    public Service() { ApiVersion = "v1"; Kind = "Service"; }
    public ServiceSpec Spec { get; set; } = new();
    public ServiceStatus? Status { get; set; }
}

public sealed class ServiceSpec
{
    public List<ServicePort>? Ports { get; set; }
    public Dictionary<string, string>? Selector { get; set; }
    public string? ClusterIP { get; set; }
    public List<string>? ClusterIPs { get; set; }
    public string? Type { get; set; }
    public List<string>? ExternalIPs { get; set; }
    public string? SessionAffinity { get; set; }
    public string? LoadBalancerIP { get; set; }
    public string? ExternalName { get; set; }
    public string? ExternalTrafficPolicy { get; set; }
    public string? InternalTrafficPolicy { get; set; }
    public bool? PublishNotReadyAddresses { get; set; }
    public List<string>? IpFamilies { get; set; }
    public string? IpFamilyPolicy { get; set; }
    public bool? AllocateLoadBalancerNodePorts { get; set; }
    public string? LoadBalancerClass { get; set; }
    public JsonObject? SessionAffinityConfig { get; set; }
}

public sealed class ServicePort
{
    public string? Name { get; set; }
    public string? Protocol { get; set; }
    public string? AppProtocol { get; set; }
    public int Port { get; set; }
    public IntOrString? TargetPort { get; set; }
    public int? NodePort { get; set; }
}

public sealed class ServiceStatus
{
    public LoadBalancerStatus? LoadBalancer { get; set; }
}

public sealed class LoadBalancerStatus
{
    public List<LoadBalancerIngress>? Ingress { get; set; }
}

public sealed class LoadBalancerIngress
{
    public string? Ip { get; set; }
    public string? Hostname { get; set; }
}

public sealed class Endpoints : KubeObject
{
    public Endpoints() { ApiVersion = "v1"; Kind = "Endpoints"; }
    public List<EndpointSubset>? Subsets { get; set; }
}

public sealed class EndpointSubset
{
    public List<EndpointAddress>? Addresses { get; set; }
    public List<EndpointAddress>? NotReadyAddresses { get; set; }
    public List<EndpointPort>? Ports { get; set; }
}

public sealed class EndpointAddress
{
    public string Ip { get; set; } = "";
    public string? Hostname { get; set; }
    public string? NodeName { get; set; }
    public ObjectReference? TargetRef { get; set; }
}

public sealed class EndpointPort
{
    public string? Name { get; set; }
    public int Port { get; set; }
    public string? Protocol { get; set; }
    public string? AppProtocol { get; set; }
}

public sealed class ObjectReference
{
    public string? Kind { get; set; }
    public string? Namespace { get; set; }
    public string? Name { get; set; }
    public string? Uid { get; set; }
    public string? ApiVersion { get; set; }
    public string? ResourceVersion { get; set; }
    public string? FieldPath { get; set; }
}
