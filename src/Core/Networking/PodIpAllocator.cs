using System.Net;

namespace Playground.Core.Networking;

/// <summary>
/// Hands out pod IPs from one node's pod CIDR, as the host-local IPAM plugin does: round-robin after the last address
/// given, skipping the network address, the gateway (.1) and the broadcast address, never the same address twice.
/// Each address is held by an owner (a pod uid), so releasing twice can never free another pod's address.
/// </summary>
public sealed class PodIpAllocator
{
    private readonly uint _network;
    private readonly uint _size;
    private readonly Dictionary<uint, string> _owners = [];
    private uint _last;
    private bool _fresh = true;

    public PodIpAllocator(string cidr)
    {
        var slash = cidr.IndexOf('/');
        if (slash < 0 || !IPAddress.TryParse(cidr[..slash], out var address) || !int.TryParse(cidr[(slash + 1)..], out var bits) || bits is < 8 or > 30)
            throw new FormatException($"invalid CIDR address: {cidr}");
        _size = 1u << (32 - bits);
        _network = ToNumber(address) & ~(_size - 1);
        _last = _size - 2;
    }

    public int Count => _owners.Count;

    /// <summary>The address an owner holds, if any.</summary>
    public string? AddressOf(string owner) => _owners.Where(p => p.Value == owner).Select(p => Format(_network + p.Key)).FirstOrDefault();

    /// <summary>The owner's address: the one it holds, else the next free one; throws with the CNI plugin's message when none is left.</summary>
    public string Allocate(string owner)
    {
        if (AddressOf(owner) is { } held) return held;
        var usable = _size - 3;
        for (long step = 1; step <= usable; step++)
        {
            var offset = (uint)(((long)_last - 2 + step) % usable + 2);
            if (!_owners.TryAdd(offset, owner)) continue;
            _last = offset;
            _fresh = false;
            return Format(_network + offset);
        }
        throw new InvalidOperationException($"failed to allocate for range 0: no IP addresses available in range set: {Format(_network + 1)}-{Format(_network + _size - 2)}");
    }

    /// <summary>Marks an address as the owner's (a restored pod's IP); false when it is outside the range or held by another.</summary>
    public bool Reserve(string ip, string owner)
    {
        if (Offset(ip) is not { } offset || !_owners.TryAdd(offset, owner)) return false;
        // A restored node continues after the highest address in use, as host-local continues after its last reservation.
        if (_fresh || offset > _last) _last = offset;
        _fresh = false;
        return true;
    }

    /// <summary>Gives back what the owner holds; nothing happens when it holds nothing.</summary>
    public void Release(string owner)
    {
        foreach (var offset in _owners.Where(p => p.Value == owner).Select(p => p.Key).ToList()) _owners.Remove(offset);
    }

    private uint? Offset(string? ip)
    {
        if (ip is null || !IPAddress.TryParse(ip, out var address)) return null;
        var offset = ToNumber(address) - _network;
        return offset is >= 2 && offset < _size - 1 ? offset : null;
    }

    private static uint ToNumber(IPAddress address)
    {
        var b = address.GetAddressBytes();
        return b.Length == 4 ? ((uint)b[0] << 24) | ((uint)b[1] << 16) | ((uint)b[2] << 8) | b[3] : 0;
    }

    private static string Format(uint value) => $"{value >> 24}.{(value >> 16) & 255}.{(value >> 8) & 255}.{value & 255}";
}
