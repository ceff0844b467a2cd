using Playground.Core.Api.Core;

namespace Playground.Core.Networking.Traffic;

/// <summary>Whether a node's machine answers on the network: one whose power the playground cut does not.</summary>
public static class Machines
{
    public static bool IsOff(Node? node) => node?.Metadata.Annotations?.ContainsKey(Kubelet.Kubelet.PoweredOffAnnotation) == true;

    public static string? InternalIp(Node? node) => node?.Status?.Addresses?.FirstOrDefault(a => a.Type == "InternalIP")?.Address;
}
