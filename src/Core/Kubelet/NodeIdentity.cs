namespace Playground.Core.Kubelet;

/// <summary>What a simulated node reports about itself, as a node of a kind cluster running Kubernetes 1.32 would.</summary>
public static class NodeIdentity
{
    public const string KubeletVersion = "v1.32.2";
    public const string ContainerRuntimeVersion = "containerd://1.7.24";
    public const string KernelVersion = "6.8.0-51-generic";
    public const string OsImage = "Debian GNU/Linux 12 (bookworm)";
    public const string EphemeralStorage = "102626232Ki";

    /// <summary>node-3 → 3.</summary>
    public static int Index(string nodeName) =>
        int.TryParse(nodeName[(nodeName.LastIndexOf('-') + 1)..], out var index) && index > 0 ? index : 1;

    /// <summary>node-1 → 172.18.0.3: as in a kind cluster, .1 is the gateway and .2 the control plane.</summary>
    public static string InternalIp(string nodeName) => $"172.18.0.{Index(nodeName) + 2}";

    public static string PodCidr(string nodeName) => $"10.244.{(Index(nodeName) - 1) % 256}.0/24";
}
