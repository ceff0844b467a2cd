using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Networking;

/// <summary>networking.k8s.io/v1 Ingress: HTTP routes by host and path to services, served by an ingress controller.</summary>
public sealed class Ingress : KubeObject
{
    public Ingress() { ApiVersion = "networking.k8s.io/v1"; Kind = "Ingress"; }
    public IngressSpec Spec { get; set; } = new();
    public IngressStatus? Status { get; set; }
}

public sealed class IngressSpec
{
    public string? IngressClassName { get; set; }
    public IngressBackend? DefaultBackend { get; set; }
    public List<IngressTls>? Tls { get; set; }
    public List<IngressRule>? Rules { get; set; }
}

public sealed class IngressTls
{
    public List<string>? Hosts { get; set; }
    public string? SecretName { get; set; }
}

public sealed class IngressRule
{
    public string? Host { get; set; }
    public HttpIngressRuleValue? Http { get; set; }
}

public sealed class HttpIngressRuleValue
{
    public List<HttpIngressPath> Paths { get; set; } = [];
}

public sealed class HttpIngressPath
{
    public string? Path { get; set; }
    public string? PathType { get; set; }
    public IngressBackend Backend { get; set; } = new();
}

public sealed class IngressBackend
{
    public IngressServiceBackend? Service { get; set; }
    public TypedLocalObjectReference? Resource { get; set; }
}

public sealed class IngressServiceBackend
{
    public string Name { get; set; } = "";
    public ServiceBackendPort? Port { get; set; }
}

public sealed class ServiceBackendPort
{
    public string? Name { get; set; }
    public int? Number { get; set; }
}

public sealed class TypedLocalObjectReference
{
    public string? ApiGroup { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
}

public sealed class IngressStatus
{
    public IngressLoadBalancerStatus? LoadBalancer { get; set; }
}

public sealed class IngressLoadBalancerStatus
{
    public List<IngressLoadBalancerIngress>? Ingress { get; set; }
}

public sealed class IngressLoadBalancerIngress
{
    public string? Ip { get; set; }
    public string? Hostname { get; set; }
    public List<IngressPortStatus>? Ports { get; set; }
}

public sealed class IngressPortStatus
{
    public int Port { get; set; }
    public string Protocol { get; set; } = "TCP";
    public string? Error { get; set; }
}

/// <summary>networking.k8s.io/v1 IngressClass: names the controller that implements a class of ingresses.</summary>
public sealed class IngressClass : KubeObject
{
    public IngressClass() { ApiVersion = "networking.k8s.io/v1"; Kind = "IngressClass"; }
    public IngressClassSpec Spec { get; set; } = new();
}

public sealed class IngressClassSpec
{
    public string? Controller { get; set; }
    public IngressClassParametersReference? Parameters { get; set; }
}

public sealed class IngressClassParametersReference
{
    public string? ApiGroup { get; set; }
    public string Kind { get; set; } = "";
    public string Name { get; set; } = "";
    public string? Scope { get; set; }
    public string? Namespace { get; set; }
}
