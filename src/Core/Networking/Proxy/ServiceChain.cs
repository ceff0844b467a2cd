namespace Playground.Core.Networking.Proxy;

/// <summary>One endpoint a service port sends to: the pod's address and port, and where that pod runs.</summary>
public sealed record ProxyEndpoint(string Ip, int Port, string? PodName, string? NodeName)
{
    public string Address => $"{Ip}:{Port}";
}

/// <summary>
/// What kube-proxy programs for one service port: the addresses it catches (cluster IP, node port, load-balancer IPs)
/// and the endpoints it spreads connections over, with the iptables chain names kube-proxy would give them.
/// </summary>
public sealed record ServiceChain(
    string Namespace,
    string Service,
    string? PortName,
    string Protocol,
    string? ClusterIp,
    int Port,
    int? NodePort,
    IReadOnlyList<string> LoadBalancerIps,
    bool ExternalLocal,
    IReadOnlyList<ProxyEndpoint> Endpoints)
{
    /// <summary>Upstream's ServicePortName.String(): "ns/name" or "ns/name:port".</summary>
    public string PortId => string.IsNullOrEmpty(PortName) ? $"{Namespace}/{Service}" : $"{Namespace}/{Service}:{PortName}";

    public string SvcChain => "KUBE-SVC-" + ChainHash.Of(PortId + Protocol.ToLowerInvariant());

    public string EndpointChain(ProxyEndpoint endpoint) => "KUBE-SEP-" + ChainHash.Of(PortId + Protocol.ToLowerInvariant() + endpoint.Address);

    /// <summary>Endpoints that external traffic (node port, load balancer) may reach from a node: all, or the node's own under the Local policy.</summary>
    public IReadOnlyList<ProxyEndpoint> ExternalEndpoints(string node) =>
        ExternalLocal ? Endpoints.Where(e => e.NodeName == node).ToList() : Endpoints;
}
