namespace Playground.Core.Scheduling.Framework;

/// <summary>
/// The nodes one scheduling cycle sees, in name order, as upstream's cache snapshot: with the summaries plugins would
/// otherwise work out from every node on every cycle (which nodes hold affinity pods, how many nodes hold an image).
/// </summary>
public sealed class Snapshot
{
    private readonly List<NodeInfo> _nodes;
    private readonly Dictionary<string, int> _positions = [];
    private readonly Dictionary<string, int> _nodesWithImage = [];
    private List<NodeInfo>? _withAffinity;
    private List<NodeInfo>? _withRequiredAntiAffinity;

    public Snapshot(IEnumerable<NodeInfo> nodes)
    {
        _nodes = nodes.OrderBy(n => n.Name, StringComparer.Ordinal).ToList();
        for (var i = 0; i < _nodes.Count; i++)
        {
            _positions[_nodes[i].Name] = i;
            CountImages(_nodes[i], 1);
        }
    }

    public IReadOnlyList<NodeInfo> Nodes => _nodes;

    public int Count => _nodes.Count;

    /// <summary>The named nodes the snapshot knows, in name order.</summary>
    internal List<NodeInfo> Named(IReadOnlySet<string> names) =>
        [.. names.Select(Get).OfType<NodeInfo>().OrderBy(n => n.Name, StringComparer.Ordinal)];

    internal NodeInfo? Get(string name) => _positions.TryGetValue(name, out var i) ? _nodes[i] : null;

    /// <summary>How many nodes hold an image under this name: ImageLocality scales an image's size by its spread.</summary>
    public int NodesWithImage(string image) => _nodesWithImage.GetValueOrDefault(image);

    /// <summary>The nodes running a pod with any inter-pod affinity term (upstream's HavePodsWithAffinityList).</summary>
    public IReadOnlyList<NodeInfo> WithAffinityPods => _withAffinity ??= _nodes.Where(n => n.PodsWithAffinity.Count > 0).ToList();

    /// <summary>The nodes running a pod with required anti-affinity, which every incoming pod must respect.</summary>
    public IReadOnlyList<NodeInfo> WithRequiredAntiAffinityPods =>
        _withRequiredAntiAffinity ??= _nodes.Where(n => n.PodsWithRequiredAntiAffinity.Count > 0).ToList();

    /// <summary>Puts a node's new summary in place of its old one; false when the snapshot does not know the node.</summary>
    internal bool Replace(NodeInfo node)
    {
        if (!_positions.TryGetValue(node.Name, out var i)) return false;
        var old = _nodes[i];
        if (!ReferenceEquals(old.Node, node.Node))
        {
            CountImages(old, -1);
            CountImages(node, 1);
        }
        if (old.PodsWithAffinity.Count + node.PodsWithAffinity.Count > 0) _withAffinity = null;
        if (old.PodsWithRequiredAntiAffinity.Count + node.PodsWithRequiredAntiAffinity.Count > 0) _withRequiredAntiAffinity = null;
        _nodes[i] = node;
        return true;
    }

    private void CountImages(NodeInfo node, int sign)
    {
        foreach (var image in node.Images.Keys) _nodesWithImage[image] = _nodesWithImage.GetValueOrDefault(image) + sign;
    }
}
