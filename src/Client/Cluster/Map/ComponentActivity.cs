using Playground.Core.Storage;

namespace Playground.Client.Cluster.Map;

/// <summary>What one component did last and how many writes it has made since the page opened.</summary>
public sealed record Activity(WriteRecord Last, int Count);

/// <summary>
/// Each component's latest write and count, kept as writes arrive so the map reads them in constant time per render.
/// A kubelet's lease renewals are left out: they come every ten seconds and would hide the work it does on pods;
/// the map shows heartbeats from the lease itself. Likewise an Event never displaces a component's last change to
/// another object: "bind Pod web-x to node-2" says more than the "Scheduled" event recorded right after it.
/// </summary>
public sealed class ComponentActivity
{
    private readonly Dictionary<MapActor, Activity> byActor = [];

    /// <summary>Every write, whoever made it: all of them passed through the API server into etcd.</summary>
    public Activity? All { get; private set; }

    /// <summary>Every write but the kubelets' lease renewals: what the cluster last did, as opposed to its steady heartbeat.</summary>
    public Activity? Work { get; private set; }

    public void Add(WriteRecord write)
    {
        All = new Activity(write, (All?.Count ?? 0) + 1);
        var actor = ActorMap.Of(write.Actor);
        if (actor.Component == MapComponent.Kubelet && write.Kind == "Lease") return;
        Work = new Activity(write, (Work?.Count ?? 0) + 1);
        var before = byActor.GetValueOrDefault(actor);
        var last = write.Kind == "Event" && before is { Last.Kind: not "Event" } ? before.Last : write;
        byActor[actor] = new Activity(last, (before?.Count ?? 0) + 1);
    }

    public Activity? Of(MapComponent component, string? node = null) => byActor.GetValueOrDefault(new MapActor(component, node));

    public void Clear()
    {
        byActor.Clear();
        All = null;
        Work = null;
    }
}
