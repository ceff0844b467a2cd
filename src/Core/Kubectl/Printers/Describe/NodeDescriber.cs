using System.Globalization;
using Playground.Core.Api.Core;
using Playground.Core.Kubectl.Printers.Tables;
using Quantities = Playground.Core.Api.Meta.Quantity;

namespace Playground.Core.Kubectl.Printers.Describe;

/// <summary>kubectl describe node: conditions, addresses, capacity, system info, the pods it runs and what they request.</summary>
public static class NodeDescriber
{
    public static string Describe(Node node, Api.Coordination.Lease? lease, IReadOnlyList<Pod> pods, IReadOnlyList<Event> events, DateTimeOffset now)
    {
        var w = new DescribeWriter();
        var status = node.Status ?? new NodeStatus();
        var roles = NodeTable.Roles(node);
        w.Line(0, $"Name:\t{node.Metadata.Name}");
        w.Line(0, $"Roles:\t{(roles.Count == 0 ? "<none>" : string.Join(',', roles))}");
        w.Labels("Labels", node.Metadata.Labels);
        w.Annotations("Annotations", node.Metadata.Annotations);
        w.Line(0, $"CreationTimestamp:\t{DescribeWriter.Time(node.Metadata.CreationTimestamp)}");
        w.Taints("Taints", node.Spec.Taints);
        w.Line(0, $"Unschedulable:\t{(node.Spec.Unschedulable == true ? "true" : "false")}");
        // The node's heartbeat Lease in kube-node-lease, as kubectl fetches it.
        w.Line(0, "Lease:");
        w.Line(1, $"HolderIdentity:\t{lease?.Spec.HolderIdentity ?? "<unset>"}");
        w.Line(1, $"AcquireTime:\t{(lease?.Spec.AcquireTime is { } acquired ? DescribeWriter.Time(acquired) : "<unset>")}");
        w.Line(1, $"RenewTime:\t{(lease?.Spec.RenewTime is { } renewed ? DescribeWriter.Time(renewed) : "<unset>")}");
        if (status.Conditions is { Count: > 0 } conditions)
        {
            w.Line(0, "Conditions:");
            w.Line(1, "Type\tStatus\tLastHeartbeatTime\tLastTransitionTime\tReason\tMessage");
            w.Line(1, "----\t------\t-----------------\t------------------\t------\t-------");
            foreach (var c in conditions)
                w.Line(1, $"{c.Type} \t{c.Status} \t{DescribeWriter.Time(c.LastHeartbeatTime)} \t{DescribeWriter.Time(c.LastTransitionTime)} \t{c.Reason} \t{c.Message}");
        }
        w.Line(0, "Addresses:");
        foreach (var address in status.Addresses ?? []) w.Line(1, $"{address.Type}:\t{address.Address}");
        ResourceList(w, "Capacity", status.Capacity);
        ResourceList(w, "Allocatable", status.Allocatable);
        var info = status.NodeInfo ?? new NodeSystemInfo();
        w.Line(0, "System Info:");
        w.Line(1, $"Machine ID:\t{info.MachineID}");
        w.Line(1, $"System UUID:\t{info.SystemUUID}");
        w.Line(1, $"Boot ID:\t{info.BootID}");
        w.Line(1, $"Kernel Version:\t{info.KernelVersion}");
        w.Line(1, $"OS Image:\t{info.OsImage}");
        w.Line(1, $"Operating System:\t{info.OperatingSystem}");
        w.Line(1, $"Architecture:\t{info.Architecture}");
        w.Line(1, $"Container Runtime Version:\t{info.ContainerRuntimeVersion}");
        w.Line(1, $"Kubelet Version:\t{info.KubeletVersion}");
        // Deprecated and left empty by kubelets since v1.31, but kubectl v1.32 still prints it.
        w.Line(1, $"Kube-Proxy Version:\t{info.KubeProxyVersion}");
        if (!string.IsNullOrEmpty(node.Spec.PodCIDR)) w.Line(0, $"PodCIDR:\t{node.Spec.PodCIDR}");
        if (node.Spec.PodCIDRs is { Count: > 0 } cidrs) w.Line(0, $"PodCIDRs:\t{string.Join(',', cidrs)}");
        if (!string.IsNullOrEmpty(node.Spec.ProviderID)) w.Line(0, $"ProviderID:\t{node.Spec.ProviderID}");
        PodResources(w, node, pods.Where(p => p.Status?.Phase is not ("Succeeded" or "Failed")).ToList(), now);
        w.Events(events, now);
        return w.ToString();
    }

    private static void ResourceList(DescribeWriter w, string title, IReadOnlyDictionary<string, string>? resources)
    {
        if (resources is not { Count: > 0 }) return;
        w.Line(0, $"{title}:");
        foreach (var (name, value) in resources.OrderBy(r => r.Key, StringComparer.Ordinal)) w.Line(1, $"{name}:\t{Canonical(value)}");
    }

    private static void PodResources(DescribeWriter w, Node node, IReadOnlyList<Pod> pods, DateTimeOffset now)
    {
        var allocatable = node.Status?.Allocatable is { Count: > 0 } a ? a : node.Status?.Capacity ?? [];
        var cpu = Quantities.MilliCpu(allocatable.GetValueOrDefault("cpu"));
        var memory = Quantities.Bytes(allocatable.GetValueOrDefault("memory"));
        w.Line(0, $"Non-terminated Pods:\t({pods.Count} in total)");
        w.Line(1, "Namespace\tName\t\tCPU Requests\tCPU Limits\tMemory Requests\tMemory Limits\tAge");
        w.Line(1, "---------\t----\t\t------------\t----------\t---------------\t-------------\t---");
        foreach (var pod in pods)
        {
            var requests = Totals([pod], r => r.Requests);
            var limits = Totals([pod], r => r.Limits);
            w.Line(1, $"{pod.Metadata.Namespace}\t{pod.Metadata.Name}\t\t{Cpu(requests, cpu)}\t{Cpu(limits, cpu)}\t{Memory(requests, memory)}\t{Memory(limits, memory)}\t{HumanDuration.Since(pod.Metadata.CreationTimestamp, now)}");
        }
        var allRequests = Totals(pods, r => r.Requests);
        var allLimits = Totals(pods, r => r.Limits);
        w.Line(0, "Allocated resources:");
        w.Line(1, "(Total limits may be over 100 percent, i.e., overcommitted.)");
        w.Line(1, "Resource\tRequests\tLimits");
        w.Line(1, "--------\t--------\t------");
        w.Line(1, $"cpu\t{Cpu(allRequests, cpu)}\t{Cpu(allLimits, cpu)}");
        w.Line(1, $"memory\t{Memory(allRequests, memory)}\t{Memory(allLimits, memory)}");
        var storage = Quantities.Bytes(allocatable.GetValueOrDefault("ephemeral-storage"));
        w.Line(1, $"ephemeral-storage\t{Memory(allRequests, storage, "ephemeral-storage")}\t{Memory(allLimits, storage, "ephemeral-storage")}");
        foreach (var name in allocatable.Keys.Where(k => k.StartsWith("hugepages-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            w.Line(1, $"{name}\t{Memory(allRequests, Quantities.Bytes(allocatable[name]), name)}\t{Memory(allLimits, Quantities.Bytes(allocatable[name]), name)}");
        foreach (var name in allocatable.Keys.Where(k => k is not ("cpu" or "memory" or "ephemeral-storage" or "pods") && !k.StartsWith("hugepages-", StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            w.Line(1, $"{name}\t{FormatBytes(allRequests.GetValueOrDefault(name))}\t{FormatBytes(allLimits.GetValueOrDefault(name))}");
    }

    /// <summary>Per-resource sums over pods, each pod counting the larger of its containers' sum and any one init container.</summary>
    private static Dictionary<string, decimal> Totals(IEnumerable<Pod> pods, Func<ResourceRequirements, Dictionary<string, string>?> pick)
    {
        var totals = new Dictionary<string, decimal>();
        foreach (var pod in pods)
        {
            var sum = new Dictionary<string, decimal>();
            foreach (var container in pod.Spec.Containers)
            foreach (var (name, value) in container.Resources is { } r ? pick(r) ?? [] : [])
                sum[name] = sum.GetValueOrDefault(name) + Quantities.Parse(value);
            foreach (var container in pod.Spec.InitContainers ?? [])
            foreach (var (name, value) in container.Resources is { } r ? pick(r) ?? [] : [])
                sum[name] = Math.Max(sum.GetValueOrDefault(name), Quantities.Parse(value));
            foreach (var (name, value) in sum) totals[name] = totals.GetValueOrDefault(name) + value;
        }
        return totals;
    }

    private static string Cpu(Dictionary<string, decimal> totals, long allocatableMilli)
    {
        var milli = (long)Math.Ceiling(totals.GetValueOrDefault("cpu") * 1000);
        var text = milli % 1000 == 0 ? (milli / 1000).ToString(CultureInfo.InvariantCulture) : $"{milli}m";
        return $"{text} ({Percent(milli, allocatableMilli)}%)";
    }

    private static string Memory(Dictionary<string, decimal> totals, long allocatable, string resource = "memory")
    {
        var bytes = (long)Math.Ceiling(totals.GetValueOrDefault(resource));
        return $"{FormatBytes(bytes)} ({Percent(bytes, allocatable)}%)";
    }

    private static long Percent(long used, long total) => total == 0 ? 0 : (long)(used / (double)total * 100);

    /// <summary>A byte count in the largest binary (or else decimal) unit that keeps it whole, as quantities print.</summary>
    private static string FormatBytes(decimal value)
    {
        var bytes = (long)Math.Ceiling(value);
        if (bytes == 0) return "0";
        string[] binary = ["Ki", "Mi", "Gi", "Ti", "Pi", "Ei"];
        string[] metric = ["k", "M", "G", "T", "P", "E"];
        for (var i = binary.Length; i >= 1; i--)
            if (bytes % (long)Math.Pow(1024, i) == 0) return $"{bytes / (long)Math.Pow(1024, i)}{binary[i - 1]}";
        for (var i = metric.Length; i >= 1; i--)
            if (bytes % (long)Math.Pow(1000, i) == 0) return $"{bytes / (long)Math.Pow(1000, i)}{metric[i - 1]}";
        return bytes.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>A quantity as kubectl prints one it decoded: in canonical form ("4194304Ki" is "4Gi").</summary>
    private static string Canonical(string value) =>
        Quantities.TryParse(value, out var parsed) ? Quantities.Format(parsed, Quantities.IsBinary(value)) : value;
}
