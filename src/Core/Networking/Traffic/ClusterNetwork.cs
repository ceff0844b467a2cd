using System.Runtime.CompilerServices;
using Playground.Core.Api.Core;
using Playground.Core.Api.Networking;
using Playground.Core.Networking.Dns;
using Playground.Core.Networking.Ingresses;
using Playground.Core.Networking.LoadBalancers;
using Playground.Core.Networking.Proxy;

namespace Playground.Core.Networking.Traffic;

/// <summary>
/// The simulated pod network: a connection to an address goes where the real one would, through kube-proxy's chains
/// (cluster IPs, node ports, load-balancer IPs, picking an endpoint at random with the chains' probabilities), the
/// ingress controller's routes, or straight to a pod's IP, and is answered by what runs there.
/// </summary>
public sealed class ClusterNetwork(ApiServer.ApiServer api)
{
    /// <summary>The kernel's random source for iptables' statistic match, one per cluster, seeded so a sandbox replays alike.</summary>
    private static readonly ConditionalWeakTable<ApiServer.ApiServer, Random> Kernels = [];

    public ClusterDns Dns { get; } = new(api);

    public KubeProxy Proxy { get; } = new(api);

    private Random Kernel => Kernels.GetValue(api, _ => new Random(1));

    /// <summary>An ephemeral source port, as the client's kernel picks one (32768–60999).</summary>
    public int EphemeralPort() => 32768 + Kernel.Next(28232);

    /// <summary>Sends a request to ip:port from a pod (or from outside, for a null pod); the answer and the pod that gave it.</summary>
    public HttpOutcome Send(string ip, int port, HttpRequest request, Pod? from)
    {
        if (ip == LoadBalancerPool.IngressAddress && port is 80 or 443) return ThroughIngress(request, from);
        var chains = Proxy.Chains();
        var machine = api.List<Node>().FirstOrDefault(n => Machines.InternalIp(n) == ip);
        if (Machines.IsOff(machine)) return HttpOutcome.Unanswered;

        if (chains.FirstOrDefault(c => c.ClusterIp == ip && c.Port == port) is { } cluster) return Forward(cluster.Endpoints, request, from);
        if (chains.FirstOrDefault(c => c.LoadBalancerIps.Contains(ip) && c.Port == port) is { } balanced) return Forward(balanced.Endpoints, request, from);
        if (machine is not null && chains.FirstOrDefault(c => c.NodePort == port) is { } nodePort)
            return Forward(nodePort.ExternalEndpoints(machine.Metadata.Name!), request, from);
        return PodAt(ip) is { } pod ? HttpServers.Serve(pod, NodeOf(pod), port, request, api.Now) : HttpOutcome.Refused;
    }

    /// <summary>What the ingress controller answers: the routed backend's reply, 503 when it has no endpoint, 404 when nothing routes.</summary>
    private HttpOutcome ThroughIngress(HttpRequest request, Pod? from)
    {
        var classes = api.List<IngressClass>();
        var served = api.List<Ingress>().Where(i => IngressController.Serves(i, classes));
        if (IngressRouter.Route(served, request.Host, request.Path) is not { } route || route.Backend.Service is not { } backend)
            return ControllerPage(404, "Not Found");
        var service = api.TryGet<Service>(route.Ingress.Metadata.Namespace, backend.Name);
        var servicePort = service?.Spec.Ports?.FirstOrDefault(p => backend.Port?.Number is int n ? p.Port == n : p.Name == backend.Port?.Name);
        var chain = servicePort is null ? null : Proxy.Chains().FirstOrDefault(c =>
            c.Namespace == service!.Metadata.Namespace && c.Service == service.Metadata.Name && c.Port == servicePort.Port);
        if (chain is null || chain.Endpoints.Count == 0) return ControllerPage(503, "Service Temporarily Unavailable");
        var outcome = Forward(chain.Endpoints, request, from);
        return outcome.Response is null ? ControllerPage(502, "Bad Gateway") : outcome;
    }

    private HttpOutcome ControllerPage(int status, string reason) =>
        new(new HttpResponse(status, reason, [("Date", api.Now.UtcDateTime.ToString("ddd, dd MMM yyyy HH:mm:ss 'GMT'", System.Globalization.CultureInfo.InvariantCulture)),
            ("Content-Type", "text/html")], HttpServers.NginxError(status, reason)), null);

    /// <summary>kube-proxy's KUBE-SVC chain: endpoint i of n is taken with probability 1/(n-i), which is uniform overall; none refuses.</summary>
    private HttpOutcome Forward(IReadOnlyList<ProxyEndpoint> endpoints, HttpRequest request, Pod? from)
    {
        if (endpoints.Count == 0) return HttpOutcome.Refused;
        var endpoint = endpoints[Kernel.Next(endpoints.Count)];
        return PodAt(endpoint.Ip) is { } pod ? HttpServers.Serve(pod, NodeOf(pod), endpoint.Port, request, api.Now) : HttpOutcome.Refused;
    }

    private Node? NodeOf(Pod pod) => pod.Spec.NodeName is { } name ? api.TryGet<Node>(null, name) : null;

    private Pod? PodAt(string ip) =>
        api.List<Pod>().FirstOrDefault(p => p.Status?.PodIP == ip && p.Spec.HostNetwork != true && p.Status?.Phase == "Running");
}
