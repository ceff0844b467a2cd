using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Simulation;

namespace Playground.Core.Kubelet;

/// <summary>The Node object a kubelet registers: labels, addresses, capacity and conditions of a Ready kind worker.</summary>
public static class NodeRegistration
{
    public static Node Build(string name, ClusterOptions options, DateTimeOffset now, Random random)
    {
        var capacity = new Dictionary<string, string>
        {
            ["cpu"] = options.NodeCpu,
            ["ephemeral-storage"] = NodeIdentity.EphemeralStorage,
            ["hugepages-1Gi"] = "0",
            ["hugepages-2Mi"] = "0",
            ["memory"] = $"{Quantity.Bytes(options.NodeMemory) / 1024}Ki",
            ["pods"] = options.MaxPods.ToString(),
        };
        return new Node
        {
            Metadata = new ObjectMeta
            {
                Name = name,
                Labels = new()
                {
                    ["beta.kubernetes.io/arch"] = "amd64",
                    ["beta.kubernetes.io/os"] = "linux",
                    ["kubernetes.io/arch"] = "amd64",
                    ["kubernetes.io/hostname"] = name,
                    ["kubernetes.io/os"] = "linux",
                },
                Annotations = new()
                {
                    ["kubeadm.alpha.kubernetes.io/cri-socket"] = "unix:///run/containerd/containerd.sock",
                    ["node.alpha.kubernetes.io/ttl"] = "0",
                    ["volumes.kubernetes.io/controller-managed-attach-detach"] = "true",
                },
            },
            Spec = new NodeSpec
            {
                PodCIDR = NodeIdentity.PodCidr(name),
                PodCIDRs = [NodeIdentity.PodCidr(name)],
                ProviderID = $"kind://docker/kind/{name}",
            },
            Status = new NodeStatus
            {
                Capacity = capacity,
                Allocatable = new Dictionary<string, string>(capacity),
                Conditions =
                [
                    Condition("MemoryPressure", "False", "KubeletHasSufficientMemory", "kubelet has sufficient memory available", now),
                    Condition("DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now),
                    Condition("PIDPressure", "False", "KubeletHasSufficientPID", "kubelet has sufficient PID available", now),
                    Condition("Ready", "True", "KubeletReady", "kubelet is posting ready status", now),
                ],
                Addresses =
                [
                    new NodeAddress { Type = "InternalIP", Address = NodeIdentity.InternalIp(name) },
                    new NodeAddress { Type = "Hostname", Address = name },
                ],
                NodeInfo = new NodeSystemInfo
                {
                    MachineID = Hex(random, 16),
                    SystemUUID = Uuid(random),
                    BootID = Uuid(random),
                    KernelVersion = NodeIdentity.KernelVersion,
                    OsImage = NodeIdentity.OsImage,
                    ContainerRuntimeVersion = NodeIdentity.ContainerRuntimeVersion,
                    KubeletVersion = NodeIdentity.KubeletVersion,
                    KubeProxyVersion = "",
                    OperatingSystem = "linux",
                    Architecture = "amd64",
                },
            },
        };
    }

    /// <summary>Node images as the kubelet reports them: largest first, each by digest and by tag.</summary>
    public static List<ContainerImage> Images(ContainerRuntime runtime) =>
        runtime.Images
            .OrderByDescending(i => i.Size)
            .Select(i => new ContainerImage { Names = [i.Reference.ImageId, i.Reference.Normalized], SizeBytes = i.Size })
            .ToList();

    private static Condition Condition(string type, string status, string reason, string message, DateTimeOffset now) => new()
    {
        Type = type,
        Status = status,
        Reason = reason,
        Message = message,
        LastHeartbeatTime = now,
        LastTransitionTime = now,
    };

    private static string Hex(Random random, int bytes)
    {
        var buffer = new byte[bytes];
        random.NextBytes(buffer);
        return Convert.ToHexStringLower(buffer);
    }

    private static string Uuid(Random random)
    {
        var buffer = new byte[16];
        random.NextBytes(buffer);
        return new Guid(buffer).ToString();
    }
}
