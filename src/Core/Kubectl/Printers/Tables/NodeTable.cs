using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;

namespace Playground.Core.Kubectl.Printers.Tables;

public sealed class NodeTable : IKindTable
{
    public IReadOnlyList<TableColumn> Columns { get; } =
    [
        new("Name"), new("Status"), new("Roles"), new("Age"), new("Version"),
        new("Internal-IP", 1), new("External-IP", 1), new("OS-Image", 1), new("Kernel-Version", 1), new("Container-Runtime", 1),
    ];

    public IReadOnlyList<string> Cells(KubeObject obj, DateTimeOffset now)
    {
        var node = (Node)obj;
        var info = node.Status?.NodeInfo;
        var roles = Roles(node);
        return
        [
            node.Metadata.Name ?? "",
            Status(node),
            roles.Count == 0 ? "<none>" : string.Join(',', roles),
            HumanDuration.Since(node.Metadata.CreationTimestamp, now),
            info?.KubeletVersion ?? "",
            Address(node, "InternalIP"),
            Address(node, "ExternalIP"),
            OrUnknown(info?.OsImage), OrUnknown(info?.KernelVersion), OrUnknown(info?.ContainerRuntimeVersion),
        ];
    }

    /// <summary>Ready or NotReady from the Ready condition, plus SchedulingDisabled when cordoned.</summary>
    public static string Status(Node node)
    {
        var ready = node.Status?.Conditions?.LastOrDefault(c => c.Type == "Ready");
        var status = ready is null ? "Unknown" : ready.Status == "True" ? "Ready" : "NotReady";
        return node.Spec.Unschedulable == true ? status + ",SchedulingDisabled" : status;
    }

    /// <summary>Roles from node-role.kubernetes.io/&lt;role&gt; labels and the older kubernetes.io/role label, sorted.</summary>
    public static IReadOnlyList<string> Roles(Node node)
    {
        const string prefix = "node-role.kubernetes.io/";
        var roles = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var (key, value) in node.Metadata.Labels ?? [])
        {
            if (key.StartsWith(prefix, StringComparison.Ordinal) && key.Length > prefix.Length) roles.Add(key[prefix.Length..]);
            else if (key == "kubernetes.io/role" && value.Length > 0) roles.Add(value);
        }
        return roles.ToList();
    }

    private static string Address(Node node, string type) =>
        node.Status?.Addresses?.FirstOrDefault(a => a.Type == type)?.Address ?? "<none>";

    private static string OrUnknown(string? value) => string.IsNullOrEmpty(value) ? "<unknown>" : value;
}
