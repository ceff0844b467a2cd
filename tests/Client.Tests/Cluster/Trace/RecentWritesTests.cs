using Playground.Client.Cluster.Trace;
using Playground.Core.Api.Core;
using Playground.Core.Storage;
using static Playground.Client.Tests.Cluster.Trace.Writes;
using static Playground.Client.Tests.ClusterObjects;

namespace Playground.Client.Tests.Cluster.Trace;

public class RecentWritesTests
{
    [Fact]
    public void A_deployment_traces_back_to_its_kubectl_write_through_controllers_scheduler_and_kubelets()
    {
        var recent = From(OfCommands("kubectl create deployment web --image=nginx --replicas=2"));

        var command = Assert.Single(recent.Commands);
        Assert.Equal("create Deployment default/web", command.Summary);
        var lanes = TraceLane.Of(command).Select(l => l.Actor).ToList();
        Assert.Equal(["kubectl", "deployment-controller", "replicaset-controller", "default-scheduler"], lanes.Take(4));
        Assert.NotEmpty(lanes.Skip(4));
        Assert.All(lanes.Skip(4), actor => Assert.StartsWith("kubelet/", actor));
        // Every write past the command's own was caused by an earlier write of the same command: nothing is guessed.
        var revisions = command.Writes.Select(w => w.Revision).ToHashSet();
        Assert.All(command.Writes.Skip(command.RootCount), w => Assert.Contains(w.Cause!.Value, revisions));
        Assert.Equal(2, command.Writes.Count(w => w is { Kind: "Pod", Type: WriteType.Added, Actor: "replicaset-controller" }));
        Assert.Equal(2, command.Writes.Count(w => TraceText.Verb(w) == "bind"));
    }

    [Fact]
    public void A_fault_is_traced_like_a_command_through_what_the_control_plane_does_about_it()
    {
        var cluster = Playground.Core.Simulation.SimulatedCluster.Create();
        Assert.Equal(0, cluster.Kubectl("kubectl create deployment web --image=nginx --replicas=2").ExitCode);
        cluster.Settle();
        var start = cluster.Store.Revision;
        var pod = cluster.Api.List<Pod>("default")[0].Metadata.Name!;

        cluster.Inject(new Playground.Core.Simulation.Fault("delete-pod", Pod: pod));
        cluster.Settle();
        var recent = From(cluster.Store.History(start));

        var command = Assert.Single(recent.Commands);
        Assert.Equal($"delete Pod default/{pod}", command.Summary);
        var lanes = TraceLane.Of(command);
        Assert.Equal(RecentWrites.Fault, lanes[0].Actor);
        Assert.Equal("Fault (from the faults bar)", lanes[0].Title);
        // The ReplicaSet controller replaces the pod, the scheduler places the new one: both traced back to the fault.
        Assert.Contains(command.Writes, w => w is { Kind: "Pod", Type: WriteType.Added, Actor: "replicaset-controller" });
        Assert.Contains(command.Writes, w => TraceText.Verb(w) == "bind");
    }

    [Fact]
    public void Each_command_keeps_its_own_chain_and_periodic_writes_belong_to_none()
    {
        var writes = OfCommands("kubectl create deployment web --image=nginx", "kubectl expose deployment web --port=80");
        var recent = From(writes);

        Assert.Equal(["create Deployment default/web", "create Service default/web"], recent.Commands.Select(c => c.Summary));
        Assert.Equal(["kubectl", "endpoints-controller", "endpointslice-controller"], TraceLane.Of(recent.Commands[1]).Select(l => l.Actor).Take(3));
        var traced = recent.Commands.SelectMany(c => c.Writes).Select(w => w.Revision).ToHashSet();
        Assert.Contains(writes, w => w.Kind == "Lease" && !traced.Contains(w.Revision));
    }

    [Fact]
    public void The_objects_of_one_apply_are_one_command()
    {
        var recent = From(OfCommands("kubectl create configmap solo --from-literal=a=b"));
        var applied = new RecentWrites();
        applied.Add(Write(10, "kubectl", null, ConfigMap("a")));
        applied.Add(Write(11, "kubectl", null, ConfigMap("b")));
        applied.Add(Write(12, "kubectl", null, ConfigMap("c"), time: T0.AddSeconds(5)));

        Assert.Equal(["create ConfigMap default/solo"], recent.Commands.Select(c => c.Summary));
        Assert.Equal(["create ConfigMap default/a and 1 more", "create ConfigMap default/c"], applied.Commands.Select(c => c.Summary));
    }

    [Fact]
    public void A_write_whose_cause_is_no_longer_kept_belongs_to_no_command()
    {
        var recent = From([
            Write(1, "kubectl", null, ConfigMap("a")),
            Write(2, "someone", null, ConfigMap("x")),
            Write(3, "someone", null, ConfigMap("y")),
            Write(4, "controller", 1, ConfigMap("a-child")),
        ], capacity: 2);

        Assert.Equal([1L], recent.Commands.Single().Writes.Select(w => w.Revision));
        Assert.Equal(2, recent.Count);
    }

    [Fact]
    public void The_previous_write_of_an_object_is_found_until_it_is_deleted()
    {
        var first = Write(1, "kubectl", null, ConfigMap("a"));
        var second = Write(2, "kubectl", null, ConfigMap("a", "red"), WriteType.Modified);
        var deleted = Write(3, "kubectl", null, ConfigMap("a", "red"), WriteType.Deleted);
        var again = Write(4, "kubectl", null, ConfigMap("a"));
        var recent = From([first, second, deleted, again]);

        Assert.Same(first, recent.PreviousOf(second));
        Assert.Same(second, recent.PreviousOf(deleted));
        Assert.Null(recent.PreviousOf(again));
        Assert.Null(recent.PreviousOf(first));
    }

    [Fact]
    public void Only_the_newest_commands_are_kept()
    {
        var recent = new RecentWrites(capacity: 100, maxCommands: 3);
        for (var i = 0; i < 5; i++) recent.Add(Write(i + 1, "kubectl", null, ConfigMap($"c{i}"), time: T0.AddSeconds(i)));

        Assert.Equal([3L, 4L, 5L], recent.Commands.Select(c => c.Id));
    }

    [Fact]
    public void An_event_reads_as_its_reason_on_the_object_it_is_about()
    {
        var ev = Event("web.1", "Normal", "Scheduled", "Pod", "web", "m", T0);

        Assert.Equal("create Event Scheduled on Pod default/web", TraceText.Step(Write(5, "default-scheduler", 4, ev)));
        Assert.Equal("bind", TraceText.Verb(Write(6, "default-scheduler", 4, Pod("web", "node-1"), WriteType.Modified)));
        Assert.Equal("update", TraceText.Verb(Write(7, "kubelet/node-1", 6, Pod("web", "node-1"), WriteType.Modified)));
    }
}
