using Playground.Client.Cluster.Map;
using Playground.Client.Cluster.Trace;
using Playground.Client.Services;
using Playground.Core.Api.Core;
using Playground.Core.Api.Meta;
using Playground.Core.Storage;

namespace Playground.Client.Cluster;

/// <summary>
/// The workspace's picture of one sandbox: the latest nodes, pods, events, the other kinds the resource browser lists and the recent
/// writes, loaded from a snapshot and kept
/// current by applying the write stream. Not thread-safe: the page only touches it on its renderer's dispatcher.
/// </summary>
public sealed class LiveCluster
{
    private readonly Dictionary<(string?, string), Node> nodes = [];
    private readonly Dictionary<(string?, string), Pod> pods = [];
    private readonly Dictionary<(string?, string), Event> events = [];
    private readonly Dictionary<string, Dictionary<(string?, string), KubeObject>> browsed =
        BrowsedKinds.Concat(MapKinds).ToDictionary(k => k, _ => new Dictionary<(string?, string), KubeObject>());

    /// <summary>The kinds kept besides nodes, pods and events, for the resource browser; other kinds are not kept at all.</summary>
    public static readonly IReadOnlyList<string> BrowsedKinds =
    [
        "Deployment", "ReplicaSet", "StatefulSet", "DaemonSet", "Job", "CronJob", "Service", "ConfigMap", "Secret",
        "PersistentVolumeClaim", "HorizontalPodAutoscaler", "Ingress",
    ];

    /// <summary>Kinds kept for the cluster map only: a node's Lease carries its kubelet's latest heartbeat.</summary>
    public static readonly IReadOnlyList<string> MapKinds = ["Lease"];

    public long Revision { get; private set; }

    /// <summary>The simulated clock as last seen: the snapshot's time, then the time of the newest write.</summary>
    public DateTimeOffset Now { get; private set; }

    /// <summary>How many objects the store holds, of every kind, kept or not: the map's etcd shows it.</summary>
    public int ObjectCount { get; private set; }

    public IReadOnlyCollection<Node> Nodes => nodes.Values;
    public IReadOnlyCollection<Pod> Pods => pods.Values;
    public IReadOnlyCollection<Event> Events => events.Values;

    /// <summary>The current objects of one kind: Node, Pod, Event or one of <see cref="BrowsedKinds"/> or <see cref="MapKinds"/>; empty for any other.</summary>
    public IReadOnlyCollection<KubeObject> OfKind(string kind) => kind switch
    {
        "Node" => nodes.Values,
        "Pod" => pods.Values,
        "Event" => events.Values,
        _ => browsed.TryGetValue(kind, out var objects) ? objects.Values : [],
    };

    /// <summary>The writes seen since the snapshot, with their actors and causes, for the workflow trace.</summary>
    public RecentWrites RecentWrites { get; } = new();

    /// <summary>Each component's latest write since the snapshot, for the cluster map.</summary>
    public ComponentActivity Activity { get; } = new();

    public void Load(ClusterSnapshot snapshot)
    {
        nodes.Clear();
        pods.Clear();
        events.Clear();
        foreach (var objects in browsed.Values) objects.Clear();
        RecentWrites.Clear();
        Activity.Clear();
        foreach (var obj in snapshot.Objects) Put(obj);
        ObjectCount = snapshot.Objects.Count;
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
        Activity.Add(write);
        ObjectCount += write.Type switch { WriteType.Added => 1, WriteType.Deleted => -1, _ => 0 };
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
            // A secret's values never sit in the page's model: its keys stay (the DATA column counts them), each value becomes its size.
            case Secret secret: browsed["Secret"][KeyOf(secret)] = SecretValues.Hide(secret); break;
            default:
                if (browsed.TryGetValue(obj.Kind, out var objects)) objects[KeyOf(obj)] = obj;
                break;
        }
    }

    private void Remove(KubeObject obj)
    {
        switch (obj)
        {
            case Node node: nodes.Remove(KeyOf(node)); break;
            case Pod pod: pods.Remove(KeyOf(pod)); break;
            case Event ev: events.Remove(KeyOf(ev)); break;
            default:
                if (browsed.TryGetValue(obj.Kind, out var objects)) objects.Remove(KeyOf(obj));
                break;
        }
    }

    private static (string?, string) KeyOf(KubeObject obj) => (obj.Metadata.Namespace, obj.Metadata.Name ?? "");
}
