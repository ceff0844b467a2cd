using System.Net;

namespace Playground.Core.Networking.Programs;

/// <summary>A program's getaddrinfo: an IP as is, localhost as the pod itself, a name through the cluster DNS; null when it does not resolve.</summary>
internal static class Resolver
{
    public static string? Address(string host, ExecContext context)
    {
        if (IPAddress.TryParse(host, out _)) return host;
        if (host is "localhost") return context.PodIp;
        return context.Network.Dns.Resolve(host, context.Namespace)?.Addresses.FirstOrDefault();
    }
}
