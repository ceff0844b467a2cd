using Playground.Core.Api.Core;
using Playground.Core.Serialization;

namespace Playground.Core.Controllers.Endpoints;

/// <summary>
/// Upstream's endpoints.RepackSubsets: ports served by exactly the same addresses share one subset; an address that
/// is not ready for a port is listed as not ready; addresses sort by IP then pod uid, so equal endpoints serialize alike.
/// </summary>
internal static class EndpointSubsets
{
    /// <summary>One (address, port, ready) found for a service port; a null port means a headless service without ports.</summary>
    public sealed record Entry(EndpointAddress Address, EndpointPort? Port, bool Ready);

    public static List<EndpointSubset> Repack(IEnumerable<Entry> entries)
    {
        var byPort = new Dictionary<string, (EndpointPort? Port, Dictionary<string, (EndpointAddress Address, bool Ready)> Addresses)>();
        foreach (var entry in entries)
        {
            var portKey = entry.Port is null ? "" : KubeJson.SerializeValue(entry.Port);
            if (!byPort.TryGetValue(portKey, out var served)) byPort[portKey] = served = (entry.Port, []);
            var addressKey = $"{entry.Address.Ip}/{entry.Address.TargetRef?.Uid}";
            // Not ready for any one of its entries makes the address not ready for the port.
            var wasReady = served.Addresses.TryGetValue(addressKey, out var seen) ? seen.Ready : true;
            served.Addresses[addressKey] = (seen.Address ?? entry.Address, wasReady && entry.Ready);
        }
        return byPort.Values
            .GroupBy(p => string.Join(";", p.Addresses.OrderBy(a => a.Key, StringComparer.Ordinal).Select(a => $"{a.Key}={a.Value.Ready}")))
            .Select(group => Subset(group.First().Addresses.Values, group.Select(p => p.Port).OfType<EndpointPort>()))
            .OrderBy(s => s.Addresses?.FirstOrDefault()?.Ip ?? s.NotReadyAddresses?.FirstOrDefault()?.Ip, StringComparer.Ordinal)
            .ThenBy(s => KubeJson.SerializeValue(s.Ports), StringComparer.Ordinal)
            .ToList();
    }

    private static EndpointSubset Subset(IEnumerable<(EndpointAddress Address, bool Ready)> addresses, IEnumerable<EndpointPort> ports)
    {
        List<EndpointAddress>? Sorted(bool ready)
        {
            var list = addresses.Where(a => a.Ready == ready).Select(a => a.Address)
                .OrderBy(a => a.Ip, StringComparer.Ordinal).ThenBy(a => a.TargetRef?.Uid, StringComparer.Ordinal).ToList();
            return list.Count == 0 ? null : list;
        }
        var sortedPorts = ports.OrderBy(p => p.Name ?? "", StringComparer.Ordinal).ThenBy(p => p.Port).ThenBy(p => p.Protocol, StringComparer.Ordinal).ToList();
        return new EndpointSubset { Addresses = Sorted(true), NotReadyAddresses = Sorted(false), Ports = sortedPorts.Count == 0 ? null : sortedPorts };
    }
}
