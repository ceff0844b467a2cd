using Playground.Core.Api.Core;

namespace Playground.Core.Controllers.DaemonSets;

/// <summary>The counts upstream's updateDaemonSetStatus adds up, for one node (each 0 or 1) or a whole DaemonSet.</summary>
internal readonly record struct DaemonCounts(int Desired, int Scheduled, int Misscheduled, int Ready, int Available, int Updated)
{
    public static DaemonCounts operator +(DaemonCounts a, DaemonCounts b) =>
        new(a.Desired + b.Desired, a.Scheduled + b.Scheduled, a.Misscheduled + b.Misscheduled, a.Ready + b.Ready, a.Available + b.Available, a.Updated + b.Updated);

    public static DaemonCounts operator -(DaemonCounts a, DaemonCounts b) =>
        new(a.Desired - b.Desired, a.Scheduled - b.Scheduled, a.Misscheduled - b.Misscheduled, a.Ready - b.Ready, a.Available - b.Available, a.Updated - b.Updated);
}

/// <summary>
/// What one DaemonSet's last sync found on each node, and which nodes changed since: a sync after one daemon pod's
/// change then judges that pod's node instead of all of them, as long as the rest of the cluster stood still.
/// </summary>
internal sealed class DaemonSetState(string ns, string uid, long? generation, long templateGeneration)
{
    public string Namespace { get; } = ns;
    public string Uid { get; } = uid;
    public long? Generation { get; } = generation;
    public long TemplateGeneration { get; } = templateGeneration;

    /// <summary>The revision hash the counts were made with.</summary>
    public string? Hash { get; set; }

    /// <summary>Set when something other than a known node's daemon pods changed: the next sync looks at everything.</summary>
    public bool Full { get; set; } = true;

    /// <summary>Nodes whose daemon pods or node object changed since the last sync.</summary>
    public HashSet<string> Dirty { get; } = new(StringComparer.Ordinal);

    /// <summary>NodeShouldRunDaemonPod's verdict per node, valid while the node object is the one it was judged on.</summary>
    public Dictionary<string, (Node Node, bool ShouldRun, bool ShouldContinueRunning)> Verdicts { get; } = new(StringComparer.Ordinal);

    /// <summary>Each node's share of the status, whether an old-template pod is there, and whether a sync would create or delete a pod there.</summary>
    public Dictionary<string, (DaemonCounts Counts, bool HasOld, bool Unsettled)> Nodes { get; } = new(StringComparer.Ordinal);

    public DaemonCounts Totals { get; private set; }

    public int NodesWithOld { get; private set; }

    public int UnsettledNodes { get; private set; }

    public void Set(string node, DaemonCounts counts, bool hasOld, bool unsettled)
    {
        if (Nodes.Remove(node, out var previous))
        {
            Totals -= previous.Counts;
            NodesWithOld -= previous.HasOld ? 1 : 0;
            UnsettledNodes -= previous.Unsettled ? 1 : 0;
        }
        Nodes[node] = (counts, hasOld, unsettled);
        Totals += counts;
        NodesWithOld += hasOld ? 1 : 0;
        UnsettledNodes += unsettled ? 1 : 0;
    }

    public void Reset()
    {
        Nodes.Clear();
        Totals = default;
        NodesWithOld = 0;
        UnsettledNodes = 0;
    }
}
