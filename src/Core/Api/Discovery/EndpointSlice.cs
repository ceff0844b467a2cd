using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Api.Discovery;

/// <summary>discovery.k8s.io/v1 EndpointSlice: a share of a service's endpoints, with each endpoint's conditions.</summary>
public sealed class EndpointSlice : KubeObject
{
    public EndpointSlice() { ApiVersion = "discovery.k8s.io/v1"; Kind = "EndpointSlice"; }
    public string AddressType { get; set; } = "IPv4";
    public List<Endpoint>? Endpoints { get; set; }
    public List<EndpointSlicePort>? Ports { get; set; }
}

public sealed class Endpoint
{
    public List<string> Addresses { get; set; } = [];
    public EndpointConditions? Conditions { get; set; }
    public string? Hostname { get; set; }
    public ObjectReference? TargetRef { get; set; }
    public string? NodeName { get; set; }
    public string? Zone { get; set; }
}

public sealed class EndpointConditions
{
    public bool? Ready { get; set; }
    public bool? Serving { get; set; }
    public bool? Terminating { get; set; }
}

public sealed class EndpointSlicePort
{
    public string? Name { get; set; }
    public string? Protocol { get; set; }
    public int? Port { get; set; }
    public string? AppProtocol { get; set; }
}
