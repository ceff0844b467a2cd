using Playground.Core.Api.Core;
using Playground.Core.Api.Discovery;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe service, with each port's endpoints as its EndpointSlices list them.</summary>
public static class ServiceDescriber
{
    private const int Shown = 3;

    public static string Describe(Service svc, IReadOnlyList<EndpointSlice> slices, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var spec = svc.Spec;
        w.Line(0, $"Name:\t{svc.Metadata.Name}");
        w.Line(0, $"Namespace:\t{svc.Metadata.Namespace}");
        w.Labels("Labels", svc.Metadata.Labels);
        w.Annotations("Annotations", svc.Metadata.Annotations);
        w.Line(0, $"Selector:\t{LabelFormat.Labels(spec.Selector)}");
        w.Line(0, $"Type:\t{spec.Type}");
        if (spec.IpFamilyPolicy is { } policy) w.Line(0, $"IP Family Policy:\t{policy}");
        w.Line(0, $"IP Families:\t{(spec.IpFamilies is { Count: > 0 } families ? string.Join(',', families) : "<none>")}");
        w.Line(0, $"IP:\t{spec.ClusterIP}");
        w.Line(0, $"IPs:\t{(spec.ClusterIPs is { Count: > 0 } ips ? string.Join(',', ips) : "<none>")}");
        if (spec.ExternalIPs is { Count: > 0 } external) w.Line(0, $"External IPs:\t{string.Join(',', external)}");
        if (!string.IsNullOrEmpty(spec.LoadBalancerIP)) w.Line(0, $"IP:\t{spec.LoadBalancerIP}");
        if (!string.IsNullOrEmpty(spec.ExternalName)) w.Line(0, $"External Name:\t{spec.ExternalName}");
        if (svc.Status?.LoadBalancer?.Ingress is { Count: > 0 } ingress)
            w.Line(0, $"LoadBalancer Ingress:\t{string.Join(", ", ingress.Select(i => i.Ip is { Length: > 0 } ip ? ip : i.Hostname))}");
        foreach (var port in spec.Ports ?? [])
        {
            var name = string.IsNullOrEmpty(port.Name) ? "<unset>" : port.Name;
            w.Line(0, $"Port:\t{name}\t{port.Port}/{port.Protocol}");
            w.Line(0, $"TargetPort:\t{port.TargetPort?.ToString() ?? $"{port.Port}"}/{port.Protocol}");
            if (port.AppProtocol is { } appProtocol) w.Line(0, $"AppProtocol:\t{appProtocol}");
            if (port.NodePort is > 0) w.Line(0, $"NodePort:\t{name}\t{port.NodePort}/{port.Protocol}");
            w.Line(0, $"Endpoints:\t{Endpoints(slices, port.Name ?? "")}");
        }
        w.Line(0, $"Session Affinity:\t{spec.SessionAffinity}");
        if (!string.IsNullOrEmpty(spec.ExternalTrafficPolicy)) w.Line(0, $"External Traffic Policy:\t{spec.ExternalTrafficPolicy}");
        if (spec.InternalTrafficPolicy is { } internalPolicy) w.Line(0, $"Internal Traffic Policy:\t{internalPolicy}");
        w.Events(events, now);
        return w.ToString();
    }

    /// <summary>
    /// kubectl's formatEndpointSlices: ready endpoints of the slices' ports of that name, the first three of them. It
    /// decides there are "more" on reaching three before skipping an endpoint that is not ready, as kubectl does.
    /// </summary>
    private static string Endpoints(IReadOnlyList<EndpointSlice> slices, string portName)
    {
        if (slices.Count == 0) return "<none>";
        var list = new List<string>();
        var more = false;
        var count = 0;
        void Add(Endpoint endpoint, int? port)
        {
            if (list.Count == Shown) more = true;
            if (endpoint.Conditions?.Ready == false) return;
            var address = endpoint.Addresses.FirstOrDefault() ?? "";
            if (!more) list.Add(port is null ? address : address.Contains(':') ? $"[{address}]:{port}" : $"{address}:{port}");
            count++;
        }
        foreach (var slice in slices)
        {
            if (slice.Ports is not { Count: > 0 })
                foreach (var endpoint in slice.Endpoints ?? []) Add(endpoint, null);
            else
                foreach (var port in slice.Ports.Where(p => (p.Name ?? "") == portName))
                    foreach (var endpoint in slice.Endpoints ?? []) Add(endpoint, port.Port ?? 0);
        }
        var text = string.Join(',', list);
        return more ? $"{text} + {count - Shown} more..." : text;
    }
}
