using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Scheduling.Framework;

/// <summary>A node and the pods the scheduler counts on it, summed up: the snapshot every plugin reads.</summary>
public sealed class NodeInfo
{
    public NodeInfo(Node node, IEnumerable<PodInfo> pods)
        : this(node, pods, null)
    {
    }

    /// <summary>Sums the node up again, reusing what was read from the same node object before: only its pods changed.</summary>
    internal NodeInfo(Node node, IEnumerable<PodInfo> pods, NodeInfo? previous)
    {
        Node = node;
        Name = node.Metadata.Name!;
        Unschedulable = node.Spec.Unschedulable == true;
        Taints = node.Spec.Taints ?? [];
        if (previous is not null && ReferenceEquals(previous.Node, node))
        {
            _allocatable = previous._allocatable;
            _allowedPods = previous._allowedPods;
            _images = previous._images;
        }
        foreach (var pod in pods) AddPod(pod);
    }

    public Node Node { get; }

    // Kept beside the summary: every cycle reads them for hundreds of nodes, whose node objects are rarely in cache.
    public string Name { get; }
    public bool Unschedulable { get; }
    public IReadOnlyList<Taint> Taints { get; }
    public List<PodInfo> Pods { get; } = [];
    // Read when first asked: a DaemonSet judging every node by its labels and taints never needs them.
    public Resource Allocatable => _allocatable ??= Resource.From(Node.Status?.Allocatable);
    private Resource? _allocatable;

    public long AllowedPods => _allowedPods ??=
        Node.Status?.Allocatable?.TryGetValue("pods", out var podCount) == true && Quantity.TryParse(podCount, out var count) ? (long)count : 0;
    private long? _allowedPods;
    public Resource Requested { get; } = new();
    public Resource NonZeroRequested { get; } = new();
    public HashSet<(string Ip, string Protocol, int Port)> UsedPorts { get; } = [];

    /// <summary>The images the node holds, each name (tag and digest) with the image's size, read once.</summary>
    public Dictionary<string, long> Images => _images ??= (Node.Status?.Images ?? [])
        .SelectMany(i => (i.Names ?? []).Select(n => (Name: n, Size: i.SizeBytes ?? 0)))
        .DistinctBy(i => i.Name)
        .ToDictionary(i => i.Name, i => i.Size);
    private Dictionary<string, long>? _images;

    /// <summary>The pods with any inter-pod affinity term, so a cycle need not read every pod of every node.</summary>
    public List<PodInfo> PodsWithAffinity { get; } = [];

    /// <summary>The pods with required anti-affinity, which every incoming pod must respect.</summary>
    public List<PodInfo> PodsWithRequiredAntiAffinity { get; } = [];

    public void AddPod(PodInfo pod)
    {
        Pods.Add(pod);
        Requested.Add(pod.Requests);
        NonZeroRequested.Add(pod.NonZeroRequests);
        foreach (var port in pod.HostPorts) UsedPorts.Add(port);
        if (pod.Pod.Spec.Affinity is { PodAffinity: not null } or { PodAntiAffinity: not null } && pod.AffinityTerms.Any)
        {
            PodsWithAffinity.Add(pod);
            if (pod.AffinityTerms.RequiredAntiAffinity.Count > 0) PodsWithRequiredAntiAffinity.Add(pod);
        }
    }

    /// <summary>A copy without some of its pods: what preemption evaluates when it imagines victims gone.</summary>
    public NodeInfo Without(IEnumerable<PodInfo> removed)
    {
        var gone = removed.Select(p => p.Key).ToHashSet();
        return new NodeInfo(Node, Pods.Where(p => !gone.Contains(p.Key)), this);
    }
}
