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

    private readonly record struct PortKey(string? Name, int Port, string? Protocol, string? AppProtocol);

    private readonly record struct AddressKey(string Ip, string? Uid);

    private sealed class Served(EndpointPort? port)
    {
        public EndpointPort? Port { get; } = port;
        public Dictionary<AddressKey, (EndpointAddress Address, bool Ready)> Addresses { get; } = [];
    }

    public static List<EndpointSubset> Repack(IEnumerable<Entry> entries)
    {
        var byPort = new Dictionary<PortKey, Served>();
        foreach (var entry in entries)
        {
            // No port (headless without ports) keys as port 0, which no service port can be.
            var portKey = entry.Port is { } p ? new PortKey(p.Name, p.Port, p.Protocol, p.AppProtocol) : default;
            if (!byPort.TryGetValue(portKey, out var served)) byPort[portKey] = served = new Served(entry.Port);
            var addressKey = new AddressKey(entry.Address.Ip, entry.Address.TargetRef?.Uid);
            // Not ready for any one of its entries makes the address not ready for the port.
            served.Addresses[addressKey] = served.Addresses.TryGetValue(addressKey, out var seen)
                ? (seen.Address, seen.Ready && entry.Ready)
                : (entry.Address, entry.Ready);
        }

        var groups = new List<(List<KeyValuePair<AddressKey, (EndpointAddress Address, bool Ready)>> Addresses, List<EndpointPort> Ports)>();
        foreach (var served in byPort.Values)
        {
            var addresses = served.Addresses.OrderBy(a => a.Key.Ip, StringComparer.Ordinal).ThenBy(a => a.Key.Uid, StringComparer.Ordinal).ToList();
            var index = groups.FindIndex(g => g.Addresses.Count == addresses.Count
                && g.Addresses.Zip(addresses).All(pair => pair.First.Key == pair.Second.Key && pair.First.Value.Ready == pair.Second.Value.Ready));
            if (index < 0) groups.Add((addresses, []));
            if (served.Port is { } port) groups[index < 0 ? ^1 : index].Ports.Add(port);
        }
        return groups
            .Select(g => Subset(g.Addresses.Select(a => a.Value), g.Ports))
            .OrderBy(s => s.Addresses?.FirstOrDefault()?.Ip ?? s.NotReadyAddresses?.FirstOrDefault()?.Ip, StringComparer.Ordinal)
            .ThenBy(s => KubeJson.SerializeValue(s.Ports), StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>
    /// Upstream's truncateEndpoints: over <paramref name="capacity"/> addresses, each subset keeps its share of the
    /// capacity, ready addresses first (not-ready ones only fill what the ready ones leave). True when it cut any.
    /// </summary>
    public static bool Truncate(List<EndpointSubset> subsets, int capacity)
    {
        var ready = subsets.Sum(s => s.Addresses?.Count ?? 0);
        var notReady = subsets.Sum(s => s.NotReadyAddresses?.Count ?? 0);
        if (ready + notReady <= capacity) return false;

        var cutReady = ready > capacity;
        var room = cutReady ? capacity : capacity - ready;
        var total = cutReady ? ready : notReady;
        var left = room;
        foreach (var subset in subsets)
        {
            var list = cutReady ? subset.Addresses : subset.NotReadyAddresses;
            var share = Math.Min((int)Math.Ceiling((double)(list?.Count ?? 0) / total * room), left);
            var kept = list is null || list.Count <= share ? list : list.GetRange(0, share);
            if (kept is { Count: 0 }) kept = null;
            if (cutReady)
            {
                subset.Addresses = kept;
                subset.NotReadyAddresses = null;
            }
            else subset.NotReadyAddresses = kept;
            left -= kept?.Count ?? 0;
        }
        return true;
    }

    /// <summary>Upstream's endpointSubsetsEqualIgnoreResourceVersion: a pod's resourceVersion in a targetRef is no change.</summary>
    public static bool Equal(List<EndpointSubset>? a, List<EndpointSubset>? b) =>
        ListsEqual(a, b, (x, y) => ListsEqual(x.Addresses, y.Addresses, AddressesEqual)
            && ListsEqual(x.NotReadyAddresses, y.NotReadyAddresses, AddressesEqual)
            && ListsEqual(x.Ports, y.Ports, (p, q) => (p.Name, p.Port, p.Protocol, p.AppProtocol) == (q.Name, q.Port, q.Protocol, q.AppProtocol)));

    private static bool AddressesEqual(EndpointAddress x, EndpointAddress y) =>
        (x.Ip, x.Hostname, x.NodeName) == (y.Ip, y.Hostname, y.NodeName) && ReferencesEqual(x.TargetRef, y.TargetRef);

    public static bool ReferencesEqual(ObjectReference? x, ObjectReference? y) =>
        x is null || y is null ? x is null && y is null
        : (x.Kind, x.Namespace, x.Name, x.Uid, x.ApiVersion, x.FieldPath) == (y.Kind, y.Namespace, y.Name, y.Uid, y.ApiVersion, y.FieldPath);

    /// <summary>Null and empty lists are equal, as they serialize alike.</summary>
    public static bool ListsEqual<T>(List<T>? a, List<T>? b, Func<T, T, bool> equal)
    {
        if ((a?.Count ?? 0) != (b?.Count ?? 0)) return false;
        for (var i = 0; i < (a?.Count ?? 0); i++)
            if (!equal(a![i], b![i])) return false;
        return true;
    }

    private static EndpointSubset Subset(IEnumerable<(EndpointAddress Address, bool Ready)> addresses, List<EndpointPort> ports)
    {
        var ready = new List<EndpointAddress>();
        var notReady = new List<EndpointAddress>();
        foreach (var (address, isReady) in addresses) (isReady ? ready : notReady).Add(address);
        var sortedPorts = ports.OrderBy(p => p.Name ?? "", StringComparer.Ordinal).ThenBy(p => p.Port).ThenBy(p => p.Protocol, StringComparer.Ordinal).ToList();
        return new EndpointSubset
        {
            Addresses = ready.Count == 0 ? null : ready,
            NotReadyAddresses = notReady.Count == 0 ? null : notReady,
            Ports = sortedPorts.Count == 0 ? null : sortedPorts,
        };
    }
}
