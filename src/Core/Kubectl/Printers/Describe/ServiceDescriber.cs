using Playground.Core.Api.Core;
using Playground.Core.Kubectl.Printers.Tables;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe service, with each port's endpoints.</summary>
public static class ServiceDescriber
{
    public static string Describe(Service svc, Endpoints? endpoints, IReadOnlyList<Event> events, DateTimeOffset now)
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
            w.Line(0, $"Endpoints:\t{(endpoints is null ? "<none>" : EndpointsTable.Format(endpoints, port.Name ?? ""))}");
        }
        w.Line(0, $"Session Affinity:\t{spec.SessionAffinity}");
        if (!string.IsNullOrEmpty(spec.ExternalTrafficPolicy)) w.Line(0, $"External Traffic Policy:\t{spec.ExternalTrafficPolicy}");
        if (spec.InternalTrafficPolicy is { } internalPolicy) w.Line(0, $"Internal Traffic Policy:\t{internalPolicy}");
        w.Events(events, now);
        return w.ToString();
    }
}
