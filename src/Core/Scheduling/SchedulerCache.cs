using Playground.Core.Api.Core;
using Playground.Core.Clients;
using Playground.Core.Scheduling.Framework;

namespace Playground.Core.Scheduling;

/// <summary>
/// The scheduler's cache, as upstream keeps one: the counted pods of every node, and a snapshot of node summaries
/// where a node is summed up again only when it or one of its pods changed.
/// </summary>
internal sealed class SchedulerCache(Informer<Node> nodes)
{
    private readonly Dictionary<string, Dictionary<string, PodInfo>> _assigned = [];
    private readonly HashSet<string> _stale = [];
    private Snapshot? _snapshot;

    /// <summary>Follows a pod's change: it leaves the node it was counted on and joins the one it is counted on now.</summary>
    public void Assign(string key, Pod? old, Pod? current)
    {
        if (old is not null && Counts(old) && _assigned.TryGetValue(old.Spec.NodeName!, out var before))
        {
            before.Remove(key);
            _stale.Add(old.Spec.NodeName!);
        }
        if (current is not null && Counts(current))
        {
            if (!_assigned.TryGetValue(current.Spec.NodeName!, out var after)) _assigned[current.Spec.NodeName!] = after = [];
            after[key] = new PodInfo(current);
            _stale.Add(current.Spec.NodeName!);
        }
    }

    /// <summary>A node changed: summed up again at the next cycle; added or removed nodes rebuild the whole snapshot.</summary>
    public void NodeChanged(Node? old, Node? current)
    {
        if (old is null || current is null) _snapshot = null;
        else _stale.Add(current.Metadata.Name!);
    }

    /// <summary>Every node with the pods the scheduler counts on it, brought up to date.</summary>
    public Snapshot Update()
    {
        if (_snapshot is null) _snapshot = new Snapshot(nodes.List().Select(n => Summarize(n, null)));
        else
        {
            foreach (var name in _stale)
                if (nodes.Get(name) is { } node) _snapshot.Replace(Summarize(node, _snapshot));
        }
        _stale.Clear();
        return _snapshot;
    }

    private NodeInfo Summarize(Node node, Snapshot? snapshot)
    {
        var pods = _assigned.GetValueOrDefault(node.Metadata.Name!)?.Values ?? Enumerable.Empty<PodInfo>();
        return new NodeInfo(node, pods, snapshot?.Get(node.Metadata.Name!));
    }

    /// <summary>The scheduler's pod informer leaves out finished pods, so they hold no room on their node.</summary>
    public static bool Counts(Pod pod) =>
        !string.IsNullOrEmpty(pod.Spec.NodeName) && pod.Status?.Phase is not ("Succeeded" or "Failed");
}
