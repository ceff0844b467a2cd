using System.Net;
using Playground.Core.Api.Core;
using Playground.Core.Api.Discovery;
using Playground.Core.Controllers.EndpointSlices;

namespace Playground.Core.Networking.Dns;

/// <summary>
/// CoreDNS's kubernetes plugin as kubeadm and kind configure it ("pods insecure"): services as
/// svc.ns.svc.cluster.local (a cluster IP, or a headless service's ready endpoints), endpoint hostnames under headless
/// services, ExternalName as a CNAME, dashed pod addresses under ns.pod.cluster.local, NXDOMAIN for anything else.
/// </summary>
public sealed class ClusterDns(ApiServer.ApiServer api)
{
    public const string Domain = "cluster.local";

    /// <summary>The kube-dns service address every pod's resolv.conf names, as on kubeadm and kind clusters.</summary>
    public const string ServerAddress = "10.96.0.10";

    /// <summary>resolv.conf's "options ndots:5": names with fewer dots try the search path first.</summary>
    private const int Ndots = 5;

    /// <summary>The search path a ClusterFirst pod in <paramref name="ns"/> gets.</summary>
    public static IReadOnlyList<string> SearchPath(string ns) => [$"{ns}.svc.{Domain}", $"svc.{Domain}", Domain];

    /// <summary>The names a resolver in the namespace tries for what a program was given, in order.</summary>
    public static IReadOnlyList<string> Candidates(string name, string ns)
    {
        if (name.EndsWith('.')) return [name.TrimEnd('.')];
        var searched = SearchPath(ns).Select(domain => $"{name}.{domain}");
        return name.Count(c => c == '.') >= Ndots ? [name, .. searched] : [.. searched, name];
    }

    /// <summary>
    /// Whether a query to <see cref="ServerAddress"/> is answered: only while a service (kube-dns) holds that address
    /// and has a ready CoreDNS behind it, so scaling CoreDNS to zero breaks name resolution as it would on a real cluster.
    /// </summary>
    public bool Answering =>
        api.List<Service>().FirstOrDefault(s => s.Spec.ClusterIP == ServerAddress) is { } service && ReadyEndpoints(service).Any();

    /// <summary>Resolves a name as a pod's resolver does (search path, then the name itself); null when NXDOMAIN for every candidate or no answer.</summary>
    public DnsAnswer? Resolve(string name, string podNamespace)
    {
        if (!Answering) return null;
        foreach (var candidate in Candidates(name.ToLowerInvariant(), podNamespace))
            if (Lookup(candidate) is { } answer) return answer;
        return null;
    }

    /// <summary>One fully qualified name, as CoreDNS answers it; null is NXDOMAIN.</summary>
    public DnsAnswer? Lookup(string fqdn)
    {
        var name = fqdn.TrimEnd('.').ToLowerInvariant();
        if (Strip(name, $".svc.{Domain}") is { } serviceName) return LookupService(name, serviceName.Split('.'));
        if (Strip(name, $".pod.{Domain}") is { } podName && podName.Split('.') is [var dashed, var ns]
            && Namespaced(ns) && Dashed(dashed) is { } ip)
            return new DnsAnswer(name, null, [ip]);
        return null;
    }

    private DnsAnswer? LookupService(string name, string[] parts)
    {
        if (parts.Length is < 2 or > 3 || !Namespaced(parts[^1])) return null;
        var service = api.TryGet<Service>(parts[^1], parts[^2]);
        if (service is null) return null;
        if (parts.Length == 3)
        {
            if (service.Spec.ClusterIP is not ("None" or null)) return null;
            var host = parts[0];
            var addresses = ReadyEndpoints(service)
                .Where(e => e.Hostname == host || e.Addresses.Any(a => a.Replace('.', '-') == host))
                .SelectMany(e => e.Addresses).Distinct().ToList();
            return addresses.Count == 0 ? null : new DnsAnswer(name, null, addresses);
        }
        if (service.Spec.Type == "ExternalName")
        {
            var target = (service.Spec.ExternalName ?? "").TrimEnd('.');
            // A CNAME into the cluster's own zone is followed; the sandbox has no outside world to ask about other names.
            var followed = target.EndsWith("." + Domain, StringComparison.Ordinal) ? Lookup(target)?.Addresses ?? [] : [];
            return new DnsAnswer(name, target, followed);
        }
        if (service.Spec.ClusterIP is "None")
        {
            var addresses = ReadyEndpoints(service).SelectMany(e => e.Addresses).Distinct().Order(StringComparer.Ordinal).ToList();
            return addresses.Count == 0 ? null : new DnsAnswer(name, null, addresses);
        }
        return string.IsNullOrEmpty(service.Spec.ClusterIP) ? null : new DnsAnswer(name, null, [service.Spec.ClusterIP]);
    }

    /// <summary>The service's endpoints that are ready, from its EndpointSlices, as CoreDNS reads them.</summary>
    private IEnumerable<Endpoint> ReadyEndpoints(Service service) =>
        api.List<EndpointSlice>(service.Metadata.Namespace, $"{EndpointSliceController.ServiceNameLabel}={service.Metadata.Name}")
            .SelectMany(s => s.Endpoints ?? []).Where(e => e.Conditions?.Ready != false);

    private bool Namespaced(string ns) => api.TryGet<Namespace>(null, ns) is not null;

    private static string? Strip(string name, string suffix) =>
        name.EndsWith(suffix, StringComparison.Ordinal) && name.Length > suffix.Length ? name[..^suffix.Length] : null;

    /// <summary>"10-244-1-5" is 10.244.1.5.</summary>
    private static string? Dashed(string label)
    {
        var ip = label.Replace('-', '.');
        return label.Count(c => c == '-') == 3 && IPAddress.TryParse(ip, out var address) && address.ToString() == ip ? ip : null;
    }
}
