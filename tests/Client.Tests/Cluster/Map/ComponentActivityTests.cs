using Playground.Client.Cluster;
using Playground.Client.Cluster.Map;
using Playground.Client.Services;
using Playground.Core.Api.Coordination;
using Playground.Core.Api.Meta;
using Playground.Core.Storage;
using static Playground.Client.Tests.ClusterObjects;
using static Playground.Client.Tests.Cluster.Trace.Writes;

namespace Playground.Client.Tests.Cluster.Map;

public class ComponentActivityTests
{
    private static Lease Lease(string node) => new() { Metadata = new ObjectMeta { Name = node, Namespace = "kube-node-lease" } };

    [Fact]
    public void Each_component_keeps_its_last_write_and_how_many_it_made()
    {
        var activity = new ComponentActivity();

        activity.Add(Write(1, "kubectl", null, Pod("web")));
        activity.Add(Write(2, "replicaset-controller", 1, Pod("web-a")));
        activity.Add(Write(3, "deployment-controller", 1, Pod("web-b")));
        activity.Add(Write(4, "kubelet/node-1", 2, Pod("web-a", "node-1", Running), WriteType.Modified));

        var controllers = activity.Of(MapComponent.ControllerManager)!;
        Assert.Equal((3, 2), (controllers.Last.Revision, controllers.Count));
        Assert.Equal(4, activity.Of(MapComponent.Kubelet, "node-1")!.Last.Revision);
        Assert.Null(activity.Of(MapComponent.Kubelet, "node-2"));
        Assert.Null(activity.Of(MapComponent.Scheduler));
        Assert.Equal((4, 4), (activity.All!.Last.Revision, activity.All.Count));
    }

    [Fact]
    public void A_kubelets_lease_renewals_count_as_writes_but_not_as_its_last_action()
    {
        var activity = new ComponentActivity();

        activity.Add(Write(1, "kubelet/node-1", null, Pod("web-a", "node-1", Running), WriteType.Modified));
        activity.Add(Write(2, "kubelet/node-1", null, Lease("node-1"), WriteType.Modified));

        Assert.Equal(1, activity.Of(MapComponent.Kubelet, "node-1")!.Last.Revision);
        Assert.Equal(2, activity.All!.Last.Revision);
    }

    [Fact]
    public void An_event_a_component_records_after_its_change_does_not_hide_the_change()
    {
        var activity = new ComponentActivity();
        var scheduled = Event("web-a.1", "Normal", "Scheduled", "Pod", "web-a", "Successfully assigned default/web-a to node-1", T0);

        activity.Add(Write(1, "default-scheduler", null, scheduled));
        Assert.Equal(1, activity.Of(MapComponent.Scheduler)!.Last.Revision);
        activity.Add(Write(2, "default-scheduler", null, Pod("web-a", "node-1"), WriteType.Modified));
        activity.Add(Write(3, "default-scheduler", null, scheduled));

        Assert.Equal((2, 3), (activity.Of(MapComponent.Scheduler)!.Last.Revision, activity.Of(MapComponent.Scheduler)!.Count));
        Assert.Equal(3, activity.All!.Last.Revision);
    }

    [Fact]
    public void The_live_cluster_counts_objects_keeps_leases_and_forgets_activity_on_a_new_snapshot()
    {
        var cluster = new LiveCluster();
        cluster.Load(new ClusterSnapshot(5, T0, [Node("node-1"), Lease("node-1"), new Playground.Core.Api.Core.ConfigMap { Metadata = new ObjectMeta { Name = "c", Namespace = "default" } }]));
        Assert.Equal(3, cluster.ObjectCount);
        Assert.Single(cluster.OfKind("Lease"));

        cluster.Apply(Write(6, "kubectl", null, Pod("web")));
        cluster.Apply(Write(7, "kubectl", null, Pod("web"), WriteType.Modified));
        cluster.Apply(Write(8, "kubectl", null, Pod("old"), WriteType.Deleted));
        Assert.Equal(3, cluster.ObjectCount);
        Assert.Equal(3, cluster.Activity.Of(MapComponent.Clients)!.Count);

        cluster.Load(new ClusterSnapshot(9, T0, [Node("node-1")]));
        Assert.Equal(1, cluster.ObjectCount);
        Assert.Null(cluster.Activity.All);
    }
}
