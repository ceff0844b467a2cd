using Playground.Core.Api.Core;
using Playground.Core.Kubelet.Images;
using Playground.Core.Kubelet.Prober;
using Playground.Core.Kubelet.Volumes;
using Playground.Core.Networking;

namespace Playground.Core.Kubelet;

/// <summary>What the stages may use of the node they run on: its name and address, its runtime, its pod addresses and volumes.</summary>
public sealed class KubeletNode(ApiServer.ApiServer api, string name, int cpus)
{
    public string Name { get; } = name;
    public string HostIp { get; } = NodeIdentity.InternalIp(name);
    public int Cpus { get; } = cpus;
    public ContainerRuntime Runtime { get; } = new();
    public PodIpAllocator Ips { get; } = new(NodeIdentity.PodCidr(name));

    /// <summary>Sets up pods' volumes before their sandboxes start.</summary>
    public VolumeManager Volumes { get; } = new(api);

    /// <summary>The prober's latest verdicts, by container ID.</summary>
    public ProbeResults Probes { get; } = new();

    /// <summary>The container's environment, or why it cannot be built (CreateContainerConfigError).</summary>
    public (Dictionary<string, string> Variables, string? Error) Environment(Pod pod, Container container) =>
        ContainerEnvironment.Build(api, pod, container);

    public ContainerProcess Process(Pod pod, Container container, DateTimeOffset startedAt) =>
        ContainerProcesses.For(container, new ProcessContext(
            ImageReference.Parse(container.Image ?? "").Tag,
            pod.Metadata.Name ?? "",
            pod.Status?.PodIP,
            Environment(pod, container).Variables,
            startedAt,
            Cpus,
            container.Stdin == true));
}
