using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class ServiceTable : IKindTable
{
    /// <summary>Load-balancer addresses are cut to this many characters unless -o wide.</summary>
    private const int LoadBalancerWidth = 16;

    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Type"), new("Cluster-IP"), new("External-IP"), new("Port(s)"), new("Age"), new("Selector", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var svc = (Service)obj;
        var ports = string.Join(',', (svc.Spec.Ports ?? []).Select(p =>
            p.NodePort is > 0 ? $"{p.Port}:{p.NodePort}/{p.Protocol}" : $"{p.Port}/{p.Protocol}"));
        return
        [
            svc.Metadata.Name ?? "",
            svc.Spec.Type ?? "",
            svc.Spec.ClusterIPs is [var ip, ..] ? ip : "<none>",
            ExternalIp(svc),
            ports.Length == 0 ? "<none>" : ports,
            HumanDuration.Since(svc.Metadata.CreationTimestamp, now),
            LabelFormat.Labels(svc.Spec.Selector),
        ];
    }

    /// <summary>The EXTERNAL-IP cell. Upstream cuts long load-balancer lists only without -o wide; one table serves both here, so it always cuts.</summary>
    private static string ExternalIp(Service svc)
    {
        var externalIps = svc.Spec.ExternalIPs ?? [];
        switch (svc.Spec.Type)
        {
            case "ClusterIP" or "NodePort":
                return externalIps.Count > 0 ? string.Join(',', externalIps) : "<none>";
            case "LoadBalancer":
                var ingress = (svc.Status?.LoadBalancer?.Ingress ?? [])
                    .Select(i => i.Ip is { Length: > 0 } ip ? ip : i.Hostname ?? "")
                    .Where(a => a.Length > 0).Distinct().Order(StringComparer.Ordinal).ToList();
                var lb = string.Join(',', ingress);
                if (lb.Length > LoadBalancerWidth) lb = lb[..(LoadBalancerWidth - 3)] + "...";
                if (externalIps.Count > 0) return string.Join(',', (lb.Length > 0 ? lb.Split(',') : []).Concat(externalIps));
                return lb.Length > 0 ? lb : "<pending>";
            case "ExternalName":
                return svc.Spec.ExternalName ?? "";
            default:
                return "<unknown>";
        }
    }
}
