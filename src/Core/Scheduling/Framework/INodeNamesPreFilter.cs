namespace Playground.Core.Scheduling.Framework;

/// <summary>
/// A filter whose PreFilter can name the only nodes that could pass it (upstream's PreFilterResult.NodeNames), so the
/// cycle filters those instead of every node: what keeps a DaemonSet's pinned pods cheap on thousands of nodes.
/// </summary>
public interface INodeNamesPreFilter
{
    string Name { get; }

    /// <summary>The node names the pod is limited to, or null when any node may do; empty when the pod's own terms conflict.</summary>
    IReadOnlySet<string>? NodeNames(PodInfo pod);

    /// <summary>Why no node can do when <see cref="NodeNames"/> is empty, in upstream's words.</summary>
    string ConflictReason { get; }
}
