using System.Net;

namespace Playground.Core.Networking;

/// <summary>Hands out service cluster IPs from 10.96.0.0/12 and node ports from 30000–32767, never twice.</summary>
public sealed class IpAllocator
{
    public const string KubernetesServiceIp = "10.96.0.1";
    private const uint ServiceBase = (10u << 24) | (96u << 16);
    private const uint ServiceSize = 1u << 20;
    private readonly HashSet<string> _clusterIps = [];
    private readonly HashSet<int> _nodePorts = [];

    public string AllocateClusterIp(Random random)
    {
        while (true)
        {
            // Skip the network address and the first address, which upstream reserves for the kubernetes service.
            var ip = Format(ServiceBase + 2 + (uint)random.Next((int)ServiceSize - 3));
            if (_clusterIps.Add(ip)) return ip;
        }
    }

    public bool ReserveClusterIp(string ip) => _clusterIps.Add(ip);

    public bool ClusterIpInUse(string ip) => _clusterIps.Contains(ip);

    public bool NodePortInUse(int port) => _nodePorts.Contains(port);

    public static bool InServiceRange(string ip) =>
        IPAddress.TryParse(ip, out var address) && address.GetAddressBytes() is [10, var b, _, _] && b is >= 96 and < 112;

    public int AllocateNodePort(Random random)
    {
        if (_nodePorts.Count >= 2768) throw new InvalidOperationException("range of valid ports is full");
        while (true)
        {
            var port = 30000 + random.Next(2768);
            if (_nodePorts.Add(port)) return port;
        }
    }

    public bool ReserveNodePort(int port) => _nodePorts.Add(port);

    /// <summary>A copy to allocate from without taking anything from this one: what a dry run uses.</summary>
    public IpAllocator Copy()
    {
        var copy = new IpAllocator();
        copy._clusterIps.UnionWith(_clusterIps);
        copy._nodePorts.UnionWith(_nodePorts);
        return copy;
    }

    public void Release(string? clusterIp, IEnumerable<int> nodePorts)
    {
        if (clusterIp is not null) _clusterIps.Remove(clusterIp);
        foreach (var port in nodePorts) _nodePorts.Remove(port);
    }

    private static string Format(uint value) => $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";
}
