using System.Globalization;
using System.Text;
using Playground.Core.Api.Core;
using Playground.Core.Api.Discovery;
using Playground.Core.Controllers.EndpointSlices;

namespace Playground.Core.Networking.Proxy;

/// <summary>
/// kube-proxy in iptables mode, in miniature: from Services and EndpointSlices, the chains each node gets
/// (KUBE-SERVICES → KUBE-SVC-… → KUBE-SEP-… with random probabilities), which the traffic simulation follows and
/// <see cref="RulesFor"/> prints as iptables-save would.
/// </summary>
public sealed class KubeProxy(ApiServer.ApiServer api)
{
    /// <summary>Every service port's chain, for services kube-proxy handles (not headless, not ExternalName).</summary>
    public IReadOnlyList<ServiceChain> Chains()
    {
        var slices = api.List<EndpointSlice>().ToLookup(s => (s.Metadata.Namespace, s.Metadata.Labels?.GetValueOrDefault(EndpointSliceController.ServiceNameLabel)));
        var chains = new List<ServiceChain>();
        foreach (var service in api.List<Service>().OrderBy(s => s.Metadata.Namespace, StringComparer.Ordinal).ThenBy(s => s.Metadata.Name, StringComparer.Ordinal))
        {
            if (service.Spec.Type == "ExternalName" || service.Spec.ClusterIP is null or "" or "None") continue;
            var lbIps = (service.Status?.LoadBalancer?.Ingress ?? []).Select(i => i.Ip).OfType<string>().ToList();
            foreach (var port in service.Spec.Ports ?? [])
            {
                var slicePorts = slices[(service.Metadata.Namespace, service.Metadata.Name)];
                chains.Add(new ServiceChain(service.Metadata.Namespace!, service.Metadata.Name!, port.Name, port.Protocol ?? "TCP",
                    service.Spec.ClusterIP, port.Port, port.NodePort, lbIps, service.Spec.ExternalTrafficPolicy == "Local",
                    Usable(slicePorts, port.Name ?? "")));
            }
        }
        return chains;
    }

    /// <summary>
    /// kube-proxy's CategorizeEndpoints: the ready endpoints, or when none is ready the serving terminating ones, each
    /// at the slice's port of the same name, in address order.
    /// </summary>
    private static IReadOnlyList<ProxyEndpoint> Usable(IEnumerable<EndpointSlice> slices, string portName)
    {
        var all = slices.SelectMany(s => (s.Endpoints ?? []).Select(e => (Endpoint: e, Port: s.Ports?.FirstOrDefault(p => (p.Name ?? "") == portName)?.Port)))
            .Where(x => x.Port is int && x.Endpoint.Addresses.Count > 0).ToList();
        var ready = all.Where(x => x.Endpoint.Conditions?.Ready != false).ToList();
        if (ready.Count == 0) ready = all.Where(x => x.Endpoint.Conditions?.Serving == true && x.Endpoint.Conditions?.Terminating == true).ToList();
        return ready.Select(x => new ProxyEndpoint(x.Endpoint.Addresses[0], x.Port!.Value, x.Endpoint.TargetRef?.Name, x.Endpoint.NodeName))
            .DistinctBy(e => e.Address).OrderBy(e => e.Address, StringComparer.Ordinal).ToList();
    }

    /// <summary>The nat and filter tables kube-proxy writes on <paramref name="node"/>, as `iptables-save` prints them (the service chains only).</summary>
    public string RulesFor(string node)
    {
        var chains = Chains();
        var text = new StringBuilder();
        text.Append("*filter\n:KUBE-EXTERNAL-SERVICES - [0:0]\n:KUBE-SERVICES - [0:0]\n");
        foreach (var chain in chains.Where(c => c.Endpoints.Count == 0))
        {
            var proto = chain.Protocol.ToLowerInvariant();
            text.Append($"-A KUBE-SERVICES -d {chain.ClusterIp}/32 -p {proto} -m comment --comment \"{chain.PortId} has no endpoints\" -m {proto} --dport {chain.Port} -j REJECT --reject-with icmp-port-unreachable\n");
            if (chain.NodePort is int nodePort)
                text.Append($"-A KUBE-EXTERNAL-SERVICES -p {proto} -m comment --comment \"{chain.PortId} has no endpoints\" -m addrtype --dst-type LOCAL -m {proto} --dport {nodePort} -j REJECT --reject-with icmp-port-unreachable\n");
        }
        text.Append("COMMIT\n*nat\n:KUBE-MARK-DROP - [0:0]\n:KUBE-MARK-MASQ - [0:0]\n:KUBE-NODEPORTS - [0:0]\n:KUBE-POSTROUTING - [0:0]\n:KUBE-SERVICES - [0:0]\n");
        var withEndpoints = chains.Where(c => c.Endpoints.Count > 0).ToList();
        foreach (var chain in withEndpoints)
        {
            text.Append($":{chain.SvcChain} - [0:0]\n");
            foreach (var endpoint in chain.Endpoints) text.Append($":{chain.EndpointChain(endpoint)} - [0:0]\n");
        }
        text.Append("-A KUBE-MARK-MASQ -j MARK --set-xmark 0x4000/0x4000\n");
        foreach (var chain in withEndpoints.Where(c => c.NodePort is not null))
        {
            var proto = chain.Protocol.ToLowerInvariant();
            var local = chain.ExternalEndpoints(node);
            var target = local.Count > 0 ? chain.SvcChain : "KUBE-MARK-DROP";
            text.Append($"-A KUBE-NODEPORTS -p {proto} -m comment --comment {chain.PortId} -m {proto} --dport {chain.NodePort} -j {target}\n");
        }
        foreach (var chain in withEndpoints)
        {
            var proto = chain.Protocol.ToLowerInvariant();
            text.Append($"-A KUBE-SERVICES -d {chain.ClusterIp}/32 -p {proto} -m comment --comment \"{chain.PortId} cluster IP\" -m {proto} --dport {chain.Port} -j {chain.SvcChain}\n");
            foreach (var ip in chain.LoadBalancerIps)
                text.Append($"-A KUBE-SERVICES -d {ip}/32 -p {proto} -m comment --comment \"{chain.PortId} loadbalancer IP\" -m {proto} --dport {chain.Port} -j {chain.SvcChain}\n");
        }
        text.Append("-A KUBE-SERVICES -m comment --comment \"kubernetes service nodeports; NOTE: this must be the last rule in this chain\" -m addrtype --dst-type LOCAL -j KUBE-NODEPORTS\n");
        foreach (var chain in withEndpoints)
        {
            var proto = chain.Protocol.ToLowerInvariant();
            for (var i = 0; i < chain.Endpoints.Count; i++)
            {
                var endpoint = chain.Endpoints[i];
                var left = chain.Endpoints.Count - i;
                var statistic = left > 1 ? $" -m statistic --mode random --probability {Probability(1.0 / left)}" : "";
                text.Append($"-A {chain.SvcChain} -m comment --comment \"{chain.PortId} -> {endpoint.Address}\"{statistic} -j {chain.EndpointChain(endpoint)}\n");
            }
            foreach (var endpoint in chain.Endpoints)
            {
                var sep = chain.EndpointChain(endpoint);
                text.Append($"-A {sep} -s {endpoint.Ip}/32 -m comment --comment {chain.PortId} -j KUBE-MARK-MASQ\n");
                text.Append($"-A {sep} -p {proto} -m comment --comment {chain.PortId} -m {proto} -j DNAT --to-destination {endpoint.Address}\n");
            }
        }
        text.Append("COMMIT\n");
        return text.ToString();
    }

    /// <summary>The probability as the kernel stores it (a 31-bit fraction) and iptables-save prints it back, e.g. 1/3 is 0.33333333349.</summary>
    private static string Probability(double p) =>
        (Math.Round(p * 0x80000000L) / 0x80000000L).ToString("F11", CultureInfo.InvariantCulture);
}
