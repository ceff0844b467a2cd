using Playground.Core.Api.Meta;
using Playground.Core.Api.Networking;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class IngressTable : IKindTable
{
    private const int ShownHosts = 3;

    public IReadOnlyList<TableColumn> Columns { get; } = [new("Name"), new("Class"), new("Hosts"), new("Address"), new("Ports"), new("Age")];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var ingress = (Ingress)obj;
        var addresses = (ingress.Status?.LoadBalancer?.Ingress ?? [])
            .Select(i => i.Ip is { Length: > 0 } ip ? ip : i.Hostname ?? "").Where(a => a.Length > 0);
        return
        [
            ingress.Metadata.Name ?? "",
            ingress.Spec.IngressClassName ?? "<none>",
            Hosts(ingress),
            string.Join(',', addresses),
            ingress.Spec.Tls is { Count: > 0 } ? "80, 443" : "80",
            HumanDuration.Since(ingress.Metadata.CreationTimestamp, now),
        ];
    }

    /// <summary>Upstream's formatHosts: each rule's host ("*" for none), the first three, then "+ N more...".</summary>
    private static string Hosts(Ingress ingress)
    {
        var hosts = (ingress.Spec.Rules ?? []).Select(r => string.IsNullOrEmpty(r.Host) ? "*" : r.Host).ToList();
        var text = string.Join(',', hosts.Take(ShownHosts));
        return hosts.Count > ShownHosts ? $"{text} + {hosts.Count - ShownHosts} more..." : text.Length == 0 ? "*" : text;
    }
}
