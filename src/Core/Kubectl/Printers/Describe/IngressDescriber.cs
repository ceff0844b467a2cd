using Playground.Core.Api.Core;
using Playground.Core.Api.Networking;
using Playground.Core.Kubectl.Printers.Tables;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe ingress: address, class, default backend, each rule's paths with their backends' endpoints.</summary>
public static class IngressDescriber
{
    public static string Describe(Ingress ingress, ApiServer.ApiServer api, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var ns = ingress.Metadata.Namespace;
        w.Line(0, $"Name:\t{ingress.Metadata.Name}");
        w.Labels("Labels", ingress.Metadata.Labels);
        w.Line(0, $"Namespace:\t{ns}");
        var addresses = (ingress.Status?.LoadBalancer?.Ingress ?? []).Select(i => i.Ip is { Length: > 0 } ip ? ip : i.Hostname).OfType<string>();
        w.Line(0, $"Address:\t{string.Join(',', addresses)}");
        w.Line(0, $"Ingress Class:\t{ingress.Spec.IngressClassName ?? "<none>"}");
        var fallback = ingress.Spec.DefaultBackend is { } backend ? Backend(api, ns, backend) : "<default>";
        w.Line(0, $"Default backend:\t{fallback}");
        if (ingress.Spec.Tls is { Count: > 0 } tls)
        {
            w.Line(0, "TLS:");
            foreach (var entry in tls)
                w.Line(1, entry.SecretName is null ? $"SNI routes {string.Join(',', entry.Hosts ?? [])}" : $"{entry.SecretName} terminates {string.Join(',', entry.Hosts ?? [])}");
        }
        w.Line(0, "Rules:");
        w.Line(1, "Host\tPath\tBackends");
        w.Line(1, "----\t----\t--------");
        var rules = (ingress.Spec.Rules ?? []).Where(r => r.Http is not null).ToList();
        foreach (var rule in rules)
        {
            w.Line(1, $"{(string.IsNullOrEmpty(rule.Host) ? "*" : rule.Host)}\t");
            foreach (var path in rule.Http!.Paths) w.Line(2, $"\t{path.Path} \t{Backend(api, ns, path.Backend)}");
        }
        if (rules.Count == 0) w.Line(1, $"*\t*\t{fallback}");
        w.Annotations("Annotations", ingress.Metadata.Annotations);
        w.Events(events, now);
        return w.ToString();
    }

    /// <summary>"svc:port (endpoints)", as upstream's describeBackendV1 writes a service backend.</summary>
    private static string Backend(ApiServer.ApiServer api, string? ns, IngressBackend backend)
    {
        if (backend.Service is not { } target)
            return backend.Resource is { } r ? $"APIGroup: {r.ApiGroup}, Kind: {r.Kind}, Name: {r.Name}" : "";
        var port = target.Port?.Name is { Length: > 0 } name ? name : target.Port?.Number?.ToString() ?? "";
        var text = $"{target.Name}:{port}";
        if (api.TryGet<Service>(ns, target.Name) is not { } service) return $"{text} (<error: services \"{target.Name}\" not found>)";
        var servicePort = service.Spec.Ports?.FirstOrDefault(p => target.Port?.Number is int n ? p.Port == n : p.Name == target.Port?.Name);
        var endpoints = api.TryGet<Endpoints>(ns, target.Name);
        var list = servicePort is null || endpoints is null ? "<none>" : EndpointsTable.Format(endpoints, servicePort.Name ?? "");
        return $"{text} ({(list.Length == 0 ? "<none>" : list)})";
    }
}
