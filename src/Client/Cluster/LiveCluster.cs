using Playground.Client.Cluster.Trace;
using Playground.Client.Services;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Storage;

namespace Playground.Client.Cluster;

/// <summary>
/// The workspace's picture of one sandbox: the latest nodes, pods and events and the recent writes, loaded from a snapshot and kept
/// current by applying the write stream. Not thread-safe: the page only touches it on its renderer's dispatcher.
/// </summary>
public sealed class LiveCluster
{
    private readonly Dictionary<(string?, string), Node> nodes = [];
    private readonly Dictionary<(string?, string), Pod> pods = [];
    private readonly Dictionary<(string?, string), Event> events = [];

    public long Revision { get; private set; }

    /// <summary>The simulated clock as last seen: the snapshot's time, then the time of the newest write.</summary>
    public DateTimeOffset Now { get; private set; }

    public IReadOnlyCollection<Node> Nodes => nodes.Values;
    public IReadOnlyCollection<Pod> Pods => pods.Values;
    public IReadOnlyCollection<Event> Events => events.Values;

    /// <summary>The writes seen since the snapshot, with their actors and causes, for the workflow trace.</summary>
    public RecentWrites RecentWrites { get; } = new();

    public void Load(ClusterSnapshot snapshot)
    {
        nodes.Clear();
        pods.Clear();
        events.Clear();
        RecentWrites.Clear();
        foreach (var obj in snapshot.Objects) Put(obj);
        Revision = snapshot.Revision;
        Now = snapshot.Now;
    }

    /// <summary>Applies one write; writes at or below the current revision were already seen and are skipped.</summary>
    public void Apply(WriteRecord write)
    {
        if (write.Revision <= Revision) return;
        Revision = write.Revision;
        if (write.Time > Now) Now = write.Time;
        RecentWrites.Add(write);
        if (write.Type == WriteType.Deleted) Remove(write.Object);
        else Put(write.Object);
    }

    private void Put(KubeObject obj)
    {
        switch (obj)
        {
            case Node node: nodes[KeyOf(node)] = node; break;
            case Pod pod: pods[KeyOf(pod)] = pod; break;
            case Event ev: events[KeyOf(ev)] = ev; break;
        }
    }

    private void Remove(KubeObject obj)
    {
        switch (obj)
        {
            case Node node: nodes.Remove(KeyOf(node)); break;
            case Pod pod: pods.Remove(KeyOf(pod)); break;
            case Event ev: events.Remove(KeyOf(ev)); break;
        }
    }

    private static (string?, string) KeyOf(KubeObject obj) => (obj.Metadata.Namespace, obj.Metadata.Name ?? "");
}
